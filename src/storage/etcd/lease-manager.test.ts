import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LeaseManager, newLeaseId, ttlOfLease } from './lease-manager.js';

function fakeEtcd() {
  const grants: Array<{ id: string; ttl: number }> = [];
  let t = 1_000_000;
  const lm = new LeaseManager({
    grant: async (id, ttl) => {
      grants.push({ id, ttl });
    },
    now: () => t,
  });
  return { lm, grants, step: (ms: number) => (t += ms) };
}

describe('LeaseManager', () => {
  test('lease IDs carry the requested TTL and no lease means TTL 0', () => {
    for (const ttl of [1, 60, 3600, 2 ** 32 - 1]) assert.equal(ttlOfLease(newLeaseId(ttl)), ttl);
    assert.equal(ttlOfLease('0'), 0);
    assert.equal(ttlOfLease(undefined), 0);
    assert.ok(BigInt(newLeaseId(3600)) > 0n);
  });

  test('writes with the same TTL share one lease granted for ttl + window', async () => {
    const { lm, grants } = fakeEtcd();
    const ids = await Promise.all([lm.leaseFor(3600), lm.leaseFor(3600), lm.leaseFor(3600)]);
    assert.equal(new Set(ids).size, 1);
    assert.deepEqual(
      grants.map((g) => g.ttl),
      [3660],
    );
  });

  test('a shared lease is reused only within its window', async () => {
    const { lm, grants, step } = fakeEtcd();
    const a = await lm.leaseFor(100); // window: 5% of 100 s = 5 s
    step(4_999);
    assert.equal(await lm.leaseFor(100), a);
    step(1);
    assert.notEqual(await lm.leaseFor(100), a);
    assert.deepEqual(
      grants.map((g) => g.ttl),
      [105, 105],
    );
  });

  test('short TTLs get a lease of their own', async () => {
    const { lm, grants } = fakeEtcd();
    const a = await lm.leaseFor(5);
    const b = await lm.leaseFor(5);
    assert.notEqual(a, b);
    assert.deepEqual(
      grants.map((g) => g.ttl),
      [5, 5],
    );
  });

  test('different TTLs never share, and an invalidated lease is replaced', async () => {
    const { lm } = fakeEtcd();
    const a = await lm.leaseFor(3600);
    assert.notEqual(await lm.leaseFor(1800), a);
    lm.invalidate(a);
    assert.notEqual(await lm.leaseFor(3600), a);
  });

  test('a failed grant is not handed to later writes', async () => {
    let fail = true;
    const lm = new LeaseManager({
      grant: async () => {
        if (fail) throw new Error('etcd down');
      },
      now: () => 0,
    });
    await assert.rejects(lm.leaseFor(3600), /etcd down/);
    fail = false;
    assert.equal(ttlOfLease(await lm.leaseFor(3600)), 3600);
  });
});
