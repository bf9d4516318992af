import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { silentLogger } from '../../util/log.js';
import { criError, GrpcCode } from '../cri/errors.js';
import { FakeCriClient } from '../cri/fake-client.js';
import { PodVolumesError, VolumeError } from '../volumes/errors.js';
import { BackOff } from '../lifecycle/backoff.js';
import { FakeRecorder } from '../prober/events.js';
import { generateAPIPodStatus } from '../status/pod-status.js';
import type { ApiPod } from './pod-types.js';
import { RuntimeManager, type PodVolumes } from './runtime-manager.js';

function setup(
  extra: {
    postStart?: (id: string, cri: FakeCriClient) => Promise<{ reason: string; message: string } | undefined>;
    mountError?: () => Error | undefined;
  } = {},
) {
  const recorder = new FakeRecorder();
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  const cri = new FakeCriClient({ clock });
  cri.images.add('docker.io/library/busybox:latest');
  const volumeCalls: string[] = [];
  const volumes: PodVolumes = {
    mountPodVolumes: async () => {
      volumeCalls.push('mount');
      const err = extra.mountError?.();
      if (err) throw err;
    },
    containerMounts: async () => [],
    unmountPodVolumes: async (uid) => {
      volumeCalls.push(`unmount ${uid}`);
    },
  };
  const preStops: string[] = [];
  const cgroupCalls: string[] = [];
  const rm = new RuntimeManager({
    cri,
    runtimeName: 'containerd',
    volumes,
    env: { configMap: async () => undefined, secret: async () => undefined, services: async () => [] },
    // A logs dir that never exists: killPod's removal of the pod's log dir is a no-op here.
    settings: { podLogsDir: '/nonexistent/k8ts-runtime-manager-test/logs', cgroupRoot: '/k8ts' },
    hostIP: () => '10.0.0.1',
    memoryCapacity: 1024 ** 3,
    backOff: new BackOff({ clock }),
    logger: silentLogger,
    recorder,
    removePodCgroup: async (parent) => {
      cgroupCalls.push(parent);
      return [];
    },
    postStart: extra.postStart && ((id) => extra.postStart!(id, cri)),
    preStop: async (id) => {
      preStops.push(id);
      return 0;
    },
  });
  return { clock, cri, rm, volumeCalls, preStops, recorder, cgroupCalls };
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
  const { cri, rm, volumeCalls, preStops, cgroupCalls } = setup();
  const p = pod({ containers: [{ name: 'c', image: 'busybox', lifecycle: { preStop: { exec: { command: ['true'] } } } }] });
  await rm.syncPod(p);
  await rm.killPod(p, 5);
  assert.equal(preStops.length, 1);
  const stop = cri.requestsOf('StopContainer')[0] as { timeout: string };
  assert.equal(stop.timeout, '5');
  assert.equal(cri.sandboxes.size, 0);
  assert.equal(cri.containers.size, 0);
  assert.deepEqual(volumeCalls, ['mount', 'unmount uid-1']);
  // containerd leaves the pod-level cgroup on cgroup v1: the kubelet removes it.
  assert.deepEqual(cgroupCalls, ['/k8ts/poduid-1']);
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
  // The hook runner records FailedPostStartHook itself; upstream adds no "Error:" event for it.
  assert.deepEqual(recorder.lines().filter((l) => !l.includes(' Pull')), ['Normal Created Created container c', 'Normal Started Started container c']);
});

test('a failing volume keeps the pod ContainerCreating without a sandbox and records FailedMount', async () => {
  let failing = true;
  const volumeError = () => {
    const e = new VolumeError('ObjectNotFound', 'configmap "x" not found', { volumeName: 'cfg', operation: 'setUp' });
    return failing ? new PodVolumesError('ns/p (uid-1)', [e]) : undefined;
  };
  const { cri, rm, clock, recorder } = setup({ mountError: volumeError });
  const p = pod();
  const s = status(p, await rm.syncPod(p), clock.now());
  assert.equal(cri.sandboxes.size, 0);
  assert.equal(s.phase, 'Pending');
  assert.deepEqual(s.containerStatuses![0]!.state, { waiting: { reason: 'ContainerCreating' } });
  assert.deepEqual(recorder.lines(), ['Warning FailedMount MountVolume.SetUp failed for volume "cfg" : configmap "x" not found']);
  failing = false;
  const after = status(p, await rm.syncPod(p), clock.now());
  assert.equal(after.phase, 'Running');
});

