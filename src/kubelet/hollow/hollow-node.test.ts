/** A hollow node against a real in-process API server: readiness, pod IPs from its podCIDR, their release. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PODS } from '../../client/rest/resources.js';
import { realClock } from '../../util/clock.js';
import { silentLogger } from '../../util/log.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { startHollowNode } from './hollow-node.js';
import { until, useHollowTestEnv } from './test-env.js';

const env = useHollowTestEnv();

const podOn = (name: string, node: string, extra: Partial<ApiPod['spec']> = {}): ApiPod => ({
  metadata: { name, namespace: 'default' } as ApiPod['metadata'],
  spec: {
    nodeName: node,
    containers: [
      { name: 'c', image: 'registry.example/app:v1', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 1 } } as never,
    ],
    ...extra,
  },
});

test('a hollow node is NotReady without a podCIDR, then runs pods with IPs from it and releases them', async () => {
  const node = startHollowNode({
    client: env.kubeletClient(),
    nodeName: 'hollow-one',
    clock: realClock,
    logger: silentLogger,
    nodeStatusUpdateFrequencyMs: 200,
  });
  env.nodes.push(node);
  const ready = async () => (await env.fx.nodes.get('hollow-one')).status?.conditions?.find((c) => c.type === 'Ready');
  const notReady = await until('node registered NotReady', async () =>
    (await ready())?.status === 'False' ? await ready() : undefined,
  );
  assert.match(notReady?.message ?? '', /no podCIDR/);
  const n = await env.fx.nodes.get('hollow-one');
  assert.equal(n.status?.capacity?.cpu, '4');
  assert.equal(n.status?.capacity?.pods, '110');
  assert.match(n.status?.nodeInfo?.containerRuntimeVersion ?? '', /^fake:\/\//);

  await env.fx.nodes.patch('hollow-one', 'merge', { spec: { podCIDR: '10.250.200.0/24' } });
  await until('node Ready', async () => ((await ready())?.status === 'True' ? true : undefined));
  const pods = env.fx.client.resource<ApiPod>(PODS, 'default');
  await pods.create(podOn('p1', 'hollow-one'));
  await pods.create(podOn('h1', 'hollow-one', { hostNetwork: true }));
  const p1 = await until('p1 Running and Ready', async () => {
    const p = await pods.get('p1');
    return p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' ? p : undefined;
  });
  assert.equal(p1.status?.podIP, '10.250.200.2');
  assert.match(p1.status?.containerStatuses?.[0]?.containerID ?? '', /^fake:\/\//);
  const h1 = await until('h1 Running', async () =>
    (await pods.get('h1')).status?.phase === 'Running' ? pods.get('h1') : undefined,
  );
  assert.equal(h1.status?.podIP, '127.0.0.1');
  assert.equal(node.ips.inUse(), 1);

  await pods.delete('p1');
  await until('p1 gone', () =>
    pods.get('p1').then(
      () => undefined,
      () => true,
    ),
  );
  await until('IP released', async () => (node.ips.inUse() === 0 ? true : undefined));
  await pods.delete('h1', { gracePeriodSeconds: 0 });
});
