import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { ProbeManager, type LivenessFailure } from './prober-manager.js';
import type { ProbeType } from './prober.js';
import { flush, makePod, podStatus, runningStatus } from './test-helpers.js';
import type { Container, Pod, PodStatus } from './types.js';

/** A prober that answers from a script per probe type (then Success) and records every call. */
class ScriptedProber {
  readonly calls: string[] = [];
  readonly script = new Map<ProbeType, ('Success' | 'Failure')[]>();
  async probe(probeType: ProbeType, _pod: Pod, _status: PodStatus, container: Container, containerID: string) {
    this.calls.push(`${probeType}:${container.name}:${containerID}`);
    return { result: this.script.get(probeType)?.shift() ?? ('Success' as const) };
  }
  count(prefix: string): number {
    return this.calls.filter((c) => c.startsWith(prefix)).length;
  }
}

function setup(options: { random?: number } = {}) {
  const clock = new FakeClock(Date.UTC(2024, 0, 1));
  const prober = new ScriptedProber();
  const statuses = new Map<string, PodStatus>();
  const failures: { id: string; message: string; failure: LivenessFailure }[] = [];
  const manager = new ProbeManager({
    clock,
    prober,
    getPodStatus: (uid) => statuses.get(uid),
    random: () => options.random ?? 0,
    onLivenessFailure: (id, message, failure) => failures.push({ id, message, failure }),
  });
  const tick = async (ms: number) => {
    clock.step(ms);
    await flush();
  };
  return { clock, prober, statuses, failures, manager, tick };
}

test('readiness follows successThreshold and failureThreshold', async () => {
  const { clock, prober, statuses, manager, tick } = setup();
  const c: Container = {
    name: 'c',
    readinessProbe: { periodSeconds: 1, successThreshold: 2, failureThreshold: 2, httpGet: { port: 80 } },
  };
  const pod = makePod([c]);
  statuses.set('uid-1', podStatus([runningStatus('c', 'x://1', clock.now(), true)]));
  prober.script.set('Readiness', ['Success', 'Success', 'Failure', 'Failure', 'Success']);
  manager.addPod(pod);
  const seen: (string | undefined)[] = [];
  for (let i = 0; i < 5; i++) {
    await tick(i === 0 ? 0 : 1000);
    seen.push(manager.readiness.get('x://1'));
  }
  assert.deepEqual(seen, ['Failure', 'Success', 'Success', 'Failure', 'Failure']);
  assert.equal(prober.count('Readiness'), 5);
  await manager.stop();
});

test('startup gates liveness and readiness until it has succeeded', async () => {
  const { clock, prober, statuses, manager, tick } = setup();
  const c: Container = {
    name: 'c',
    startupProbe: { periodSeconds: 1, failureThreshold: 5, exec: { command: ['true'] } },
    livenessProbe: { periodSeconds: 1, exec: { command: ['true'] } },
    readinessProbe: { periodSeconds: 1, exec: { command: ['true'] } },
  };
  const pod = makePod([c]);
  const raw = podStatus([runningStatus('c', 'x://1', clock.now())]);
  // The status manager's view: started/ready as the prober manager computes them.
  const sync = () => statuses.set('uid-1', manager.updatePodStatus(pod, raw));
  prober.script.set('Startup', ['Failure', 'Failure', 'Success']);
  manager.addPod(pod);
  sync();
  assert.equal(
    statuses.get('uid-1')?.containerStatuses?.[0]?.started,
    false,
    'a pending startup probe means not started',
  );
  for (let i = 0; i < 3; i++) {
    await tick(i === 0 ? 0 : 1000);
    sync();
  }
  assert.equal(prober.count('Startup'), 3);
  assert.equal(prober.count('Liveness') + prober.count('Readiness'), 0, 'nothing else ran before startup succeeded');
  assert.equal(statuses.get('uid-1')?.containerStatuses?.[0]?.started, true);
  await tick(1000);
  sync();
  assert.equal(prober.count('Startup'), 3, 'startup stops probing once started');
  assert.ok(prober.count('Liveness') >= 1 && prober.count('Readiness') >= 1);
  assert.equal(statuses.get('uid-1')?.containerStatuses?.[0]?.ready, true);
  await manager.stop();
});

