import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import { componentStatusPrinter, nodePrinter } from './core-nodes.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const CREATED = '2025-02-27T12:00:00Z'; // 2 days

function node(opts: {
  labels?: Record<string, string>;
  conditions?: unknown[];
  unschedulable?: boolean;
  status?: Record<string, unknown>;
}): KObject {
  return {
    metadata: { name: 'n1', creationTimestamp: CREATED, labels: opts.labels },
    spec: { unschedulable: opts.unschedulable },
    status: { conditions: opts.conditions, ...opts.status },
  };
}

const ready = [
  { type: 'MemoryPressure', status: 'False' },
  { type: 'Ready', status: 'True' },
];
const info = {
  nodeInfo: {
    kubeletVersion: 'v1.33.1',
    osImage: 'Debian GNU/Linux 12',
    kernelVersion: '6.1.0',
    containerRuntimeVersion: 'containerd://1.7.24',
  },
};

const cases: { name: string; node: KObject; want: unknown[] }[] = [
  {
    name: 'ready worker without roles',
    node: node({ conditions: ready, status: info }),
    want: [
      'n1',
      'Ready',
      '<none>',
      '2d',
      'v1.33.1',
      '<none>',
      '<none>',
      'Debian GNU/Linux 12',
      '6.1.0',
      'containerd://1.7.24',
    ],
  },
  {
    name: 'not ready and cordoned control plane',
    node: node({
      labels: {
        'node-role.kubernetes.io/control-plane': '',
        'node-role.kubernetes.io/etcd': 'true',
        'kubernetes.io/role': 'master',
        'node-role.kubernetes.io/': 'x',
      },
      conditions: [{ type: 'Ready', status: 'False' }],
      unschedulable: true,
      status: {
        addresses: [
          { type: 'Hostname', address: 'n1' },
          { type: 'InternalIP', address: '192.168.1.10' },
          { type: 'ExternalIP', address: '198.51.100.7' },
        ],
      },
    }),
    want: [
      'n1',
      'NotReady,SchedulingDisabled',
      'control-plane,etcd,master',
      '2d',
      '',
      '192.168.1.10',
      '198.51.100.7',
      '<unknown>',
      '<unknown>',
      '<unknown>',
    ],
  },
  {
    name: 'no Ready condition',
    node: node({}),
    want: ['n1', 'Unknown', '<none>', '2d', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'],
  },
  {
    name: 'Ready condition Unknown',
    node: node({ conditions: [{ type: 'Ready', status: 'Unknown' }] }),
    want: ['n1', 'NotReady', '<none>', '2d', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'],
  },
];

for (const c of cases) {
  test(`node printer: ${c.name}`, () => {
    assert.deepEqual(nodePrinter.cells(c.node, NOW), c.want);
  });
}

test('node printer: columns and wide priorities', () => {
  assert.deepEqual(
    nodePrinter.columns.map((c) => `${c.name}:${c.priority}`),
    [
      'Name:0',
      'Status:0',
      'Roles:0',
      'Age:0',
      'Version:0',
      'Internal-IP:1',
      'External-IP:1',
      'OS-Image:1',
      'Kernel-Version:1',
      'Container-Runtime:1',
    ],
  );
});

const csCases: { name: string; cs: KObject; want: unknown[] }[] = [
  {
    name: 'healthy',
    cs: { metadata: { name: 'etcd-0' }, conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }] },
    want: ['etcd-0', 'Healthy', 'ok', ''],
  },
  {
    name: 'unhealthy',
    cs: {
      metadata: { name: 'scheduler' },
      conditions: [{ type: 'Healthy', status: 'False', message: '', error: 'connection refused' }],
    },
    want: ['scheduler', 'Unhealthy', '', 'connection refused'],
  },
  { name: 'no condition', cs: { metadata: { name: 'x' } }, want: ['x', 'Unknown', '', ''] },
];

for (const c of csCases) {
  test(`componentstatus printer: ${c.name}`, () => {
    assert.deepEqual(componentStatusPrinter.cells(c.cs, NOW), c.want);
  });
}
