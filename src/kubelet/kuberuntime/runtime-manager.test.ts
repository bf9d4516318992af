import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { silentLogger } from '../../util/log.js';
import { FakeCriClient } from '../cri/fake-client.js';
import { BackOff } from '../lifecycle/backoff.js';
import { FakeRecorder } from '../prober/events.js';
import { generateAPIPodStatus } from '../status/pod-status.js';
import type { ApiPod } from './pod-types.js';
import { RuntimeManager, type PodVolumes } from './runtime-manager.js';

function setup(extra: { postStart?: (id: string, cri: FakeCriClient) => Promise<{ reason: string; message: string } | undefined> } = {}) {
  const recorder = new FakeRecorder();
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  const cri = new FakeCriClient({ clock });
  cri.images.add('docker.io/library/busybox:latest');
  const volumeCalls: string[] = [];
  const volumes: PodVolumes = {
    mountPodVolumes: async () => volumeCalls.push('mount'),
    containerMounts: async () => [],
    unmountPodVolumes: async (uid) => {
      volumeCalls.push(`unmount ${uid}`);
    },
  };
  const preStops: string[] = [];
  const rm = new RuntimeManager({
    cri,
    runtimeName: 'containerd',
    volumes,
    env: { configMap: async () => undefined, secret: async () => undefined, services: async () => [] },
    settings: { podLogsDir: '/var/log/pods', cgroupRoot: '/k8ts' },
    hostIP: () => '10.0.0.1',
    memoryCapacity: 1024 ** 3,
    backOff: new BackOff({ clock }),
    logger: silentLogger,
    recorder,
    postStart: extra.postStart && ((id) => extra.postStart!(id, cri)),
    preStop: async (id) => {
      preStops.push(id);
      return 0;
    },
  });
  return { clock, cri, rm, volumeCalls, preStops, recorder };
}