test('liveness failure reports once, holds the worker, and a new container starts over', async () => {
  const { clock, prober, statuses, failures, manager, tick } = setup();
  const c: Container = {
    name: 'web',
    livenessProbe: { periodSeconds: 1, failureThreshold: 2, terminationGracePeriodSeconds: 5, tcpSocket: { port: 80 } },
  };
  const pod = makePod([c]);
  statuses.set('uid-1', podStatus([runningStatus('web', 'x://1', clock.now(), true)]));
  prober.script.set('Liveness', ['Failure', 'Failure', 'Failure', 'Failure']);
  manager.addPod(pod);
  await tick(0);
  assert.equal(manager.liveness.get('x://1'), 'Success', 'liveness starts as success');
  await tick(1000);
  assert.equal(manager.liveness.get('x://1'), 'Failure');
  assert.equal(failures.length, 1);
  assert.deepEqual(failures[0]?.message, 'Container web failed liveness probe, will be restarted');
  assert.deepEqual(
    {
      id: failures[0]?.id,
      reason: failures[0]?.failure.reason,
      grace: failures[0]?.failure.probeTerminationGracePeriodSeconds,
    },
    { id: 'x://1', reason: 'LivenessProbe', grace: 5 },
  );
  await tick(3000);
  assert.equal(prober.count('Liveness'), 2, 'on hold until a new container appears');
  statuses.set('uid-1', podStatus([runningStatus('web', 'x://2', clock.now(), true)]));
  await tick(1000);
  assert.equal(manager.liveness.get('x://1'), undefined, 'the old container is forgotten');
  assert.equal(manager.liveness.get('x://2'), 'Success');
  assert.equal(prober.count('Liveness'), 3);
  await manager.stop();
});

test('a failed startup probe asks for a kill; with restartPolicy Never it will not restart', async () => {
  const { clock, prober, statuses, failures, manager, tick } = setup();
  const c: Container = { name: 'c', startupProbe: { periodSeconds: 1, failureThreshold: 1, exec: { command: ['x'] } } };
  const pod = makePod([c], { restartPolicy: 'Never' });
  statuses.set('uid-1', podStatus([runningStatus('c', 'x://1', clock.now(), false)]));
  prober.script.set('Startup', ['Failure']);
  manager.addPod(pod);
  await tick(0);
  assert.deepEqual(
    failures.map((f) => [f.message, f.failure.reason, f.failure.willRestart]),
    [['Container c failed startup probe', 'StartupProbe', false]],
  );
  await manager.stop();
});

test('initialDelaySeconds holds the first probe and jitter delays a fresh kubelet', async () => {
  const { clock, prober, statuses, manager, tick } = setup({ random: 0.5 });
  const c: Container = {
    name: 'c',
    readinessProbe: { periodSeconds: 10, initialDelaySeconds: 15, exec: { command: ['x'] } },
  };
  statuses.set('uid-1', podStatus([runningStatus('c', 'x://1', clock.now(), true)]));
  manager.addPod(makePod([c]));
  await tick(4999);
  assert.equal(manager.readiness.get('x://1'), undefined, 'nothing before the jittered start (5s)');
  await tick(1);
  assert.equal(manager.readiness.get('x://1'), 'Failure', 'initial readiness is false');
  assert.equal(prober.count('Readiness'), 0, 'still inside initialDelaySeconds');
  await tick(10_000);
  assert.equal(prober.count('Readiness'), 1);
  assert.equal(manager.readiness.get('x://1'), 'Success');
  await manager.stop();
});

test('workers end when the pod is terminal or removed, leaving no timers or results', async () => {
  const { clock, statuses, manager, tick } = setup();
  const a: Container = { name: 'a', readinessProbe: { periodSeconds: 1, exec: { command: ['x'] } } };
  const b: Container = { name: 'b', livenessProbe: { periodSeconds: 1, exec: { command: ['x'] } } };
  const pod = makePod([a, b]);
  statuses.set(
    'uid-1',
    podStatus([runningStatus('a', 'x://a', clock.now(), true), runningStatus('b', 'x://b', clock.now(), true)]),
  );
  manager.addPod(pod);
  manager.addPod(pod);
  assert.equal(manager.workerCount(), 2, 'adding twice keeps one worker per probe');
  await tick(0);
  statuses.set('uid-1', { ...statuses.get('uid-1')!, phase: 'Succeeded' });
  await tick(1000);
  assert.equal(manager.workerCount(), 0);
  assert.equal(manager.readiness.get('x://a'), undefined);
  assert.equal(clock.pendingTimers(), 0);

  statuses.set('uid-1', podStatus([runningStatus('a', 'x://a', clock.now(), true)]));
  manager.addPod(pod);
  await tick(0);
  manager.cleanupPods(new Set(['other']));
  await flush();
  assert.equal(manager.workerCount(), 0);
  assert.equal(clock.pendingTimers(), 0);
});

test('updatePodStatus: no readiness probe means ready once running; init containers are ready after exit 0', () => {
  const { clock, manager } = setup();
  const pod = makePod([{ name: 'app' }], { initContainers: [{ name: 'init' }] });
  const status: PodStatus = {
    phase: 'Running',
    containerStatuses: [runningStatus('app', 'x://app', clock.now())],
    initContainerStatuses: [{ name: 'init', containerID: 'x://init', state: { terminated: { exitCode: 0 } } }],
  };
  const got = manager.updatePodStatus(pod, status);
  assert.deepEqual(
    [got.containerStatuses?.[0]?.started, got.containerStatuses?.[0]?.ready, got.initContainerStatuses?.[0]?.ready],
    [true, true, true],
  );
  assert.equal(status.containerStatuses?.[0]?.ready, undefined, 'the input is not modified');
});
