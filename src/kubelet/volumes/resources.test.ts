import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testPod } from './fakes.js';
import { containerResourceValue, findContainer, podMemoryLimit } from './resources.js';
import type { Container } from './types.js';

test('containerResourceValue divides, rounds up and defaults limits to allocatable', () => {
  const container: Container = {
    name: 'app',
    resources: { limits: { memory: '64Mi', cpu: '250m' }, requests: { cpu: '100m', memory: '32Mi' } },
  };
  const allocatable = { cpu: '4', memory: '8Gi', 'ephemeral-storage': '100Gi' };
  const cases: { resource: string; divisor?: string; c?: Container; want: string }[] = [
    { resource: 'limits.cpu', want: '1' },
    { resource: 'limits.cpu', divisor: '1m', want: '250' },
    { resource: 'requests.cpu', divisor: '1m', want: '100' },
    { resource: 'limits.memory', want: String(64 * 1024 * 1024) },
    { resource: 'limits.memory', divisor: '1Mi', want: '64' },
    { resource: 'requests.memory', divisor: '1Gi', want: '1' },
    { resource: 'limits.memory', divisor: '1Mi', c: { name: 'bare' }, want: String(8 * 1024) },
    { resource: 'limits.cpu', c: { name: 'bare' }, want: '4' },
    { resource: 'limits.ephemeral-storage', divisor: '1Gi', c: { name: 'bare' }, want: '100' },
    { resource: 'requests.cpu', c: { name: 'bare' }, want: '0' },
    { resource: 'limits.cpu', divisor: '0', want: '1' },
  ];
  for (const c of cases) {
    const got = containerResourceValue({ resource: c.resource, divisor: c.divisor }, c.c ?? container, allocatable);
    assert.equal(got, c.want, `${c.resource} / ${c.divisor ?? '1'}`);
  }
  assert.throws(() => containerResourceValue({ resource: 'limits.gpu' }, container, allocatable), {
    message: 'unsupported container resource : limits.gpu',
  });
});

test('podMemoryLimit needs a limit on every container and counts sidecars', () => {
  const lim = (name: string, memory: string, restartPolicy?: string): Container => ({
    name,
    resources: { limits: { memory } },
    restartPolicy,
  });
  const cases = [
    { name: 'sum of app containers', spec: { containers: [lim('a', '1Gi'), lim('b', '1Gi')] }, want: 2 * 1024 ** 3 },
    { name: 'one without a limit', spec: { containers: [lim('a', '1Gi'), { name: 'b' }] }, want: undefined },
    {
      name: 'big init container',
      spec: { containers: [lim('a', '1Gi')], initContainers: [lim('i', '3Gi')] },
      want: 3 * 1024 ** 3,
    },
    {
      name: 'sidecar adds up',
      spec: { containers: [lim('a', '1Gi')], initContainers: [lim('s', '1Gi', 'Always')] },
      want: 2 * 1024 ** 3,
    },
  ];
  for (const c of cases) assert.equal(podMemoryLimit(testPod(c.spec))?.value(), c.want, c.name);
});

test('findContainer looks at init containers too', () => {
  const pod = testPod({ containers: [{ name: 'a' }], initContainers: [{ name: 'i' }] });
  assert.equal(findContainer(pod, 'i').name, 'i');
  assert.throws(() => findContainer(pod, 'x'), { message: 'container x not found' });
});