const pod = (spec: Partial<ApiPod['spec']> = {}): ApiPod => ({
  metadata: { name: 'p', namespace: 'ns', uid: 'uid-1' },
  spec: { restartPolicy: 'Always', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo started; sleep 3600'] }], ...spec },
});

const status = (p: ApiPod, result: Awaited<ReturnType<RuntimeManager['syncPod']>>, now: number) =>
  generateAPIPodStatus({ pod: p, result, hostIP: '10.0.0.1', now });

test('syncPod runs the sandbox and the container, and a second sync does nothing', async () => {
  const { cri, rm, clock } = setup();
  const p = pod();
  const r = await rm.syncPod(p);
  const s = status(p, r, clock.now());
  assert.equal(s.phase, 'Running');
  assert.match(s.containerStatuses![0]!.containerID!, /^containerd:\/\//);
  assert.equal(s.containerStatuses![0]!.ready, true);
  assert.equal(s.podIP, r.state.sandboxes[0]!.ip);
  assert.equal(s.qosClass, 'BestEffort');
  assert.deepEqual(s.conditions!.map((c) => `${c.type}=${c.status}`), ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
  const calls = cri.calls.length;
  await rm.syncPod(p);
  const mutating = cri.calls.slice(calls).filter((c) => /^(Run|Create|Start|Stop|Remove)/.test(c.method));
  assert.deepEqual(mutating, []);
});

test('every sync of a running pod refreshes its volumes', async () => {
  const { rm, volumeCalls } = setup();
  const p = pod();
  await rm.syncPod(p);
  await rm.syncPod(p);
  assert.deepEqual(volumeCalls, ['mount', 'mount']);
});

test('syncPod gives hostNetwork pods a NODE sandbox without hostname and the host IP', async () => {
  const { cri, rm, clock } = setup();
  const p = pod({ hostNetwork: true });
  const s = status(p, await rm.syncPod(p), clock.now());
  const sb = [...cri.sandboxes.values()][0]!;
  assert.equal(sb.config.linux?.security_context?.namespace_options?.network, 'NODE');
  assert.equal(sb.config.hostname, '');
  assert.equal(s.podIP, '10.0.0.1');
});

test('syncPod runs init containers in order before the containers', async () => {
  const { cri, rm } = setup();
  const p = pod({ initContainers: [{ name: 'i1', image: 'busybox' }, { name: 'i2', image: 'busybox' }] });
  const started = () => [...cri.containers.values()].map((c) => c.config.metadata?.name);
  const cases = [
    { name: 'first sync starts i1', want: ['i1'] },
    { name: 'i1 exits 0 → i2', exit: 'i1', want: ['i1', 'i2'] },
    { name: 'i2 exits 0 → c', exit: 'i2', want: ['i1', 'i2', 'c'] },
  ];
  for (const c of cases) {
    if (c.exit) cri.exitContainer([...cri.containers.values()].find((x) => x.config.metadata?.name === c.exit)!.status.id, 0);
    await rm.syncPod(p);
    assert.deepEqual(started(), c.want, c.name);
  }
});

test('syncPod applies restartPolicy and CrashLoopBackOff', async () => {
  const cases = [
    { name: 'Never + exit 3 → Failed', policy: 'Never', exit: 3, wantPhase: 'Failed', wantStarts: 1 },
    { name: 'Never + exit 0 → Succeeded', policy: 'Never', exit: 0, wantPhase: 'Succeeded', wantStarts: 1 },
    { name: 'OnFailure + exit 0 → Succeeded', policy: 'OnFailure', exit: 0, wantPhase: 'Succeeded', wantStarts: 1 },
    { name: 'Always + exit 1 → restarted', policy: 'Always', exit: 1, wantPhase: 'Running', wantStarts: 2 },
  ];
  for (const c of cases) {
    const { cri, rm, clock } = setup();
    const p = pod({ restartPolicy: c.policy });
    await rm.syncPod(p);
    cri.exitContainer([...cri.containers.values()][0]!.status.id, c.exit);
    const r = await rm.syncPod(p);
    const s = status(p, r, clock.now());
    assert.equal(s.phase, c.wantPhase, c.name);
    assert.equal(cri.requestsOf('StartContainer').length, c.wantStarts, c.name);
    if (c.wantPhase !== 'Running') assert.equal(s.containerStatuses![0]!.state!.terminated!.exitCode, c.exit, c.name);
  }
});

test('a container that keeps crashing waits in CrashLoopBackOff until the back-off passes', async () => {
  const { cri, rm, clock } = setup();
  const p = pod();
  await rm.syncPod(p);
  const exitLatest = () => {
    const running = [...cri.containers.values()].find((x) => x.status.state === 'CONTAINER_RUNNING')!;
    cri.exitContainer(running.status.id, 1);
  };
  exitLatest();
  await rm.syncPod(p); // first restart is immediate
  exitLatest();
  let s = status(p, await rm.syncPod(p), clock.now());
  assert.equal(s.containerStatuses![0]!.state!.waiting!.reason, 'CrashLoopBackOff');
  assert.equal(s.containerStatuses![0]!.lastState!.terminated!.exitCode, 1);
  assert.equal(s.containerStatuses![0]!.restartCount, 1);
  clock.step(20_001);
  s = status(p, await rm.syncPod(p), clock.now());
  assert.ok(s.containerStatuses![0]!.state!.running);
  assert.equal(s.containerStatuses![0]!.restartCount, 2);
});

test('syncPod reports why a container cannot start', async () => {
  const cases = [
    { name: 'missing image', container: { name: 'c', image: '127.0.0.1:9/no-such-image:1' }, want: 'ErrImagePull' },
    { name: 'missing secret', container: { name: 'c', image: 'busybox', env: [{ name: 'T', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] }, want: 'CreateContainerConfigError' },
  ];
  for (const c of cases) {
    const { rm, clock } = setup();
    const p = pod({ containers: [c.container] });
    const s = status(p, await rm.syncPod(p), clock.now());
    assert.equal(s.containerStatuses![0]!.state!.waiting!.reason, c.want, c.name);
    assert.equal(s.phase, 'Pending', c.name);
  }
});

test('killPod runs preStop, stops containers and removes the sandbox and volumes', async () => {
  const { cri, rm, volumeCalls, preStops } = setup();
  const p = pod({ containers: [{ name: 'c', image: 'busybox', lifecycle: { preStop: { exec: { command: ['true'] } } } }] });
  await rm.syncPod(p);
  await rm.killPod(p, 5);
  assert.equal(preStops.length, 1);
  const stop = cri.requestsOf('StopContainer')[0] as { timeout: string };
  assert.equal(stop.timeout, '5');
  assert.equal(cri.sandboxes.size, 0);
  assert.equal(cri.containers.size, 0);
  assert.deepEqual(volumeCalls, ['mount', 'unmount uid-1']);
  await rm.killPod(p, 5); // idempotent
});

test('a failed postStart hook leaves the container waiting with PostStartHookError', async () => {
  // Like lifecycle's runPostStartHook: the failed hook's container is killed before the reason comes back.
  const { rm, clock, recorder } = setup({
    postStart: async (id, cri) => {
      await cri.stopContainer({ container_id: id, timeout: '0' });
      return { reason: 'PostStartHookError', message: 'hook exited 1' };
    },
  });
  const p = pod({ containers: [{ name: 'c', image: 'busybox', lifecycle: { postStart: { exec: { command: ['false'] } } } }] });
  const s = status(p, await rm.syncPod(p), clock.now());
  assert.equal(s.containerStatuses![0]!.state!.waiting?.reason, 'PostStartHookError');
  assert.deepEqual(recorder.lines(), ['Normal Created Created container c', 'Normal Started Started container c', 'Warning Failed Error: PostStartHookError: hook exited 1']);
});
