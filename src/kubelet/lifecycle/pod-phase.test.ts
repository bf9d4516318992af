import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPhase, hasAnyRegularContainerStarted, podPhaseFromStatus } from './pod-phase.js';
import type { Container, ContainerStatus, Pod } from '../prober/types.js';

const running = (name: string, started = true): ContainerStatus => ({
  name,
  started,
  state: { running: { startedAt: '2024-01-01T00:00:00Z' } },
});
const exited = (name: string, exitCode: number): ContainerStatus => ({ name, state: { terminated: { exitCode } } });
const waiting = (name: string): ContainerStatus => ({ name, state: { waiting: { reason: 'ContainerCreating' } } });
const crashLooping = (name: string, exitCode: number): ContainerStatus => ({
  name,
  state: { waiting: { reason: 'CrashLoopBackOff' } },
  lastState: { terminated: { exitCode } },
});

function pod(
  restartPolicy: string,
  containers: string[],
  init: Container[] = [],
  annotations?: Record<string, string>,
): Pod {
  return {
    metadata: { name: 'p', namespace: 'ns', uid: 'u', annotations },
    spec: { restartPolicy, containers: containers.map((name) => ({ name })), initContainers: init },
  };
}

test('getPhase follows the kubelet table', () => {
  const sidecar: Container = { name: 's', restartPolicy: 'Always' };
  const cases: {
    name: string;
    pod: Pod;
    statuses: ContainerStatus[];
    terminal?: boolean;
    initialized?: boolean;
    want: string;
  }[] = [
    { name: 'no statuses yet', pod: pod('Always', ['a']), statuses: [], want: 'Pending' },
    { name: 'one waiting', pod: pod('Always', ['a', 'b']), statuses: [running('a'), waiting('b')], want: 'Pending' },
    { name: 'all running', pod: pod('Always', ['a', 'b']), statuses: [running('a'), running('b')], want: 'Running' },
    {
      name: 'running and exited',
      pod: pod('Never', ['a', 'b']),
      statuses: [running('a'), exited('b', 1)],
      want: 'Running',
    },
    { name: 'Always, all exited', pod: pod('Always', ['a']), statuses: [exited('a', 0)], want: 'Running' },
    { name: 'Always, crash looping', pod: pod('Always', ['a']), statuses: [crashLooping('a', 1)], want: 'Running' },
    {
      name: 'Never, all succeeded',
      pod: pod('Never', ['a', 'b']),
      statuses: [exited('a', 0), exited('b', 0)],
      want: 'Succeeded',
    },
    {
      name: 'Never, one failed',
      pod: pod('Never', ['a', 'b']),
      statuses: [exited('a', 0), exited('b', 3)],
      want: 'Failed',
    },
    { name: 'OnFailure, all succeeded', pod: pod('OnFailure', ['a']), statuses: [exited('a', 0)], want: 'Succeeded' },
    { name: 'OnFailure, failed restarts', pod: pod('OnFailure', ['a']), statuses: [exited('a', 1)], want: 'Running' },
    {
      name: 'terminal overrides Always',
      pod: pod('Always', ['a']),
      statuses: [exited('a', 0)],
      terminal: true,
      want: 'Succeeded',
    },
    {
      name: 'terminal with failure',
      pod: pod('Always', ['a']),
      statuses: [exited('a', 137)],
      terminal: true,
      want: 'Failed',
    },
    {
      name: 'terminal static pod keeps Running',
      pod: pod('Always', ['a'], [], { 'kubernetes.io/config.source': 'file' }),
      statuses: [exited('a', 0)],
      terminal: true,
      want: 'Running',
    },
    {
      name: 'init running',
      pod: pod('Always', ['a'], [{ name: 'i' }]),
      statuses: [running('i'), waiting('a')],
      want: 'Pending',
    },
    {
      name: 'init failed, Never',
      pod: pod('Never', ['a'], [{ name: 'i' }]),
      statuses: [exited('i', 1), waiting('a')],
      want: 'Failed',
    },
    {
      name: 'init failed, Always retries',
      pod: pod('Always', ['a'], [{ name: 'i' }]),
      statuses: [crashLooping('i', 1), waiting('a')],
      want: 'Pending',
    },
    {
      name: 'init done',
      pod: pod('Always', ['a'], [{ name: 'i' }]),
      statuses: [exited('i', 0), running('a')],
      want: 'Running',
    },
    {
      name: 'sidecar not started',
      pod: pod('Always', ['a'], [sidecar]),
      statuses: [running('s', false), waiting('a')],
      want: 'Pending',
    },
    {
      name: 'sidecar started, app running',
      pod: pod('Always', ['a'], [sidecar]),
      statuses: [running('s'), running('a')],
      want: 'Running',
    },
    {
      name: 'sidecar restarting after init does not go back to Pending',
      pod: pod('Always', ['a'], [sidecar]),
      statuses: [running('s', false), running('a')],
      initialized: true,
      want: 'Running',
    },
    {
      name: 'Never: app done, sidecar stopped',
      pod: pod('Never', ['a'], [sidecar]),
      statuses: [exited('s', 137), exited('a', 0)],
      want: 'Succeeded',
    },
  ];
  for (const c of cases) {
    assert.equal(getPhase(c.pod, c.statuses, c.terminal ?? false, c.initialized ?? false), c.want, c.name);
  }
});

test('podPhaseFromStatus derives podHasInitialized from regular containers', () => {
  const p = pod('Always', ['a'], [{ name: 's', restartPolicy: 'Always' }]);
  const status = { containerStatuses: [running('a')], initContainerStatuses: [running('s', false)] };
  assert.equal(hasAnyRegularContainerStarted(p.spec, status.containerStatuses), true);
  assert.equal(podPhaseFromStatus(p, status), 'Running');
});
