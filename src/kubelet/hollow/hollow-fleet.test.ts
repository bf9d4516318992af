import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PODS } from '../../client/rest/resources.js';
import { realClock } from '../../util/clock.js';
import { silentLogger } from '../../util/log.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { startApiFixture, type ApiFixture } from '../node/test-helpers.js';
import { hollowNodeNames, hollowPodCIDRs, startHollowFleet } from './hollow-fleet.js';

let fx: ApiFixture;
before(async () => {
  fx = await startApiFixture();
});
after(async () => {
  await fx.close();
});

test('hollowNodeNames and hollowPodCIDRs', () => {
  assert.deepEqual(hollowNodeNames('Hollow', 1), ['hollow']);
  assert.deepEqual(hollowNodeNames('h', 3), ['h-0', 'h-1', 'h-2']);
  const cases = [
    { cidr: undefined, count: 2, want: [undefined, undefined] },
    { cidr: '10.9.8.0/26', count: 1, want: ['10.9.8.0/26'] },
    { cidr: '10.40.0.0/16', count: 3, want: ['10.40.0.0/24', '10.40.1.0/24', '10.40.2.0/24'] },
  ];
  for (const c of cases) assert.deepEqual(hollowPodCIDRs(c.cidr, c.count), c.want, String(c.cidr));
  assert.throws(() => hollowPodCIDRs('10.40.0.0/23', 3), /no subnet #2/);
  assert.throws(() => hollowPodCIDRs('nope', 1), /not an IPv4 CIDR/);
});

test('startHollowFleet runs N named nodes with their own pod CIDRs and stops them all', async () => {
  assert.throws(
    () =>
      startHollowFleet({
        kubeconfig: fx.api.kubeconfig,
        count: 0,
        nodeName: 'x',
        clock: realClock,
        logger: silentLogger,
      }),
    /positive integer/,
  );
  const fleet = startHollowFleet({
    kubeconfig: fx.api.kubeconfig,
    count: 3,
    nodeName: 'fleet',
    podCIDR: '10.60.0.0/16',
    clock: realClock,
    logger: silentLogger,
  });
  try {
    assert.deepEqual(
      fleet.nodes.map((n) => n.nodeName),
      ['fleet-0', 'fleet-1', 'fleet-2'],
    );
    const pods = fx.client.resource<ApiPod>(PODS, 'default');
    await pods.create({
      metadata: { name: 'on-two' } as ApiPod['metadata'],
      spec: { nodeName: 'fleet-2', containers: [{ name: 'c', image: 'anything:1' }] },
    });
    const deadline = Date.now() + 30_000;
    let ip: string | undefined;
    while (!ip && Date.now() < deadline) {
      ip = (await pods.get('on-two')).status?.podIP;
      if (!ip) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(ip, '10.60.2.2');
  } finally {
    await fleet.stop();
  }
  await fleet.done;
});
