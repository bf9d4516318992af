/** EtcdStore watches, restarts and unreachable etcd, against real etcd processes. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { startEtcd, type EtcdProcess } from '../../testing/etcd-process.js';
import { findFreePort } from '../../testing/ports.js';
import { isStorageError } from '../errors.js';
import { take } from '../../testing/watch-events.js';
import { openEtcdStore, type EtcdStore } from './store.js';

/** Resolves with how long `p` took to reject, asserting it rejects with Unavailable naming `endpoint`. */
async function unavailableWithin(p: Promise<unknown>, endpoint: string): Promise<number> {
  const t0 = Date.now();
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isStorageError(e, 'Unavailable'), `expected Unavailable, got ${String(e)}`);
    assert.ok(e.message.includes(`etcd at ${endpoint}`), e.message);
    return true;
  });
  return Date.now() - t0;
}

describe('EtcdStore watch', () => {
  let etcd: EtcdProcess;
  let store: EtcdStore;
  const k = (s: string) => `/registry/etcdwatch/${s}`;

  before(async () => {
    etcd = await startEtcd();
    store = await openEtcdStore([etcd.endpoint]);
  });
  after(async () => {
    await store?.close();
    await etcd?.cleanup();
  });

  test('watch from 0 skips the past; DELETED carries the last value and create revision', async () => {
    await store.create(k('zero/old'), 'old');
    const w = store.watch(k('zero/'), 0);
    try {
      await new Promise((r) => setTimeout(r, 100));
      const c = await store.create(k('zero/new'), 'a');
      await store.update(k('zero/new'), 'b', c.modRevision);
      const d = await store.delete(k('zero/new'));
      const evs = await take(w, 3);
      assert.deepEqual(
        evs.map((e) => [e.type, e.value, e.prevValue, e.revision, e.createRevision]),
        [
          ['ADDED', 'a', undefined, c.modRevision, c.modRevision],
          ['MODIFIED', 'b', 'a', c.modRevision + 1, c.modRevision],
          ['DELETED', 'b', 'b', d.revision, c.modRevision],
        ],
      );
    } finally {
      w.close();
    }
  });

  test('watch from a past revision replays history, then continues live', async () => {
    const start = await store.currentRevision();
    const revs: number[] = [];
    for (let i = 0; i < 5; i++) revs.push((await store.create(k(`past/${i}`), String(i))).modRevision);
    const w = store.watch(k('past/'), revs[1]!);
    try {
      const replay = await take(w, 3);
      assert.deepEqual(
        replay.map((e) => e.revision),
        revs.slice(2),
      );
      const live = await store.create(k('past/live'), 'x');
      const [ev] = await take(w, 1);
      assert.equal(ev!.revision, live.modRevision);
      assert.ok(start < revs[0]!);
    } finally {
      w.close();
    }
  });

  test('20 concurrent writers: the watch sees every write once, in revision order', async () => {
    const from = await store.currentRevision();
    const w = store.watch(k('conc/'), from);
    try {
      const written = await Promise.all(
        Array.from({ length: 20 }, async (_, wi) => {
          const revs: number[] = [];
          let kv = await store.create(k(`conc/${wi}`), '0');
          revs.push(kv.modRevision);
          for (let i = 1; i < 15; i++) {
            kv = await store.update(kv.key, String(i), kv.modRevision);
            revs.push(kv.modRevision);
          }
          return revs;
        }),
      );
      const all = written.flat().sort((a, b) => a - b);
      const evs = await take(w, all.length, 20_000);
      assert.deepEqual(
        evs.map((e) => e.revision),
        all,
      );
      // Nothing in between that we did not write: revisions are contiguous.
      assert.deepEqual(
        all,
        Array.from({ length: all.length }, (_, i) => from + 1 + i),
      );
    } finally {
      w.close();
    }
  });

  test('a watch below a compaction fails with Expired; from the compacted revision it works', async () => {
    const a = await store.create(k('cmp/a'), '1');
    const a2 = await store.update(k('cmp/a'), '2', a.modRevision);
    const a3 = await store.update(k('cmp/a'), '3', a2.modRevision);
    await store.compact(a2.modRevision);
    const err = await take(store.watch(k('cmp/'), a.modRevision), 1).catch((e: unknown) => e);
    assert.ok(isStorageError(err, 'Expired'), `got ${String(err)}`);
    const w = store.watch(k('cmp/'), a2.modRevision);
    try {
      const [ev] = await take(w, 1);
      assert.equal(ev!.revision, a3.modRevision);
    } finally {
      w.close();
    }
  });

  test('an open watch survives an etcd restart without gaps or duplicates', async () => {
    const w = store.watch(k('restart/'), await store.currentRevision());
    try {
      const revs: number[] = [];
      for (let i = 0; i < 5; i++) revs.push((await store.create(k(`restart/a${i}`), 'v')).modRevision);
      await take(w, 2);
      await etcd.restart();
      for (let i = 0; i < 5; i++) revs.push((await store.create(k(`restart/b${i}`), 'v')).modRevision);
      const rest = await take(w, 8, 20_000);
      assert.deepEqual(
        rest.map((e) => e.revision),
        revs.slice(2),
      );
    } finally {
      w.close();
    }
  });

  test('data survives stopping etcd and starting a new process on the same data dir', async () => {
    const kv = await store.create(k('persist/a'), 'durable');
    const rev = await store.currentRevision();
    await store.close();
    await etcd.stop();
    const second = await startEtcd({ dataDir: etcd.dataDir });
    try {
      const s2 = await openEtcdStore([second.endpoint]);
      try {
        assert.deepEqual(await s2.get(kv.key), kv);
        assert.equal(await s2.currentRevision(), rev);
      } finally {
        await s2.close();
      }
    } finally {
      await second.stop();
    }
    await etcd.restart();
    store = await openEtcdStore([etcd.endpoint]);
    assert.equal((await store.get(kv.key))?.value, 'durable');
  });
});

