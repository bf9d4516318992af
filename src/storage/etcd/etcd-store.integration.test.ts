/** EtcdStore against a real etcd 3.4: CRUD preconditions, paging, revisions, compaction, TTLs. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Etcd3 } from 'etcd3';
import { startEtcd, type EtcdProcess } from '../../testing/etcd-process.js';
import { isStorageError, type StorageErrorCode } from '../errors.js';
import type { WatchEvent } from '../interface.js';
import { take } from '../../testing/watch-events.js';
import { openEtcdStore, type EtcdStore } from './store.js';

async function rejectsWith(p: Promise<unknown>, code: StorageErrorCode): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isStorageError(e, code), `expected StorageError ${code}, got ${String(e)}`);
    return true;
  });
}

describe('EtcdStore', () => {
  let etcd: EtcdProcess;
  let store: EtcdStore;
  let raw: Etcd3;
  const k = (s: string) => `/registry/etcdstore/${s}`;

  before(async () => {
    etcd = await startEtcd();
    store = await openEtcdStore([etcd.endpoint]);
    raw = new Etcd3({ hosts: etcd.endpoint });
  });
  after(async () => {
    raw?.close();
    await store?.close();
    await etcd?.cleanup();
  });

  test('every write bumps the revision by one and returns it', async () => {
    const before = await store.currentRevision();
    const a = await store.create(k('rev/a'), '1');
    assert.equal(a.modRevision, before + 1);
    const a2 = await store.update(k('rev/a'), '2', a.modRevision);
    assert.equal(a2.modRevision, before + 2);
    const del = await store.delete(k('rev/a'));
    assert.equal(del.revision, before + 3);
    assert.equal(await store.currentRevision(), before + 3);
  });

  test('update of an absent key is KeyNotFound, even when the expected revision is 0', async () => {
    await rejectsWith(store.update(k('upd/absent'), 'x', 0), 'KeyNotFound');
    assert.equal(await store.get(k('upd/absent')), undefined);
  });

  test('a stale update fails with Conflict naming the current revision', async () => {
    const kv = await store.create(k('upd/c'), '1');
    const kv2 = await store.update(k('upd/c'), '2', kv.modRevision);
    await assert.rejects(store.update(k('upd/c'), '3', kv.modRevision), (e: unknown) => {
      assert.ok(isStorageError(e, 'Conflict'));
      assert.match(e.message, new RegExp(`at revision ${kv2.modRevision}, not the expected ${kv.modRevision}`));
      return true;
    });
    await rejectsWith(store.create(k('upd/c'), 'again'), 'KeyExists');
  });

  test('delete with a stale precondition is Conflict, an absent key KeyNotFound', async () => {
    const kv = await store.create(k('del/x'), 'v');
    await rejectsWith(store.delete(k('del/x'), kv.modRevision - 1), 'Conflict');
    await rejectsWith(store.delete(k('del/none'), 3), 'KeyNotFound');
    const res = await store.delete(k('del/x'), kv.modRevision);
    assert.deepEqual([res.prev.value, res.prev.createRevision], ['v', kv.createRevision]);
  });

  test('guaranteedUpdate with an async function lands 16 concurrent increments', async () => {
    await Promise.all(
      Array.from({ length: 16 }, () =>
        store.guaranteedUpdate(k('gu/n'), async (cur) => {
          await new Promise((r) => setImmediate(r));
          return { value: String(Number(cur?.value ?? '0') + 1) };
        }),
      ),
    );
    assert.equal((await store.get(k('gu/n')))?.value, '16');
    await assert.rejects(
      store.guaranteedUpdate(k('gu/n'), () => {
        throw new Error('refused');
      }),
      /refused/,
    );
  });

  test('paging is stable at the first page revision while writers keep writing', async () => {
    const p = k('page/');
    for (let i = 0; i < 40; i++) await store.create(`${p}${String(i).padStart(3, '0')}`, `v${i}`);
    const first = await store.list(p, { limit: 7 });
    assert.equal(first.remainingItemCount, 40 - 7);
    // Between pages a writer adds keys inside the paged range and deletes keys not yet returned.
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        await store.create(`${p}${String(i).padStart(3, '0')}x`, 'noise');
        await store.delete(`${p}${String(39 - (i % 40)).padStart(3, '0')}`).catch(() => undefined);
      }
    })();
    try {
      const pages = [first];
      let remaining = 40 - 7;
      while (pages[pages.length - 1]!.continue) {
        await new Promise((r) => setTimeout(r, 5));
        const next = await store.list(p, { limit: 7, continue: pages[pages.length - 1]!.continue! });
        assert.equal(next.revision, first.revision);
        remaining -= next.items.length;
        if (next.continue) assert.equal(next.remainingItemCount, remaining);
        pages.push(next);
      }
      const paged = pages.flatMap((pg) => pg.items.map((i) => i.value));
      assert.deepEqual(
        paged,
        Array.from({ length: 40 }, (_, i) => `v${i}`),
      );
      assert.ok(
        (await store.list(p)).items.some((i) => i.value === 'noise'),
        'the writer did write meanwhile',
      );
    } finally {
      stop = true;
      await writer;
    }
  });

  test('a list at a future revision is FutureRevision', async () => {
    const cur = await store.currentRevision();
    await rejectsWith(store.list(k('page/'), { revision: cur + 5 }), 'FutureRevision');
  });

  test('compaction: list, continue and watch below it are Expired; another client learns it', async () => {
    const p = k('cmp/');
    const a = await store.create(`${p}a`, '1');
    await store.create(`${p}b`, '1');
    const page = await store.list(p, { limit: 1 });
    assert.ok(page.continue);
    const b2 = await store.update(`${p}b`, '2', (await store.get(`${p}b`))!.modRevision);

    // Compacted by another client: this store has to learn it from etcd.
    const other = await openEtcdStore([etcd.endpoint]);
    try {
      await other.compact(b2.modRevision);
    } finally {
      await other.close();
    }
    await rejectsWith(store.list(p, { revision: a.modRevision }), 'Expired');
    await rejectsWith(store.list(p, { limit: 1, continue: page.continue! }), 'Expired');
    const w = store.watch(p, a.modRevision);
    await assert.rejects(take(w, 1), (e: unknown) => isStorageError(e, 'Expired'));
    // A client that knows nothing yet hears of the compaction from etcd's watch response.
    const fresh = await openEtcdStore([etcd.endpoint]);
    try {
      await assert.rejects(take(fresh.watch(p, a.modRevision), 1), (e: unknown) => {
        assert.ok(isStorageError(e, 'Expired'), String(e));
        assert.match(e.message, new RegExp(`oldest available is ${b2.modRevision}`));
        return true;
      });
    } finally {
      await fresh.close();
    }
    assert.equal(await store.compactedRevision(), b2.modRevision);
    // The Store contract: history up to and including the compacted revision is gone.
    await rejectsWith(store.list(p, { revision: b2.modRevision }), 'Expired');
    const b3 = await store.update(`${p}b`, '3', b2.modRevision);
    assert.deepEqual(
      (await store.list(p, { revision: b3.modRevision })).items.map((i) => i.value),
      ['1', '3'],
    );
    // Compacting again at or below is a no-op.
    await store.compact(a.modRevision);
    assert.equal(await store.compactedRevision(), b2.modRevision);
  });

  test('TTL keys report their TTL, share a lease, and expire', async () => {
    const long1 = await store.create(k('ttl/l1'), 'x', { ttlSeconds: 100 });
    const long2 = await store.create(k('ttl/l2'), 'y', { ttlSeconds: 100 });
    assert.equal(long1.ttl, 100);
    assert.equal((await store.get(k('ttl/l2')))?.ttl, 100);
    const lease = async (key: string) => (await raw.kv.range({ key: Buffer.from(key) })).kvs[0]?.lease;
    assert.equal(await lease(long1.key), await lease(long2.key), 'writes with the same TTL share a lease');
    assert.notEqual(await lease(long1.key), '0');

    // If etcd loses the shared lease, the next write grants a new one instead of failing.
    await raw.leaseClient.leaseRevoke({ ID: (await lease(long1.key))! });
    const long3 = await store.create(k('ttl/l3'), 'z', { ttlSeconds: 100 });
    assert.equal((await store.get(long3.key))?.ttl, 100);

    const short = await store.create(k('ttl/short'), 'bye', { ttlSeconds: 1 });
    assert.equal(short.ttl, 1);
    const plain = await store.update(k('ttl/l3'), 'no ttl', long3.modRevision);
    assert.equal(plain.ttl, 0);
    // etcd's minimum lease TTL is 2 s and it checks expiry every 500 ms: allow 8 s.
    const deadline = Date.now() + 8_000;
    while ((await store.get(short.key)) !== undefined) {
      assert.ok(Date.now() < deadline, 'TTL key did not expire within 8 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal((await store.get(k('ttl/l3')))?.value, 'no ttl');
  });

  test('a watcher that falls behind its buffer fails with Unavailable after the buffered events', async () => {
    const small = await openEtcdStore([etcd.endpoint], { watchCapacity: 5 });
    try {
      const w = small.watch(k('slow/'), await small.currentRevision());
      for (let i = 0; i < 20; i++) await small.create(k(`slow/${i}`), 'v');
      await new Promise((r) => setTimeout(r, 300));
      const got: WatchEvent[] = [];
      await assert.rejects(
        (async () => {
          for await (const ev of w) got.push(ev);
        })(),
        (e: unknown) => isStorageError(e, 'Unavailable'),
      );
      assert.equal(got.length, 5);
    } finally {
      await small.close();
    }
  });
});