test('a failed refresh of a running pod records FailedMount and keeps its containers', async () => {
  let failing = false;
  const { cri, rm, recorder } = setup({
    mountError: () => (failing ? new PodVolumesError('p', [new VolumeError('ObjectNotFound', 'configmap "x" not found', { volumeName: 'cfg', operation: 'setUp' })]) : undefined),
  });
  const p = pod();
  await rm.syncPod(p);
  failing = true;
  await rm.syncPod(p);
  assert.equal([...cri.containers.values()].filter((c) => c.status.state === 'CONTAINER_RUNNING').length, 1);
  assert.ok(recorder.lines().includes('Warning FailedMount MountVolume.SetUp failed for volume "cfg" : configmap "x" not found'));
});

test('image pulls back off per pod and image: ErrImagePull, ImagePullBackOff with the last error, then a retry', async () => {
  const image = '127.0.0.1:9/no-such-image:1';
  const { cri, rm, clock, recorder } = setup();
  const p = pod({ containers: [{ name: 'c', image }] });
  const reason = async () => status(p, await rm.syncPod(p), clock.now()).containerStatuses![0]!.state!.waiting!;
  const cases = [
    { name: 'first sync pulls and fails', step: 0, want: 'ErrImagePull', pulls: 1 },
    { name: 'inside the 10 s back-off', step: 5_000, want: 'ImagePullBackOff', pulls: 1 },
    { name: 'after 10 s it pulls again', step: 5_001, want: 'ErrImagePull', pulls: 2 },
    { name: 'the back-off doubled: still backing off after 15 s', step: 15_000, want: 'ImagePullBackOff', pulls: 2 },
    { name: 'after 20 s it pulls again', step: 5_001, want: 'ErrImagePull', pulls: 3 },
  ];
  let lastPullError = '';
  for (const c of cases) {
    clock.step(c.step);
    const w = await reason();
    assert.equal(w.reason, c.want, c.name);
    assert.equal(cri.requestsOf('PullImage').length, c.pulls, c.name);
    if (c.want === 'ErrImagePull') {
      assert.match(w.message ?? '', /^rpc error: code = NotFound desc = failed to resolve reference/, c.name);
      lastPullError = w.message ?? '';
    } else {
      assert.equal(w.message, `Back-off pulling image "${image}": ErrImagePull: ${lastPullError}`, c.name);
    }
  }
  const lines = recorder.lines();
  assert.ok(lines.includes(`Normal Pulling Pulling image "${image}"`));
  assert.ok(lines.includes(`Warning Failed Failed to pull image "${image}": ${lastPullError}`));
  assert.ok(lines.includes('Warning Failed Error: ErrImagePull'));
  assert.ok(lines.includes(`Normal BackOff Back-off pulling image "${image}"`));
  assert.ok(lines.includes('Warning Failed Error: ImagePullBackOff'));
});

test('create and start failures show the runtime message and an "Error: …" event', async () => {
  const cases = [
    { name: 'create fails', method: 'CreateContainer' as const, want: 'CreateContainerError' },
    { name: 'start fails', method: 'StartContainer' as const, want: 'RunContainerError' },
  ];
  for (const c of cases) {
    const { cri, rm, clock, recorder } = setup();
    cri.injectError(c.method, criError(c.method, GrpcCode.UNKNOWN, 'failed to create containerd task: boom'));
    const p = pod();
    const w = status(p, await rm.syncPod(p), clock.now()).containerStatuses![0]!.state!.waiting!;
    assert.equal(w.reason, c.want, c.name);
    assert.equal(w.message, 'failed to create containerd task: boom', c.name);
    assert.ok(recorder.lines().includes('Warning Failed Error: failed to create containerd task: boom'), c.name);
  }
});
