import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evictionMessage, podIsEvicted } from './message.js';
import { parseThresholdConfig } from './thresholds.js';
import type { Observation, Signal } from './types.js';
import { Mi, podsWithStats } from './test-helpers.js';

const thresholds = parseThresholdConfig({ evictionHard: 'memory.available<100Mi,nodefs.available<10%,nodefs.inodesFree<1000' });
const obs = new Map<Signal, Observation>([
  ['memory.available', { available: 50 * Mi, capacity: 4096 * Mi }],
  ['nodefs.available', { available: 100 * Mi, capacity: 10 * 1024 * Mi }],
  ['nodefs.inodesFree', { available: 900, capacity: 100000 }],
]);

test('evictionMessage uses upstream wording', () => {
  const { pods, stats } = podsWithStats([
    {
      name: 'web',
      containers: [
        { name: 'c', usage: { memoryWorkingSetBytes: 70 * Mi, rootfsUsedBytes: 3 * Mi, logsUsedBytes: 1 * Mi } },
        { name: 'ok', requests: { memory: '200Mi', 'ephemeral-storage': '1Gi' }, usage: { memoryWorkingSetBytes: 10 * Mi } },
        { name: 'big', requests: { memory: '0.1Gi' }, usage: { memoryWorkingSetBytes: 300 * Mi } },
      ],
    },
  ]);
  const cases = [
    {
      name: 'memory with offending containers',
      resource: 'memory' as const,
      want:
        'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ' +
        'Container c was using 70Mi, request is 0, has larger consumption of memory. ' +
        'Container big was using 300Mi, request is 107374182400m, has larger consumption of memory. ',
      containers: 'c,big',
    },
    {
      // 10% is stored as float32 (0.100000001…), exactly as upstream, so the quantity is not a round 1Gi.
      name: 'disk: a percentage threshold prints as bytes of capacity; usage is rootfs + logs',
      resource: 'ephemeral-storage' as const,
      want:
        'The node was low on resource: ephemeral-storage. Threshold quantity: 1073741840, available: 100Mi. ' +
        'Container c was using 4Mi, request is 0, has larger consumption of ephemeral-storage. ',
      containers: 'c',
    },
    {
      name: 'inodes print in decimal',
      resource: 'inodes' as const,
      want: 'The node was low on resource: inodes. Threshold quantity: 1k, available: 900. ',
      containers: '',
    },
  ];
  for (const tc of cases) {
    const got = evictionMessage(tc.resource, pods[0]!, stats, thresholds, obs);
    assert.equal(got.message, tc.want, tc.name);
    assert.equal(got.annotations.offending_containers, tc.containers, tc.name);
    assert.equal(got.annotations.starved_resource, tc.resource, tc.name);
  }
});

test('evictionMessage without stats or a met threshold keeps only what it knows', () => {
  const { pods } = podsWithStats([{ name: 'p', containers: [{ name: 'c' }] }]);
  assert.deepEqual(evictionMessage('memory', pods[0]!, new Map(), thresholds, new Map()), {
    message: 'The node was low on resource: memory. ',
    annotations: {},
  });
});

test('podIsEvicted', () => {
  const cases: [Parameters<typeof podIsEvicted>[0], boolean][] = [
    [{ phase: 'Failed', reason: 'Evicted' }, true],
    [{ phase: 'Failed', reason: 'Error' }, false],
    [{ phase: 'Running', reason: 'Evicted' }, false],
    [undefined, false],
  ];
  for (const [status, want] of cases) assert.equal(podIsEvicted(status), want, JSON.stringify(status));
});
