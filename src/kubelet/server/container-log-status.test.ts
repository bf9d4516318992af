import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiPodStatus } from '../kuberuntime/pod-types.js';
import { runtimeContainerId, validateContainerLogStatus, type LogTarget } from './container-log-status.js';

const cs = (fields: Record<string, unknown>): ApiPodStatus =>
  ({ containerStatuses: [{ name: 'c', restartCount: 2, ...fields }] }) as ApiPodStatus;

test('validateContainerLogStatus picks the instance or explains why there is none', () => {
  const cases: { name: string; status: ApiPodStatus; previous?: boolean; want?: LogTarget; err?: string }[] = [
    {
      name: 'running',
      status: cs({ containerID: 'containerd://a', state: { running: {} } }),
      want: { containerID: 'containerd://a', current: true, restartCount: 2 },
    },
    {
      name: 'previous',
      status: cs({
        containerID: 'containerd://b',
        state: { running: {} },
        lastState: { terminated: { containerID: 'containerd://a' } },
      }),
      previous: true,
      want: { containerID: 'containerd://a', current: false, restartCount: 2 },
    },
    {
      name: 'previous without one',
      status: cs({ state: { running: {} }, containerID: 'containerd://a' }),
      previous: true,
      err: 'previous terminated container "c" in pod "p" not found',
    },
    {
      name: 'terminated',
      status: cs({ state: { terminated: { containerID: 'containerd://t' } } }),
      want: { containerID: 'containerd://t', current: true, restartCount: 2 },
    },
    {
      name: 'terminated without id falls back to the last state',
      status: cs({ state: { terminated: {} }, lastState: { terminated: { containerID: 'containerd://l' } } }),
      want: { containerID: 'containerd://l', current: false, restartCount: 2 },
    },
    {
      name: 'terminated without any id',
      status: cs({ state: { terminated: {} } }),
      err: 'container "c" in pod "p" is terminated',
    },
    {
      name: 'waiting to restart reads the last instance',
      status: cs({
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { containerID: 'containerd://l' } },
      }),
      want: { containerID: 'containerd://l', current: false, restartCount: 2 },
    },
    {
      name: 'creating',
      status: cs({ state: { waiting: { reason: 'ContainerCreating' } } }),
      err: 'container "c" in pod "p" is waiting to start: ContainerCreating',
    },
    {
      name: 'image pull',
      status: cs({ state: { waiting: { reason: 'ErrImagePull' } } }),
      err: `container "c" in pod "p" is waiting to start: image can't be pulled`,
    },
    {
      name: 'pull back-off',
      status: cs({ state: { waiting: { reason: 'ImagePullBackOff' } } }),
      err: 'container "c" in pod "p" is waiting to start: trying and failing to pull image',
    },
    { name: 'no state', status: cs({}), err: 'container "c" in pod "p" is waiting to start - no logs yet' },
    { name: 'no status at all', status: {}, err: 'container "c" in pod "p" is not available' },
    {
      name: 'init containers count',
      status: {
        initContainerStatuses: [{ name: 'c', containerID: 'containerd://i', state: { running: {} } }],
      } as ApiPodStatus,
      want: { containerID: 'containerd://i', current: true, restartCount: 0 },
    },
  ];
  for (const c of cases) {
    if (c.err) {
      assert.throws(
        () => validateContainerLogStatus('p', c.status, 'c', c.previous ?? false),
        (err: { status?: { message?: string; code?: number } }) =>
          err.status?.message === c.err && err.status?.code === 400,
        c.name,
      );
    } else {
      assert.deepEqual(validateContainerLogStatus('p', c.status, 'c', c.previous ?? false), c.want, c.name);
    }
  }
});

test('runtimeContainerId strips the runtime prefix', () => {
  assert.equal(runtimeContainerId('containerd://abc'), 'abc');
  assert.equal(runtimeContainerId('abc'), 'abc');
});
