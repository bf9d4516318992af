import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { silentLogger } from '../../util/log.js';
import { FakeRecorder } from '../prober/events.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { EvictionManager, type EvictionManagerOptions, type EvictionStatus } from './eviction-manager.js';
import type { PodStats } from './pod-stats.js';
import { parseThresholdConfig, type EvictionFlags } from './thresholds.js';
import type { Observation, Signal } from './types.js';
import { Mi, podsWithStats, testPod } from './test-helpers.js';

const Gi = 1024 * Mi;

/** A manager over mutable observations and pods, recording evictions, events and reclaim calls. */
function fixture(flags: EvictionFlags = {}, extra: Partial<EvictionManagerOptions> = {}) {
  const clock = new FakeClock();
  const recorder = new FakeRecorder();
  const state = {
    memory: 2 * Gi,
    nodefs: 50 * Gi,
    pods: [] as ApiPod[],
    stats: new Map<string, PodStats>(),
    evicted: [] as { name: string; grace: number; status: EvictionStatus }[],
    calls: [] as string[],
    nodeEvents: [] as string[],
    /** What reclaiming frees on nodefs. */
    reclaimFrees: 0,
  };
  const observe = async () =>
    new Map<Signal, Observation>([
      ['memory.available', { available: state.memory, capacity: 4 * Gi, time: clock.now() }],
      ['nodefs.available', { available: state.nodefs, capacity: 100 * Gi, time: clock.now() }],
      ['imagefs.available', { available: state.nodefs, capacity: 100 * Gi, time: clock.now() }],
    ]);
  const manager = new EvictionManager({
    thresholds: parseThresholdConfig(flags),
    observe,
    podStats: async () => state.stats,
    activePods: () => state.pods.filter((p) => !state.evicted.some((e) => e.name === p.metadata.name)),
    evictPod: async (pod, grace, status) => {
      state.evicted.push({ name: pod.metadata.name, grace, status });
    },
    containerGC: {
      deleteAllUnusedContainers: async () => {
        state.calls.push('containers');
      },
    },
    imageGC: {
      deleteUnusedImages: async () => {
        state.calls.push('images');
        state.nodefs += state.reclaimFrees;
      },
    },
    recorder,
    nodeEvent: (type, reason, message) => state.nodeEvents.push(`${type} ${reason} ${message}`),
    clock,
    logger: silentLogger,
    ...extra,
  });
  const setPods = (specs: Parameters<typeof podsWithStats>[0]) => {
    const { pods, stats } = podsWithStats(specs);
    state.pods = pods;
    state.stats = stats;
  };
  return { clock, recorder, state, manager, setPods };
}

test('no eviction and no pressure while every signal is above its threshold', async () => {
  const f = fixture();
  f.setPods([{ name: 'a', containers: [{ name: 'c', usage: { memoryWorkingSetBytes: Gi } }] }]);
  assert.deepEqual(await f.manager.synchronize(), []);
  assert.deepEqual(f.manager.pressure(), { memoryPressure: false, diskPressure: false, pidPressure: false });
  assert.deepEqual(f.state.nodeEvents, []);
});

test('memory pressure evicts the top-ranked pod, one per pass, with upstream status, message and event', async () => {
  const f = fixture();
  f.setPods([
    { name: 'guarded', containers: [{ name: 'c', requests: { memory: '1Gi' }, usage: { memoryWorkingSetBytes: 500 * Mi } }] },
    { name: 'hog', containers: [{ name: 'c', usage: { memoryWorkingSetBytes: 70 * Mi } }] },
  ]);
  f.state.memory = 50 * Mi;
  const evicted = await f.manager.synchronize();
  assert.deepEqual(evicted.map((p) => p.metadata.name), ['hog']);
  const message =
    'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ' +
    'Container c was using 70Mi, request is 0, has larger consumption of memory. ';
  assert.equal(f.state.evicted.length, 1);
  const { grace, status } = f.state.evicted[0]!;
  assert.equal(grace, 1);
  assert.deepEqual({ ...status, conditions: status.conditions.map((c) => [c.type, c.status, c.reason, c.message]) }, {
    phase: 'Failed',
    reason: 'Evicted',
    message,
    conditions: [['DisruptionTarget', 'True', 'TerminationByKubelet', message]],
  });
  assert.deepEqual(f.recorder.lines(), [`Warning Evicted ${message}`]);
  assert.equal(f.recorder.events[0]!.ref.name, 'hog');
  assert.deepEqual(f.state.nodeEvents, ['Warning EvictionThresholdMet Attempting to reclaim memory']);
  assert.deepEqual(f.state.calls, [], 'memory has no node-level reclaim');
  assert.equal(f.manager.pressure().memoryPressure, true);
  // Next pass (new stats): the next pod.
  f.clock.step(10_000);
  assert.deepEqual((await f.manager.synchronize()).map((p) => p.metadata.name), ['guarded']);
});

