import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { FakeClock } from '../../util/clock.js';
import { silentLogger } from '../../util/log.js';
import { FakeCriClient } from '../cri/fake-client.js';
import { containerLabels, sandboxLabels } from '../kuberuntime/labels.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { FakeRecorder } from '../prober/events.js';
import { differentFilesystems, NodeHousekeeping } from './housekeeping.js';
import { housekeepingConfigFromFlags } from './housekeeping-flags.js';

const Mi = 1024 * 1024;
const PAUSE = 'registry.k8s.io/pause:3.10';

/** A node with one running pod `web`, memory available as given by `freeMemory()` and a roomy disk. */
async function fixture(freeMemory: () => number) {
  const clock = new FakeClock();
  const cri = new FakeCriClient({ clock });
  cri.images.add('busybox', { size: 10 });
  cri.images.add(PAUSE, { size: 1 });
  const pod: ApiPod = {
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web' },
    spec: { containers: [{ name: 'c', image: 'busybox' }] },
    status: { phase: 'Running' },
  };
  const { pod_sandbox_id } = await cri.runPodSandbox({ config: { metadata: { ...pod.metadata, attempt: 0 }, labels: sandboxLabels(pod) } });
  const { container_id } = await cri.createContainer({
    pod_sandbox_id,
    config: { metadata: { name: 'c' }, image: { image: 'busybox' }, labels: containerLabels(pod, 'c') },
  });
  await cri.startContainer({ container_id });
  const pods: ApiPod[] = [pod];
  const evicted: string[] = [];
  const recorder = new FakeRecorder();
  const hk = await NodeHousekeeping.create({
    cri,
    config: housekeepingConfigFromFlags({ 'eviction-hard': 'memory.available<100Mi,nodefs.available<10%' }),
    rootDir: '/kubelet',
    podLogsDir: '/nonexistent-k8ts-logs',
    sandboxImage: PAUSE,
    memoryCapacity: 1024 * Mi,
    listPods: () => pods,
    podsSynced: () => true,
    evictPod: async (p, _grace, status) => {
      evicted.push(`${p.metadata.name} ${status.reason}`);
      p.status = { phase: status.phase, reason: status.reason, message: status.message };
    },
    recorder,
    sources: {
      statfs: async () => ({ bsize: 1024, blocks: 1000, bavail: 900, files: 100, ffree: 90 }),
      memoryCgroupDirs: ['/cg'],
      readFile: async (p) => {
        if (p === '/cg/memory.usage_in_bytes') return String(1024 * Mi - freeMemory());
        if (p === '/cg/memory.stat') return 'total_inactive_file 0\n';
        throw new Error(`ENOENT ${p}`);
      },
    },
    clock,
    logger: silentLogger,
  });
  return { clock, cri, hk, pods, evicted, recorder };
}

test('housekeeping evicts under memory pressure through the injected kill, then reports the pod as not active', async () => {
  const f = await fixture(() => 50 * Mi);
  assert.deepEqual(f.hk.pressure(), { memoryPressure: false, diskPressure: false, pidPressure: false });
  assert.deepEqual((await f.hk.eviction.synchronize()).map((p) => p.metadata.name), ['web']);
  assert.deepEqual(f.evicted, ['web Evicted']);
  assert.equal(f.hk.pressure().memoryPressure, true);
  assert.match(f.recorder.lines()[0]!, /^Warning Evicted The node was low on resource: memory\. Threshold quantity: 100Mi, available: 50Mi\. $/);
  // The evicted pod is Failed now: no longer a candidate.
  f.clock.step(10_000);
  assert.deepEqual(await f.hk.eviction.synchronize(), []);
  assert.equal(f.hk.admit({ metadata: { name: 'x', uid: 'x' }, spec: { containers: [{ name: 'c' }] } }).admit, false);
});

test('housekeeping GC wiring: terminated pods are reclaimed only under pressure, node images are listed', async () => {
  const f = await fixture(() => 900 * Mi);
  for (const id of f.cri.containers.keys()) f.cri.exitContainer(id, 0);
  f.pods[0]!.status = { phase: 'Succeeded' };
  await f.hk.containerGC.garbageCollect();
  assert.equal(f.cri.containers.size, 1, 'the newest dead container stays for logs');
  await f.hk.containerGC.deleteAllUnusedContainers();
  assert.equal(f.cri.containers.size, 0);
  const images = await f.hk.nodeImages();
  assert.deepEqual(images.map((i) => i.sizeBytes), [10, 1]);
});

test('differentFilesystems compares devices', async () => {
  assert.equal(await differentFilesystems(tmpdir(), tmpdir()), false);
  assert.equal(await differentFilesystems('/proc', '/'), true);
  assert.equal(await differentFilesystems('/nonexistent-a', '/'), false);
});