describe('EtcdStore with etcd unreachable', () => {
  test('opening a store on a port nobody listens on fails fast with Unavailable', async () => {
    const endpoint = `http://127.0.0.1:${await findFreePort()}`;
    const ms = await unavailableWithin(openEtcdStore([endpoint]), endpoint);
    assert.ok(ms < 3_000, `took ${ms} ms`);
  });

  test('a server that accepts but never answers fails open within the dial timeout', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const addr = silent.address();
    assert.ok(addr && typeof addr === 'object');
    const endpoint = `http://127.0.0.1:${addr.port}`;
    try {
      const ms = await unavailableWithin(openEtcdStore([endpoint], { dialTimeoutMs: 1_000 }), endpoint);
      assert.ok(ms < 3_000, `took ${ms} ms`);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  test('calls and watches on a store whose etcd went away fail with Unavailable', async () => {
    const etcd = await startEtcd();
    try {
      const store = await openEtcdStore([etcd.endpoint], { requestTimeoutMs: 2_000, watchReconnectTimeoutMs: 1_000 });
      try {
        const w = store.watch('/registry/gone/', await store.currentRevision());
        await store.create('/registry/gone/a', 'v');
        await take(w, 1);
        await etcd.stop();
        for (const call of [
          store.get('/registry/gone/a'),
          store.create('/registry/gone/b', 'v'),
          store.list('/registry/gone/'),
        ]) {
          const ms = await unavailableWithin(call, etcd.endpoint);
          assert.ok(ms < 3_000, `took ${ms} ms`);
        }
        const t0 = Date.now();
        const err = await take(w, 1, 10_000).catch((e: unknown) => e);
        assert.ok(isStorageError(err, 'Unavailable'), `got ${String(err)}`);
        assert.ok(Date.now() - t0 < 5_000);
      } finally {
        await store.close();
      }
    } finally {
      await etcd.cleanup();
    }
  });
});