test('critical pods are never evicted', async () => {
  const cases: { name: string; specs: Parameters<typeof podsWithStats>[0]; want: string[] }[] = [
    {
      name: 'system-critical priority and static pods are skipped for the next candidate',
      specs: [
        { name: 'critical', priority: 2_000_000_000, containers: [{ name: 'c', usage: { memoryWorkingSetBytes: 900 * Mi } }] },
        { name: 'static', annotations: { 'kubernetes.io/config.source': 'file' }, containers: [{ name: 'c', usage: { memoryWorkingSetBytes: 800 * Mi } }] },
        { name: 'normal', containers: [{ name: 'c', usage: { memoryWorkingSetBytes: 10 * Mi } }] },
      ],
      want: ['normal'],
    },
    {
      name: 'only critical pods: nothing is evicted',
      specs: [{ name: 'mirror', annotations: { 'kubernetes.io/config.mirror': 'x' }, containers: [{ name: 'c' }] }],
      want: [],
    },
  ];
  for (const tc of cases) {
    const f = fixture();
    f.setPods(tc.specs);
    f.state.memory = 10 * Mi;
    assert.deepEqual((await f.manager.synchronize()).map((p) => p.metadata.name), tc.want, tc.name);
  }
});

test('disk pressure reclaims dead containers and unused images before evicting pods', async () => {
  const cases = [
    { name: 'reclaim resolves the pressure', frees: 20 * Gi, evicted: [] as string[] },
    { name: 'reclaim is not enough: evict', frees: 1 * Gi, evicted: ['writer'] },
  ];
  for (const tc of cases) {
    const f = fixture();
    f.setPods([{ name: 'writer', containers: [{ name: 'c', usage: { rootfsUsedBytes: Gi, logsUsedBytes: Gi } }] }]);
    f.state.nodefs = 5 * Gi;
    f.state.reclaimFrees = tc.frees;
    const got = await f.manager.synchronize();
    assert.deepEqual(got.map((p) => p.metadata.name), tc.evicted, tc.name);
    assert.deepEqual(f.state.calls, ['containers', 'images'], tc.name);
    assert.equal(f.manager.pressure().diskPressure, true, tc.name);
    if (tc.evicted.length) assert.match(f.state.evicted[0]!.status.message, /^The node was low on resource: ephemeral-storage\. /);
  }
});

test('pressure conditions persist for the transition period after the last observation', async () => {
  const f = fixture({}, { pressureTransitionPeriodMs: 5 * 60_000 });
  f.state.memory = 10 * Mi;
  await f.manager.synchronize();
  assert.deepEqual(f.manager.conditions(), ['MemoryPressure']);
  f.state.memory = 2 * Gi;
  const steps = [
    { after: 10_000, want: true },
    { after: 4 * 60_000, want: true },
    { after: 60_000, want: false },
  ];
  for (const s of steps) {
    f.clock.step(s.after);
    assert.deepEqual(await f.manager.synchronize(), []);
    assert.equal(f.manager.pressure().memoryPressure, s.want, `after ${s.after}`);
  }
});

