/**
 * Hollow nodes at scale: 50 of them in this process run 500 pods against a real in-process API server within
 * a bounded time; the test reports how long each stage took and the heap in use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PODS } from '../../client/rest/resources.js';
import { realClock } from '../../util/clock.js';
import { silentLogger } from '../../util/log.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { startHollowNode } from './hollow-node.js';
import { until, useHollowTestEnv } from './test-env.js';
import { offsetIn, parseIPv4CIDR } from '../../util/ipv4.js';

const env = useHollowTestEnv();

const inCIDR = (ip: string, cidr: string) => offsetIn(parseIPv4CIDR(cidr), ip) !== undefined;

const podOn = (name: string, node: string, extra: Partial<ApiPod['spec']> = {}): ApiPod => ({
  metadata: { name, namespace: 'default' } as ApiPod['metadata'],
  spec: {
    nodeName: node,
    containers: [
      { name: 'c', image: 'registry.example/app:v1', readinessProbe: { httpGet: { path: '/', port: 80 } } } as never,
    ],
    ...extra,
  },
});

test('50 hollow nodes run 500 pods in one process', async (t) => {
  const count = 50;
  const perNode = 10;
  const started = Date.now();
  const names = Array.from({ length: count }, (_, i) => `hollow-${i}`);
  await Promise.all(
    names.map((name, i) => env.fx.nodes.create({ metadata: { name }, spec: { podCIDR: `10.251.${i}.0/24` } })),
  );
  const fleet = names.map((nodeName) =>
    startHollowNode({ client: env.kubeletClient(), nodeName, clock: realClock, logger: silentLogger }),
  );
  env.nodes.push(...fleet);
  await until('all nodes Ready', async () => {
    const list = (await env.fx.nodes.list()).items.filter(
      (n) => n.metadata.name?.startsWith('hollow-') && n.metadata.name !== 'hollow-one',
    );
    const ready = list.filter((n) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True');
    return ready.length === count ? true : undefined;
  });
  const readyAt = Date.now();

  // The test's own writes are not rate limited, so the measurement is of the nodes.
  const fast = env.testClient();
  const pods = fast.resource<ApiPod>(PODS, 'default');
  const specs = names.flatMap((node) => Array.from({ length: perNode }, (_, j) => podOn(`${node}-p${j}`, node)));
  for (let i = 0; i < specs.length; i += 50) await Promise.all(specs.slice(i, i + 50).map((p) => pods.create(p)));
  const running = await until(
    'all pods Running',
    async () => {
      const list = (await pods.list()).items.filter(
        (p) => p.metadata.name.startsWith('hollow-') && p.spec.nodeName !== 'hollow-one',
      );
      const ok = list.filter((p) => p.status?.phase === 'Running' && p.status.podIP);
      return ok.length === specs.length ? ok : undefined;
    },
    90_000,
  );
  const runningAt = Date.now();
  for (const p of running) {
    const i = Number(p.spec.nodeName!.slice('hollow-'.length));
    assert.ok(
      inCIDR(p.status!.podIP!, `10.251.${i}.0/24`),
      `${p.metadata.name} ${p.status!.podIP} is in its node's podCIDR`,
    );
  }
  assert.equal(new Set(running.map((p) => p.status!.podIP)).size, specs.length, 'pod IPs are unique');
  t.diagnostic(`50 nodes Ready in ${readyAt - started} ms; 500 pods Running ${runningAt - readyAt} ms later`);
  const heapMiB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  t.diagnostic(`heap in use: ${heapMiB} MiB`);
});
