import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { settle } from '../../testing/wait-for.js';
import { silentLogger } from '../../util/log.js';
import { rfc3339Micro } from '../../apimachinery/meta.js';
import { NodeLeaseController } from './node-lease.js';
import { startApiFixture, type ApiFixture } from './test-helpers.js';

let fx: ApiFixture;
before(async () => {
  fx = await startApiFixture();
});
after(async () => {
  await fx.close();
});


test('renew creates the lease, then moves renewTime and adds the owner once the node uid is known', async () => {
  const clock = new FakeClock();
  let uid = '';
  const c = new NodeLeaseController({ leases: fx.leases, nodeName: 'lease-1', nodeUID: () => uid, clock, logger: silentLogger });
  const cases = [
    { name: 'create without owner', uid: '', advanceMs: 0, wantOwner: undefined },
    { name: 'renew adds owner', uid: 'uid-1', advanceMs: 10_000, wantOwner: 'uid-1' },
    { name: 'renew keeps owner', uid: 'uid-2', advanceMs: 10_000, wantOwner: 'uid-1' },
  ];
  for (const tc of cases) {
    uid = tc.uid;
    clock.step(tc.advanceMs);
    await c.renew();
    const lease = await fx.leases.get('lease-1');
    assert.equal(lease.spec?.holderIdentity, 'lease-1', tc.name);
    assert.equal(lease.spec?.leaseDurationSeconds, 40, tc.name);
    assert.equal(lease.spec?.renewTime, rfc3339Micro(clock.now()), tc.name);
    assert.equal(lease.metadata.ownerReferences?.[0]?.uid, tc.wantOwner, tc.name);
  }
});

test('run renews every 10 s on the injected clock', async () => {
  const clock = new FakeClock();
  const c = new NodeLeaseController({ leases: fx.leases, nodeName: 'lease-2', nodeUID: () => '', clock, logger: silentLogger });
  const ac = new AbortController();
  const done = c.run(ac.signal);
  const renewTime = async () => (await fx.leases.get('lease-2').catch(() => undefined))?.spec?.renewTime;
  await settle('the lease to be renewed', async () => (await renewTime()) === rfc3339Micro(clock.now()));
  assert.equal(await renewTime(), rfc3339Micro(clock.now()));
  for (let i = 0; i < 2; i++) {
    await settle('the next renewal timer', () => clock.pendingTimers() > 0);
    clock.step(10_000);
    await settle('the lease to be renewed', async () => (await renewTime()) === rfc3339Micro(clock.now()));
    assert.equal(await renewTime(), rfc3339Micro(clock.now()));
  }
  ac.abort();
  await done;
});