test('a soft threshold reports pressure at once but evicts only after its grace period, with the max pod grace', async () => {
  const f = fixture(
    { evictionHard: '', evictionSoft: 'memory.available<1Gi', evictionSoftGracePeriod: 'memory.available=1m' },
    { maxPodGracePeriodSeconds: 30 },
  );
  f.setPods([{ name: 'a', containers: [{ name: 'c', usage: { memoryWorkingSetBytes: Gi } }] }]);
  f.state.memory = 512 * Mi;
  assert.deepEqual(await f.manager.synchronize(), []);
  assert.equal(f.manager.pressure().memoryPressure, true);
  f.clock.step(30_000);
  assert.deepEqual(await f.manager.synchronize(), []);
  f.clock.step(30_000);
  assert.deepEqual((await f.manager.synchronize()).map((p) => p.metadata.name), ['a']);
  assert.equal(f.state.evicted[0]!.grace, 30);
});

test('a met threshold stays met until the minimum reclaim is recovered', async () => {
  const f = fixture({ evictionHard: 'memory.available<100Mi', evictionMinimumReclaim: 'memory.available=400Mi' });
  f.setPods([
    { name: 'a', containers: [{ name: 'c', usage: { memoryWorkingSetBytes: 2 * Mi } }] },
    { name: 'b', containers: [{ name: 'c', usage: { memoryWorkingSetBytes: 1 * Mi } }] },
  ]);
  f.state.memory = 50 * Mi;
  assert.equal((await f.manager.synchronize()).length, 1);
  f.state.memory = 300 * Mi; // above 100Mi, below 100Mi + 400Mi
  f.clock.step(10_000);
  assert.equal((await f.manager.synchronize()).length, 1);
  f.state.memory = 600 * Mi;
  f.clock.step(10_000);
  assert.equal((await f.manager.synchronize()).length, 0);
});

test('stale observations do not evict twice', async () => {
  const f = fixture();
  f.setPods([
    { name: 'a', containers: [{ name: 'c', usage: { memoryWorkingSetBytes: 2 * Mi } }] },
    { name: 'b', containers: [{ name: 'c', usage: { memoryWorkingSetBytes: 1 * Mi } }] },
  ]);
  f.state.memory = 50 * Mi;
  assert.equal((await f.manager.synchronize()).length, 1);
  // Same clock: the observation time did not move.
  assert.equal((await f.manager.synchronize()).length, 0);
});

test('admission under pressure follows upstream rules', async () => {
  const f = fixture();
  const bestEffort = testPod('be');
  const burstable = testPod('bu', { containers: [{ name: 'c', requests: { memory: '10Mi' } }] });
  const tolerating = testPod('tol', { tolerations: [{ key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' }] });
  const critical = testPod('crit', { priority: 2_000_000_000 });
  assert.deepEqual(f.manager.admit(bestEffort), { admit: true });
  f.state.memory = 10 * Mi;
  await f.manager.synchronize();
  const cases = [
    { pod: bestEffort, want: false },
    { pod: burstable, want: true },
    { pod: tolerating, want: true },
    { pod: critical, want: true },
  ];
  for (const tc of cases) assert.equal(f.manager.admit(tc.pod).admit, tc.want, tc.pod.metadata.name);
  assert.deepEqual(f.manager.admit(bestEffort), { admit: false, reason: 'Evicted', message: 'The node had condition: [MemoryPressure]. ' });
  f.state.nodefs = Gi;
  f.clock.step(10_000);
  await f.manager.synchronize();
  assert.equal(f.manager.admit(burstable).admit, false, 'disk pressure rejects everything not critical');
});

test('run passes every monitoring interval and waits for an evicted pod to be cleaned up', async () => {
  let cleaned = false;
  const f = fixture({}, { monitoringIntervalMs: 10_000, podCleanedUp: () => cleaned });
  f.setPods([{ name: 'a', containers: [{ name: 'c' }] }, { name: 'b', containers: [{ name: 'c' }] }]);
  const ac = new AbortController();
  const done = f.manager.run(ac.signal);
  const tick = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  };
  await tick();
  assert.equal(f.state.evicted.length, 0);
  f.state.memory = 10 * Mi;
  f.clock.step(10_000);
  await tick();
  assert.equal(f.state.evicted.length, 1);
  // Waiting for cleanup: no new pass even after the monitoring interval.
  f.clock.step(10_000);
  await tick();
  assert.equal(f.state.evicted.length, 1);
  cleaned = true;
  f.clock.step(1000);
  await tick();
  assert.equal(f.state.evicted.length, 2);
  ac.abort();
  await done;
  assert.equal(f.clock.pendingTimers(), 0);
});
