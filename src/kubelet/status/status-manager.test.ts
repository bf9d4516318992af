import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PODS } from '../../client/rest/resources.js';
import type { ApiPod, ApiPodStatus } from '../kuberuntime/pod-types.js';
import { startApiFixture, type ApiFixture } from '../node/test-helpers.js';
import { PodStatusManager } from './status-manager.js';

let fx: ApiFixture;
before(async () => {
  fx = await startApiFixture();
});
after(async () => {
  await fx.close();
});

test('setPodStatus patches the status subresource only when the status changed', async () => {
  const pods = fx.client.resource<ApiPod>(PODS, 'default');
  const pod = await pods.create({
    metadata: { name: 'sm', namespace: 'default' } as ApiPod['metadata'],
    spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'busybox' }] },
  });
  const m = new PodStatusManager(fx.client.resource<ApiPod>(PODS));
  const running: ApiPodStatus = { phase: 'Running', hostIP: '10.0.0.1', podIP: '10.244.0.2', podIPs: [{ ip: '10.244.0.2' }] };
  const cases = [
    { name: 'first write', status: running, want: true },
    { name: 'same status again', status: running, want: false },
    { name: 'phase changed', status: { ...running, phase: 'Succeeded' }, want: true },
  ];
  for (const c of cases) assert.equal(await m.setPodStatus(pod, c.status), c.want, c.name);
  const got = await pods.get('sm');
  assert.equal(got.status?.phase, 'Succeeded');
  assert.equal(got.status?.podIP, '10.244.0.2');
  assert.equal(got.spec.nodeName, 'n1');
});

test('setPodStatus ignores a pod that is gone or was recreated', async () => {
  const m = new PodStatusManager(fx.client.resource<ApiPod>(PODS));
  const ghost: ApiPod = { metadata: { name: 'nope', namespace: 'default', uid: 'u-x' }, spec: { containers: [] } };
  assert.equal(await m.setPodStatus(ghost, { phase: 'Running' }), false);
});

test('setPodStatus does not write over a recreated pod of the same name', async () => {
  const pods = fx.client.resource<ApiPod>(PODS, 'default');
  const old = await pods.create({ metadata: { name: 'rc', namespace: 'default' } as ApiPod['metadata'], spec: { containers: [{ name: 'c', image: 'busybox' }] } });
  await pods.delete('rc', { gracePeriodSeconds: 0 });
  await pods.create({ metadata: { name: 'rc', namespace: 'default' } as ApiPod['metadata'], spec: { containers: [{ name: 'c', image: 'busybox' }] } });
  const m = new PodStatusManager(fx.client.resource<ApiPod>(PODS));
  assert.equal(await m.setPodStatus(old, { phase: 'Failed' }), false);
  assert.notEqual((await pods.get('rc')).status?.phase, 'Failed');
});
