import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podDiskUsage, podRequest, rankDiskPressure, rankMemoryPressure, rankPIDPressure } from './ranking.js';
import { Mi, podsWithStats, testPod } from './test-helpers.js';

test('rankMemoryPressure: no stats, then over-request, then lower priority, then usage above request', () => {
  const cases: { name: string; specs: Parameters<typeof podsWithStats>[0]; without?: string[]; want: string[] }[] = [
    {
      name: 'pods over their request go first regardless of priority',
      specs: [
        { name: 'within', priority: 0, containers: [{ name: 'c', requests: { memory: '500Mi' }, usage: { memoryWorkingSetBytes: 400 * Mi } }] },
        { name: 'over', priority: 1000, containers: [{ name: 'c', requests: { memory: '100Mi' }, usage: { memoryWorkingSetBytes: 150 * Mi } }] },
      ],
      want: ['over', 'within'],
    },
    {
      name: 'among pods over request, lower priority first',
      specs: [
        { name: 'high', priority: 100, containers: [{ name: 'c', usage: { memoryWorkingSetBytes: 900 * Mi } }] },
        { name: 'low', priority: -5, containers: [{ name: 'c', usage: { memoryWorkingSetBytes: 10 * Mi } }] },
      ],
      want: ['low', 'high'],
    },
    {
      name: 'same priority: the largest usage above request first',
      specs: [
        { name: 'small', containers: [{ name: 'c', usage: { memoryWorkingSetBytes: 70 * Mi } }] },
        { name: 'big', containers: [{ name: 'c', requests: { memory: '100Mi' }, usage: { memoryWorkingSetBytes: 300 * Mi } }] },
        { name: 'mid', containers: [{ name: 'a', usage: { memoryWorkingSetBytes: 60 * Mi } }, { name: 'b', usage: { memoryWorkingSetBytes: 60 * Mi } }] },
      ],
      want: ['big', 'mid', 'small'],
    },
    {
      name: 'a pod without stats goes first',
      specs: [
        { name: 'measured', containers: [{ name: 'c', usage: { memoryWorkingSetBytes: 900 * Mi } }] },
        { name: 'unknown', priority: 1000, containers: [{ name: 'c' }] },
      ],
      without: ['unknown'],
      want: ['unknown', 'measured'],
    },
  ];
  for (const tc of cases) {
    const { pods, stats } = podsWithStats(tc.specs, tc.without);
    rankMemoryPressure(pods, stats);
    assert.deepEqual(pods.map((p) => p.metadata.name), tc.want, tc.name);
  }
});

test('rankDiskPressure measures the chosen filesystems against ephemeral-storage requests', () => {
  const specs = [
    { name: 'logs', containers: [{ name: 'c', usage: { rootfsUsedBytes: 1 * Mi, logsUsedBytes: 50 * Mi } }] },
    { name: 'rootfs', containers: [{ name: 'c', usage: { rootfsUsedBytes: 80 * Mi, logsUsedBytes: 1 * Mi } }] },
    { name: 'requested', containers: [{ name: 'c', requests: { 'ephemeral-storage': '1Gi' }, usage: { rootfsUsedBytes: 500 * Mi, logsUsedBytes: 0 } }] },
  ];
  const cases = [
    { name: 'everything on one filesystem', measure: ['root', 'logs', 'localVolumeSource'] as const, want: ['rootfs', 'logs', 'requested'] },
    { name: 'nodefs with a dedicated imagefs counts logs only', measure: ['logs', 'localVolumeSource'] as const, want: ['logs', 'rootfs', 'requested'] },
  ];
  for (const tc of cases) {
    const { pods, stats } = podsWithStats(specs);
    rankDiskPressure(tc.measure, 'ephemeral-storage')(pods, stats);
    assert.deepEqual(pods.map((p) => p.metadata.name), tc.want, tc.name);
  }
  const { stats } = podsWithStats([{ name: 'i', containers: [{ name: 'c', usage: { rootfsInodesUsed: 3, logsInodesUsed: 4 } }] }]);
  assert.equal(podDiskUsage(stats.get('uid-i')!, ['root', 'logs'], 'inodes'), 7);
});

test('rankPIDPressure orders by priority, then process count', () => {
  const { pods, stats } = podsWithStats([
    { name: 'few', containers: [{ name: 'c' }] },
    { name: 'many', containers: [{ name: 'c' }] },
    { name: 'important', priority: 10, containers: [{ name: 'c' }] },
  ]);
  stats.get('uid-few')!.processCount = 2;
  stats.get('uid-many')!.processCount = 20;
  stats.get('uid-important')!.processCount = 200;
  rankPIDPressure(pods, stats);
  assert.deepEqual(pods.map((p) => p.metadata.name), ['many', 'few', 'important']);
});

test('podRequest sums app containers and takes the largest init container when bigger', () => {
  const pod = testPod('p', { containers: [{ name: 'a', requests: { memory: '100Mi' } }, { name: 'b', requests: { memory: '50Mi' } }] });
  assert.equal(podRequest(pod, 'memory'), 150 * Mi);
  pod.spec.initContainers = [{ name: 'init', resources: { requests: { memory: '1Gi' } } }];
  assert.equal(podRequest(pod, 'memory'), 1024 * Mi);
  assert.equal(podRequest(pod, 'ephemeral-storage'), 0);
});
