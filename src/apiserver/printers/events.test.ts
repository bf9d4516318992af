import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import { eventPrinter, eventsV1Printer } from './events.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const ago = (seconds: number, micro = false) => {
  const iso = new Date(NOW.getTime() - seconds * 1000).toISOString();
  return micro ? iso.replace('Z', '000Z') : iso.replace('.000Z', 'Z');
};

const coreCases: { name: string; ev: KObject; want: unknown[] }[] = [
  {
    name: 'kubelet event with counts and source',
    ev: {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'p.17f', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'p', fieldPath: 'spec.containers{c}' },
      reason: 'BackOff',
      message: ' Back-off restarting failed container \n',
      type: 'Warning',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: ago(600),
      lastTimestamp: ago(20),
      count: 7,
    },
    want: [
      '20s',
      'Warning',
      'BackOff',
      'pod/p',
      'spec.containers{c}',
      'kubelet, node-1',
      'Back-off restarting failed container',
      '10m',
      7,
      'p.17f',
    ],
  },
  {
    name: 'event with only an event time, from a reporting controller',
    ev: {
      metadata: { name: 'd.1' },
      involvedObject: { kind: 'Deployment', name: 'web' },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-abc to 2',
      type: 'Normal',
      eventTime: ago(90, true),
      reportingComponent: 'deployment-controller',
      reportingInstance: '',
    },
    want: [
      '90s',
      'Normal',
      'ScalingReplicaSet',
      'deployment/web',
      '',
      'deployment-controller',
      'Scaled up replica set web-abc to 2',
      '90s',
      1,
      'd.1',
    ],
  },
  {
    name: 'series replaces last seen and count',
    ev: {
      metadata: { name: 's.1' },
      involvedObject: { kind: 'Node' },
      reason: 'Rebooted',
      type: 'Warning',
      eventTime: ago(3600, true),
      series: { count: 4, lastObservedTime: ago(30, true) },
      reportingComponent: 'kubelet',
      reportingInstance: 'node-1',
    },
    want: ['30s', 'Warning', 'Rebooted', 'node', '', 'kubelet, node-1', '', '60m', 4, 's.1'],
  },
  {
    name: 'no timestamps at all',
    ev: { metadata: { name: 'x' }, involvedObject: {} },
    want: ['<unknown>', '', '', '', '', '', '', '<unknown>', 1, 'x'],
  },
];

for (const c of coreCases) {
  test(`event printer: ${c.name}`, () => {
    assert.deepEqual(eventPrinter.cells(c.ev, NOW), c.want);
  });
}

test('events.k8s.io events print like the core events they convert to', () => {
  const ev: KObject = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: { name: 'p.18a', namespace: 'default' },
    eventTime: ago(120, true),
    reportingController: 'default-scheduler',
    reportingInstance: 'default-scheduler-node-1',
    action: 'Binding',
    reason: 'Scheduled',
    regarding: { kind: 'Pod', name: 'p' },
    note: 'Successfully assigned default/p to node-1',
    type: 'Normal',
    deprecatedCount: 0,
  };
  assert.deepEqual(eventsV1Printer.cells(ev, NOW), [
    '2m',
    'Normal',
    'Scheduled',
    'pod/p',
    '',
    'default-scheduler, default-scheduler-node-1',
    'Successfully assigned default/p to node-1',
    '2m',
    1,
    'p.18a',
  ]);
});

test('event columns: LAST SEEN TYPE REASON OBJECT MESSAGE, the rest wide', () => {
  assert.deepEqual(
    eventPrinter.columns.filter((c) => c.priority === 0).map((c) => c.name),
    ['Last Seen', 'Type', 'Reason', 'Object', 'Message'],
  );
  assert.deepEqual(
    eventPrinter.columns.filter((c) => c.priority === 1).map((c) => c.name),
    ['Subobject', 'Source', 'First Seen', 'Count', 'Name'],
  );
});
