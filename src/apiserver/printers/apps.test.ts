import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
} from './apps.js';
import type { TablePrinter } from './table.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const meta = { name: 'web', namespace: 'default', creationTimestamp: '2025-02-28T12:00:00Z' }; // 24h
const template = {
  metadata: { labels: { app: 'web' } },
  spec: {
    containers: [
      { name: 'nginx', image: 'nginx:1.21' },
      { name: 'side', image: 'busybox' },
    ],
  },
};
const selector = {
  matchLabels: { app: 'web' },
  matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }],
};

const cases: { name: string; printer: TablePrinter; obj: KObject; want: unknown[] }[] = [
  {
    name: 'deployment rolling out',
    printer: deploymentPrinter,
    obj: {
      metadata: meta,
      spec: { replicas: 3, selector, template },
      status: { replicas: 3, readyReplicas: 2, updatedReplicas: 1, availableReplicas: 2 },
    },
    want: ['web', '2/3', 1, 2, '24h', 'nginx,side', 'nginx:1.21,busybox', 'app=web,tier in (a,b)'],
  },
  {
    name: 'fresh deployment without status',
    printer: deploymentPrinter,
    obj: { metadata: meta, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template } },
    want: ['web', '0/2', 0, 0, '24h', 'nginx,side', 'nginx:1.21,busybox', 'app=web'],
  },
  {
    name: 'deployment with an empty selector prints it empty',
    printer: deploymentPrinter,
    obj: { metadata: meta, spec: { replicas: 1, selector: {} } },
    want: ['web', '0/1', 0, 0, '24h', '', '', ''],
  },
  {
    name: 'deployment with an invalid selector prints <invalid>',
    printer: deploymentPrinter,
    obj: { metadata: meta, spec: { selector: { matchExpressions: [{ key: 'a', operator: 'Near' }] } } },
    want: ['web', '0/1', 0, 0, '24h', '', '', '<invalid>'],
  },
  {
    name: 'replica set',
    printer: replicaSetPrinter,
    obj: {
      metadata: meta,
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template },
      status: { replicas: 2, readyReplicas: 1 },
    },
    want: ['web', 2, 2, 1, '24h', 'nginx,side', 'nginx:1.21,busybox', 'app=web'],
  },
  {
    name: 'replica set with an empty selector prints <none>',
    printer: replicaSetPrinter,
    obj: { metadata: meta, spec: { replicas: 0, selector: {} } },
    want: ['web', 0, 0, 0, '24h', '', '', '<none>'],
  },
  {
    name: 'stateful set',
    printer: statefulSetPrinter,
    obj: { metadata: meta, spec: { replicas: 3, template }, status: { readyReplicas: 3 } },
    want: ['web', '3/3', '24h', 'nginx,side', 'nginx:1.21,busybox'],
  },
  {
    name: 'daemon set with a node selector',
    printer: daemonSetPrinter,
    obj: {
      metadata: meta,
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { ...template, spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } },
      },
      status: {
        desiredNumberScheduled: 3,
        currentNumberScheduled: 3,
        numberReady: 2,
        updatedNumberScheduled: 3,
        numberAvailable: 2,
      },
    },
    want: ['web', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '24h', 'nginx,side', 'nginx:1.21,busybox', 'app=web'],
  },
  {
    name: 'daemon set without status or node selector',
    printer: daemonSetPrinter,
    obj: { metadata: meta, spec: { selector: { matchLabels: { app: 'web' } }, template } },
    want: ['web', 0, 0, 0, 0, 0, '<none>', '24h', 'nginx,side', 'nginx:1.21,busybox', 'app=web'],
  },
  {
    name: 'controller revision owned by a stateful set',
    printer: controllerRevisionPrinter,
    obj: {
      metadata: {
        ...meta,
        name: 'web-7d9f',
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u', controller: true }],
      },
      revision: 2,
      data: {},
    },
    want: ['web-7d9f', 'statefulset.apps/web', 2, '24h'],
  },
  {
    name: 'controller revision without a controller',
    printer: controllerRevisionPrinter,
    obj: {
      metadata: { ...meta, ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'x', uid: 'u' }] },
      revision: 1,
    },
    want: ['web', '<none>', 1, '24h'],
  },
];

for (const c of cases) {
  test(`apps printers: ${c.name}`, () => {
    assert.deepEqual(c.printer.cells(c.obj, NOW), c.want);
    assert.equal(c.printer.columns.length, c.want.length);
  });
}

test('deployment columns: NAME READY UP-TO-DATE AVAILABLE AGE, wide CONTAINERS IMAGES SELECTOR', () => {
  assert.deepEqual(
    deploymentPrinter.columns.map((c) => `${c.name}:${c.priority}`),
    ['Name:0', 'Ready:0', 'Up-to-date:0', 'Available:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1'],
  );
});

test('replica set columns: NAME DESIRED CURRENT READY AGE, wide CONTAINERS IMAGES SELECTOR', () => {
  assert.deepEqual(
    replicaSetPrinter.columns.map((c) => `${c.name}:${c.priority}`),
    ['Name:0', 'Desired:0', 'Current:0', 'Ready:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1'],
  );
});
