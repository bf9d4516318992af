import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { FakeClock } from '../../util/clock.js';
import type { ContainerStats, ListContainerStatsResponse } from '../cri/types-stats.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { resourceMetricsText } from './metrics.js';
import { StatsProvider, type NodeUsage } from './stats.js';

function stat(id: string, pod: string, container: string, cpuNs: number, ws: number, attempt = 0): ContainerStats {
  return {
    attributes: {
      id,
      metadata: { name: container, attempt },
      labels: {
        'io.kubernetes.pod.uid': `uid-${pod}`,
        'io.kubernetes.pod.name': pod,
        'io.kubernetes.pod.namespace': 'ns',
        'io.kubernetes.container.name': container,
      },
      annotations: {},
    },
    cpu: { timestamp: '0', usage_core_nano_seconds: { value: String(cpuNs) }, usage_nano_cores: null },
    memory: {
      timestamp: '0',
      working_set_bytes: { value: String(ws) },
      usage_bytes: { value: String(ws * 2) },
      available_bytes: null,
      rss_bytes: null,
      page_faults: null,
      major_page_faults: null,
    },
    writable_layer: { timestamp: '0', fs_id: null, used_bytes: { value: '4096' }, inodes_used: { value: '3' } },
  };
}

test('summary sums containers per pod and derives usageNanoCores from the previous sample', async () => {
  const clock = new FakeClock(Date.parse('2026-11-22T10:00:00Z'));
  let stats: ContainerStats[] = [stat('a', 'p', 'c1', 1e9, 100), stat('b', 'p', 'c2', 2e9, 50)];
  let nodeNs = 10e9;
  const node = async (): Promise<NodeUsage> => ({
    cpuCoreNanoSeconds: nodeNs,
    memoryTotalBytes: 1000,
    memoryAvailableBytes: 400,
    memoryFreeBytes: 100,
    bootTimeSeconds: 1_700_000_000,
  });
  const provider = new StatsProvider({
    cri: { listContainerStats: async (): Promise<ListContainerStatsResponse> => ({ stats }) },
    host: {
      listPods: () => [],
      getPod: () =>
        ({
          metadata: { name: 'p', uid: 'uid-p' },
          spec: { containers: [] },
          status: { startTime: '2026-11-22T09:00:00Z' },
        }) as ApiPod,
    },
    nodeName: 'n1',
    clock,
    rootDir: tmpdir(),
    readNode: node,
  });
  const first = await provider.summary();
  assert.equal(first.node.nodeName, 'n1');
  assert.equal(first.node.cpu?.usageNanoCores, undefined, 'no rate before a second sample');
  assert.deepEqual(first.node.memory, {
    time: '2026-11-22T10:00:00.000Z',
    availableBytes: 400,
    usageBytes: 900,
    workingSetBytes: 600,
  });
  assert.ok((first.node.fs?.capacityBytes ?? 0) > 0);
  assert.equal(first.pods.length, 1);
  assert.deepEqual(first.pods[0]!.podRef, { name: 'p', namespace: 'ns', uid: 'uid-p' });
  assert.equal(first.pods[0]!.startTime, '2026-11-22T09:00:00Z');
  assert.equal(first.pods[0]!.memory?.workingSetBytes, 150);
  assert.equal(first.pods[0]!.cpu?.usageCoreNanoSeconds, 3e9);
  assert.deepEqual(first.pods[0]!.containers[0]!.rootfs, {
    time: '2026-11-22T10:00:00.000Z',
    usedBytes: 4096,
    inodesUsed: 3,
  });

  clock.step(2000);
  nodeNs += 1e9; // half a core over 2 s
  stats = [stat('a', 'p', 'c1', 1e9 + 4e8, 100)]; // 0.2 cores; c2 is gone
  const second = await provider.summary();
  assert.equal(second.node.cpu?.usageNanoCores, 5e8);
  assert.equal(second.pods[0]!.containers.length, 1);
  assert.equal(second.pods[0]!.containers[0]!.cpu?.usageNanoCores, 2e8);
  assert.equal(second.pods[0]!.cpu?.usageNanoCores, 2e8);

  const text = resourceMetricsText(second);
  assert.match(text, /^node_cpu_usage_seconds_total 11 \d+$/m);
  assert.match(text, /^node_memory_working_set_bytes 600 \d+$/m);
  assert.match(text, /^container_cpu_usage_seconds_total\{container="c1",namespace="ns",pod="p"\} 1\.4 \d+$/m);
  assert.match(text, /^pod_memory_working_set_bytes\{namespace="ns",pod="p"\} 100 \d+$/m);
  assert.match(text, /^scrape_error 0$/m);
});

test('summary lists a restarted container once, with its latest attempt (containerd also reports exited ones)', async () => {
  const stats = [stat('old', 'p', 'c1', 5e9, 0, 0), stat('new', 'p', 'c1', 1e9, 70, 1), stat('b', 'p', 'c2', 2e9, 30)];
  const provider = new StatsProvider({
    cri: { listContainerStats: async (): Promise<ListContainerStatsResponse> => ({ stats }) },
    host: { listPods: () => [], getPod: () => undefined },
    nodeName: 'n1',
    clock: new FakeClock(0),
    rootDir: tmpdir(),
    readNode: async () => ({ cpuCoreNanoSeconds: 0, memoryTotalBytes: 0, memoryAvailableBytes: 0, memoryFreeBytes: 0, bootTimeSeconds: 0 }),
  });
  const pod = (await provider.summary()).pods[0]!;
  assert.deepEqual(
    pod.containers.map((c) => [c.name, c.cpu?.usageCoreNanoSeconds]),
    [
      ['c1', 1e9],
      ['c2', 2e9],
    ],
  );
  assert.equal(pod.memory?.workingSetBytes, 100);
  assert.equal(pod.cpu?.usageCoreNanoSeconds, 3e9);
});
