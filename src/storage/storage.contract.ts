/**
 * The contract every Store passes: SQLite, etcd, and either one behind the watch cache. Each backend's test file
 * calls `describeStoreContract` with a harness that opens a fresh, empty store and can reopen it on the same data.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store, Watch } from './interface.js';
import { isStorageError, type StorageErrorCode } from './errors.js';
import { take } from '../testing/watch-events.js';

export interface StoreHarness {
  /** Opens a fresh empty store; called once per test. */
  open(): Promise<Store>;
  /** Closes `store` and opens the same data again (a restart). */
  reopen(store: Store): Promise<Store>;
  /** Removes everything the harness created. */
  cleanup(): Promise<void>;
}

async function rejectsWith(p: Promise<unknown>, code: StorageErrorCode): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isStorageError(e), `expected a StorageError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, `expected ${code}, got ${e.code}: ${e.message}`);
    return true;
  });
}

/** Reads `n` events from a watch, failing if they do not arrive within `ms` (shared with the backends' tests). */
export { take };

/** Resolves with the error the watch fails with, or rejects if it yields an event or stays quiet. */
async function watchError(w: Watch, ms = 10_000): Promise<unknown> {
  const it = w[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  try {
    const r = await Promise.race([
      it.next().then(
        (v) => ({ value: v }),
        (error: unknown) => ({ error }),
      ),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('watch neither failed nor yielded')), ms);
      }),
    ]);
    if ('error' in r) return r.error;
    throw new Error(`watch yielded ${JSON.stringify(r.value)} instead of failing`);
  } finally {
    clearTimeout(timer);
    w.close();
  }
}

export function describeStoreContract(name: string, harness: StoreHarness): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await harness.open();
    });
    after(async () => {
      await store?.close();
      await harness.cleanup();
    });

    const k = (s: string) => `/registry/contract/${s}`;

    test('create then get returns the value with create and mod revisions', async () => {
      const kv = await store.create(k('a/one'), 'v1');
      assert.equal(kv.value, 'v1');
      assert.ok(kv.modRevision > 0);
      assert.equal(kv.createRevision, kv.modRevision);
      const got = await store.get(k('a/one'));
      assert.deepEqual(
        { key: got?.key, value: got?.value, c: got?.createRevision, m: got?.modRevision },
        { key: k('a/one'), value: 'v1', c: kv.createRevision, m: kv.modRevision },
      );
      assert.equal(await store.get(k('a/missing')), undefined);
      assert.equal(await store.currentRevision(), kv.modRevision);
    });

    test('create of an existing key fails with KeyExists and changes nothing', async () => {
      const kv = await store.create(k('b/dup'), 'first');
      await rejectsWith(store.create(k('b/dup'), 'second'), 'KeyExists');
      assert.equal((await store.get(k('b/dup')))?.value, 'first');
      assert.equal((await store.get(k('b/dup')))?.modRevision, kv.modRevision);
    });

    test('update checks the mod revision', async () => {
      const kv = await store.create(k('c/u'), '1');
      const kv2 = await store.update(k('c/u'), '2', kv.modRevision);
      assert.ok(kv2.modRevision > kv.modRevision);
      assert.equal(kv2.createRevision, kv.createRevision);
      await rejectsWith(store.update(k('c/u'), '3', kv.modRevision), 'Conflict');
      assert.equal((await store.get(k('c/u')))?.value, '2');
      await rejectsWith(store.update(k('c/absent'), 'x', 5), 'KeyNotFound');
    });

    test('delete honours preconditions and returns the last value', async () => {
      const kv = await store.create(k('d/x'), 'last');
      await rejectsWith(store.delete(k('d/x'), kv.modRevision + 1000), 'Conflict');
      assert.equal((await store.get(k('d/x')))?.value, 'last');
      const res = await store.delete(k('d/x'), kv.modRevision);
      assert.equal(res.prev.value, 'last');
      assert.equal(res.prev.modRevision, kv.modRevision);
      assert.ok(res.revision > kv.modRevision);
      assert.equal(await store.get(k('d/x')), undefined);
      await rejectsWith(store.delete(k('d/x')), 'KeyNotFound');
      // a re-create is a new incarnation
      const again = await store.create(k('d/x'), 'new');
      assert.ok(again.createRevision > res.revision);
    });

    test('guaranteedUpdate retries on conflict: 10 concurrent increments all land', async () => {
      await store.create(k('e/counter'), '0');
      await Promise.all(
        Array.from({ length: 10 }, () =>
          store.guaranteedUpdate(k('e/counter'), (cur) => ({ value: String(Number(cur?.value ?? '0') + 1) })),
        ),
      );
      assert.equal((await store.get(k('e/counter')))?.value, '10');
      const created = await store.guaranteedUpdate(k('e/fresh'), (cur) => (cur ? undefined : { value: 'made' }));
      assert.equal(created?.value, 'made');
      const unchanged = await store.guaranteedUpdate(k('e/fresh'), () => undefined);
      assert.equal(unchanged?.modRevision, created?.modRevision);
    });

    test('keys outside /registry/ and prefixes without a trailing slash are rejected', async () => {
      await rejectsWith(store.create('/elsewhere/x', 'v'), 'InvalidKey');
      await rejectsWith(store.get('pods/x'), 'InvalidKey');
      await rejectsWith(store.list('/registry/contract'), 'InvalidKey');
    });

    test('list and count see only their prefix, in key order', async () => {
      await store.create(k('f/pods/b'), 'b');
      await store.create(k('f/pods/a'), 'a');
      await store.create(k('f/podsx/c'), 'c');
      const res = await store.list(k('f/pods/'));
      assert.deepEqual(
        res.items.map((i) => i.value),
        ['a', 'b'],
      );
      assert.equal(res.continue, undefined);
      assert.equal(await store.count(k('f/pods/')), 2);
      assert.ok(res.revision >= Math.max(...res.items.map((i) => i.modRevision)));
    });

    test('paging with continue is stable across concurrent writes', async () => {
      const p = k('g/');
      for (let i = 0; i < 25; i++) await store.create(`${p}${String(i).padStart(2, '0')}`, `v${i}`);
      const first = await store.list(p, { limit: 10 });
      assert.equal(first.items.length, 10);
      assert.ok(first.continue);
      assert.equal(first.remainingItemCount, 15);
      // writes between pages: must not show up in later pages
      await store.create(`${p}99`, 'late');
      const v15 = await store.get(`${p}15`);
      await store.update(`${p}15`, 'changed', v15!.modRevision);
      await store.delete(`${p}20`);
      const second = await store.list(p, { limit: 10, continue: first.continue });
      assert.equal(second.revision, first.revision);
      const third = await store.list(p, { limit: 10, continue: second.continue });
      assert.equal(third.continue, undefined);
      const all = [...first.items, ...second.items, ...third.items];
      assert.deepEqual(
        all.map((i) => i.value),
        Array.from({ length: 25 }, (_, i) => `v${i}`),
      );
      await rejectsWith(store.list(p, { limit: 10, continue: 'not-a-token' }), 'InvalidContinue');
    });

    test('list at a past revision shows the state of that revision', async () => {
      const a = await store.create(k('h/a'), 'a1');
      const past = a.modRevision;
      await store.update(k('h/a'), 'a2', a.modRevision);
      await store.create(k('h/b'), 'b1');
      const then = await store.list(k('h/'), { revision: past });
      assert.equal(then.revision, past);
      assert.deepEqual(
        then.items.map((i) => [i.key, i.value]),
        [[k('h/a'), 'a1']],
      );
      const now = await store.list(k('h/'));
      assert.deepEqual(
        now.items.map((i) => i.value),
        ['a2', 'b1'],
      );
      await rejectsWith(store.list(k('h/'), { revision: (await store.currentRevision()) + 100 }), 'FutureRevision');
    });

    test('watch from 0 sees only what happens after it starts', async () => {
      await store.create(k('i/before'), 'x');
      const w = store.watch(k('i/'), 0);
      try {
        // give the watch a moment to be established at the backend
        await new Promise((r) => setTimeout(r, 200));
        const c = await store.create(k('i/after'), 'y');
        const u = await store.update(k('i/after'), 'z', c.modRevision);
        const d = await store.delete(k('i/after'));
        const evs = await take(w, 3);
        assert.deepEqual(
          evs.map((e) => [e.type, e.key, e.value, e.prevValue, e.revision]),
          [
            ['ADDED', k('i/after'), 'y', undefined, c.modRevision],
            ['MODIFIED', k('i/after'), 'z', 'y', u.modRevision],
            ['DELETED', k('i/after'), 'z', 'z', d.revision],
          ],
        );
      } finally {
        w.close();
      }
    });

    test('watch from a past revision replays exactly the events after it', async () => {
      const a = await store.create(k('j/a'), '1');
      const b = await store.create(k('j/b'), '1');
      const a2 = await store.update(k('j/a'), '2', a.modRevision);
      const w = store.watch(k('j/'), a.modRevision);
      try {
        const evs = await take(w, 2);
        assert.deepEqual(
          evs.map((e) => [e.type, e.key, e.revision]),
          [
            ['ADDED', k('j/b'), b.modRevision],
            ['MODIFIED', k('j/a'), a2.modRevision],
          ],
        );
        const b2 = await store.delete(k('j/b'));
        const [live] = await take(w, 1);
        assert.deepEqual([live!.type, live!.key, live!.revision, live!.value], ['DELETED', k('j/b'), b2.revision, '1']);
      } finally {
        w.close();
      }
    });

    test('a compacted revision is Expired for watch and list', async () => {
      const a = await store.create(k('l/a'), '1');
      let last = a;
      for (let i = 2; i <= 6; i++) last = await store.update(k('l/a'), String(i), last.modRevision);
      await store.compact(last.modRevision);
      assert.ok((await store.compactedRevision()) >= last.modRevision);
      const err = await watchError(store.watch(k('l/'), a.modRevision));
      assert.ok(isStorageError(err, 'Expired'), `expected Expired, got ${String(err)}`);
      await rejectsWith(store.list(k('l/'), { revision: a.modRevision }), 'Expired');
      // the latest value survives compaction, and watching from the compacted revision itself works
      assert.equal((await store.get(k('l/a')))?.value, '6');
      const w = store.watch(k('l/'), last.modRevision);
      try {
        const next = await store.update(k('l/a'), '7', last.modRevision);
        const [ev] = await take(w, 1);
        assert.equal(ev!.revision, next.modRevision);
      } finally {
        w.close();
      }
    });

    test('watch delivers 20 concurrent writers in strict revision order', async () => {
      const w = store.watch(k('m/'), await store.currentRevision());
      try {
        const writers = 20;
        const perWriter = 10;
        const results = await Promise.all(
          Array.from({ length: writers }, async (_, wi) => {
            const revs: number[] = [];
            let kv = await store.create(k(`m/w${wi}`), '0');
            revs.push(kv.modRevision);
            for (let i = 1; i < perWriter; i++) {
              kv = await store.update(k(`m/w${wi}`), String(i), kv.modRevision);
              revs.push(kv.modRevision);
            }
            return revs;
          }),
        );
        const evs = await take(w, writers * perWriter, 20_000);
        for (let i = 1; i < evs.length; i++) {
          assert.ok(evs[i]!.revision > evs[i - 1]!.revision, `revision order broken at ${i}`);
        }
        assert.deepEqual(
          evs.map((e) => e.revision).sort((x, y) => x - y),
          results.flat().sort((x, y) => x - y),
        );
      } finally {
        w.close();
      }
    });

    test('a key written with a TTL expires and its watchers see DELETED', async () => {
      const w = store.watch(k('n/'), await store.currentRevision());
      try {
        await store.create(k('n/short'), 'bye', { ttlSeconds: 1 });
        await store.create(k('n/long'), 'stay');
        const evs = await take(w, 3, 15_000);
        assert.deepEqual(
          evs.map((e) => [e.type, e.key]),
          [
            ['ADDED', k('n/short')],
            ['ADDED', k('n/long')],
            ['DELETED', k('n/short')],
          ],
        );
        assert.equal(await store.get(k('n/short')), undefined);
        assert.equal((await store.get(k('n/long')))?.value, 'stay');
      } finally {
        w.close();
      }
    });

    test('data and revisions survive a restart', async () => {
      const a = await store.create(k('o/a'), 'persist');
      const b = await store.create(k('o/b'), 'gone');
      const del = await store.delete(k('o/b'));
      const rev = await store.currentRevision();
      store = await harness.reopen(store);
      assert.equal((await store.get(k('o/a')))?.value, 'persist');
      assert.equal((await store.get(k('o/a')))?.modRevision, a.modRevision);
      assert.equal(await store.get(k('o/b')), undefined);
      assert.ok((await store.currentRevision()) >= rev);
      // history from before the restart is still there for watchers
      const w = store.watch(k('o/'), a.modRevision);
      try {
        const evs = await take(w, 2);
        assert.deepEqual(
          evs.map((e) => [e.type, e.revision]),
          [
            ['ADDED', b.modRevision],
            ['DELETED', del.revision],
          ],
        );
      } finally {
        w.close();
      }
      const next = await store.create(k('o/c'), 'after');
      assert.ok(next.modRevision > rev);
    });
  });
}
