import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeInitContainerActions,
  gracePeriodAfterPreStop,
  killGracePeriodSeconds,
  shouldContainerBeRestarted,
  type RuntimeContainerStatus,
} from './restart-policy.js';
import type { Container, Pod } from '../prober/types.js';
import type { ProbeResult } from '../prober/prober.js';

function pod(restartPolicy: string, init: Container[] = [], extra: Partial<Pod['metadata']> = {}): Pod {
  return {
    metadata: { name: 'p', namespace: 'ns', uid: 'u', ...extra },
    spec: { restartPolicy, containers: [{ name: 'app' }], initContainers: init },
  };
}

const st = (name: string, state: RuntimeContainerStatus['state'], exitCode?: number): RuntimeContainerStatus => ({
  name,
  id: `x://${name}`,
  state,
  exitCode,
});

test('shouldContainerBeRestarted applies restartPolicy to exited containers', () => {
  const cases: { name: string; pod: Pod; status?: RuntimeContainerStatus; want: boolean }[] = [
    { name: 'never ran', pod: pod('Never'), want: true },
    { name: 'running', pod: pod('Always'), status: st('app', 'running'), want: false },
    { name: 'stuck created', pod: pod('Never'), status: st('app', 'created'), want: true },
    { name: 'unknown', pod: pod('Never'), status: st('app', 'unknown'), want: true },
    { name: 'Always, exit 0', pod: pod('Always'), status: st('app', 'exited', 0), want: true },
    { name: 'OnFailure, exit 0', pod: pod('OnFailure'), status: st('app', 'exited', 0), want: false },
    { name: 'OnFailure, exit 1', pod: pod('OnFailure'), status: st('app', 'exited', 1), want: true },
    { name: 'Never, exit 1', pod: pod('Never'), status: st('app', 'exited', 1), want: false },
    {
      name: 'deleting',
      pod: pod('Always', [], { deletionTimestamp: '2024-01-01T00:00:00Z' }),
      status: st('app', 'exited', 1),
      want: false,
    },
  ];
  for (const c of cases) assert.equal(shouldContainerBeRestarted(c.pod, c.status), c.want, c.name);
});

const noProbes = { startup: () => undefined, liveness: () => undefined };

test('computeInitContainerActions runs init containers in order and handles failures per policy', () => {
  const inits: Container[] = [{ name: 'i0' }, { name: 'i1' }];
  const cases: {
    name: string;
    pod: Pod;
    statuses: RuntimeContainerStatus[];
    start: number[];
    killPod?: boolean;
    initialized?: boolean;
  }[] = [
    { name: 'nothing ran: first', pod: pod('Always', inits), statuses: [], start: [0] },
    { name: 'i0 running: wait', pod: pod('Always', inits), statuses: [st('i0', 'running')], start: [] },
    { name: 'i0 done: i1 next', pod: pod('Always', inits), statuses: [st('i0', 'exited', 0)], start: [1] },
    {
      name: 'all done',
      pod: pod('Always', inits),
      statuses: [st('i0', 'exited', 0), st('i1', 'exited', 0)],
      start: [],
      initialized: true,
    },
    {
      name: 'i1 failed, Always: retry',
      pod: pod('Always', inits),
      statuses: [st('i0', 'exited', 0), st('i1', 'exited', 2)],
      start: [1],
    },
    {
      name: 'i1 failed, OnFailure: retry',
      pod: pod('OnFailure', inits),
      statuses: [st('i1', 'exited', 2)],
      start: [1],
    },
    {
      name: 'i0 failed, Never: pod fails',
      pod: pod('Never', inits),
      statuses: [st('i0', 'exited', 1)],
      start: [],
      killPod: true,
    },
    {
      name: 'app already ran: skip inits',
      pod: pod('Always', inits),
      statuses: [st('app', 'running')],
      start: [],
      initialized: true,
    },
  ];
  for (const c of cases) {
    const got = computeInitContainerActions(c.pod, c.statuses, noProbes);
    assert.deepEqual(got.initContainersToStart, c.start, c.name);
    assert.equal(got.killPod, c.killPod ?? false, c.name);
    assert.equal(got.podHasInitialized, c.initialized ?? false, c.name);
  }
});

test('sidecars start the next init container once started, and restart when they exit or fail liveness', () => {
  const sidecar: Container = {
    name: 's',
    restartPolicy: 'Always',
    startupProbe: { exec: { command: ['x'] } },
    livenessProbe: { exec: { command: ['x'] } },
  };
  const inits = [sidecar, { name: 'i1' }];
  const probes = (startup?: ProbeResult, liveness?: ProbeResult) => ({
    startup: () => startup,
    liveness: () => liveness,
  });

  let got = computeInitContainerActions(pod('Never', inits), [st('s', 'running')], probes());
  assert.deepEqual(got.initContainersToStart, [], 'waits for the startup probe');
  got = computeInitContainerActions(pod('Never', inits), [st('s', 'running')], probes('Success'));
  assert.deepEqual(got.initContainersToStart, [1], 'started sidecar lets the next init container run');
  got = computeInitContainerActions(pod('Never', inits), [st('s', 'running')], probes('Failure'));
  assert.deepEqual(got.initContainersToStart, [0]);
  assert.deepEqual(
    got.containersToKill.map((k) => [k.reason, k.message]),
    [['StartupProbe', 'Init container s failed startup probe']],
  );
  got = computeInitContainerActions(
    pod('Never', inits),
    [st('s', 'exited', 1), st('i1', 'exited', 0), st('app', 'running')],
    probes(),
  );
  assert.deepEqual(got.initContainersToStart, [0], 'a sidecar restarts even under restartPolicy Never');
  assert.equal(got.killPod, false);
  got = computeInitContainerActions(
    pod('Always', inits),
    [st('s', 'running'), st('i1', 'exited', 0), st('app', 'running')],
    probes('Success', 'Failure'),
  );
  assert.deepEqual(got.initContainersToStart, [0]);
  assert.deepEqual(
    got.containersToKill.map((k) => k.reason),
    ['LivenessProbe'],
  );
});

test('killGracePeriodSeconds prefers deletion, then the probe, then the pod', () => {
  const container: Container = { name: 'c', livenessProbe: { terminationGracePeriodSeconds: 5 }, startupProbe: {} };
  const base = {
    metadata: { name: 'p', uid: 'u' },
    spec: { containers: [container], terminationGracePeriodSeconds: 30 },
  };
  const cases: { name: string; pod: Pod; reason?: string; want: number }[] = [
    { name: 'plain kill', pod: base, want: 30 },
    { name: 'liveness kill uses the probe', pod: base, reason: 'LivenessProbe', want: 5 },
    { name: 'startup probe without its own period', pod: base, reason: 'StartupProbe', want: 30 },
    {
      name: 'deletion wins',
      pod: { ...base, metadata: { ...base.metadata, deletionGracePeriodSeconds: 0 } },
      reason: 'LivenessProbe',
      want: 0,
    },
    { name: 'no pod value: minimum', pod: { ...base, spec: { containers: [container] } }, want: 2 },
  ];
  for (const c of cases) assert.equal(killGracePeriodSeconds(c.pod, container, c.reason), c.want, c.name);
  assert.equal(gracePeriodAfterPreStop(30, 10), 20);
  assert.equal(gracePeriodAfterPreStop(30, 29), 2);
});
