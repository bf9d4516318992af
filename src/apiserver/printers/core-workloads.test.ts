import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import { podTemplatePrinter, replicationControllerPrinter } from './core-workloads.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const meta = { name: 'x', creationTimestamp: '2025-03-01T09:00:00Z' }; // 3h
const template = {
  metadata: { labels: { run: 'x', app: 'a' } },
  spec: {
    containers: [
      { name: 'web', image: 'nginx:1.27' },
      { name: 'log', image: 'busybox' },
    ],
  },
};

const cases: { name: string; run: () => unknown[]; want: unknown[] }[] = [
  {
    name: 'pod template: containers, images and pod labels',
    run: () => podTemplatePrinter.cells({ metadata: meta, template } as KObject, NOW),
    want: ['x', 'web,log', 'nginx:1.27,busybox', 'app=a,run=x'],
  },
  {
    name: 'pod template without a template',
    run: () => podTemplatePrinter.cells({ metadata: meta }, NOW),
    want: ['x', '', '', '<none>'],
  },
  {
    name: 'replication controller',
    run: () =>
      replicationControllerPrinter.cells(
        {
          metadata: meta,
          spec: { replicas: 3, selector: { app: 'a' }, template },
          status: { replicas: 3, readyReplicas: 2 },
        },
        NOW,
      ),
    want: ['x', 3, 3, 2, '3h', 'web,log', 'nginx:1.27,busybox', 'app=a'],
  },
  {
    name: 'replication controller defaults and empty status',
    run: () => replicationControllerPrinter.cells({ metadata: meta, spec: {} }, NOW),
    want: ['x', 1, 0, 0, '3h', '', '', '<none>'],
  },
];

for (const c of cases) {
  test(`core workload printers: ${c.name}`, () => {
    assert.deepEqual(c.run(), c.want);
  });
}

test('replication controller: wide columns are CONTAINERS IMAGES SELECTOR', () => {
  assert.deepEqual(
    replicationControllerPrinter.columns.filter((c) => c.priority === 1).map((c) => c.name),
    ['Containers', 'Images', 'Selector'],
  );
});
