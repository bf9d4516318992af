import { describe, test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FakeClock } from '../../util/clock.js';
import { openSqliteStore, type SqliteStore } from './store.js';
import { storageError, tempDir } from './testing.js';
import { encodeContinue, keyAfter } from '../keys.js';

const dir = tempDir();
let n = 0;
/** A fresh store on its own file; background timers are on a FakeClock that never moves. */
const fresh = (name = `s${n++}.db`) => openSqliteStore(join(dir, name), { clock: new FakeClock() });

describe('SqliteStore reads and writes', () => {
  let s: SqliteStore;
  before(() => {
    s = fresh();
  });
  after(() => s.close());

  test('revisions start at 1 and every write bumps them by one', async () => {
    assert.equal(await s.currentRevision(), 0);
    const a = await s.create('/registry/r/a', '1');
    const b = await s.update('/registry/r/a', '2', a.modRevision);
    const d = await s.delete('/registry/r/a');
    assert.deepEqual([a.modRevision, b.modRevision, d.revision], [1, 2, 3]);
    assert.equal(b.createRevision, 1);
    assert.equal(d.prev.modRevision, 2);
    assert.equal(d.prev.value, '2');
    assert.equal(await s.currentRevision(), 3);
  });

  test('failed writes do not consume revisions', async () => {
    const before = await s.currentRevision();
    await assert.rejects(s.update('/registry/r/none', 'x', 1), storageError('KeyNotFound'));
    await assert.rejects(s.delete('/registry/r/none'), storageError('KeyNotFound'));
    assert.equal(await s.currentRevision(), before);
    const kv = await s.create('/registry/r/next', 'x');
    assert.equal(kv.modRevision, before + 1);
  });

  test('a ttl is reported on the key', async () => {
    const kv = await s.create('/registry/r/ttl', 'x', { ttlSeconds: 30 });
    assert.equal(kv.ttl, 30);
    assert.equal((await s.get('/registry/r/ttl'))?.ttl, 30);
    const kv2 = await s.update('/registry/r/ttl', 'y', kv.modRevision);
    assert.equal(kv2.ttl, 0);
  });

  const invalid: { name: string; call: () => Promise<unknown> }[] = [
    { name: 'get outside /registry/', call: () => s.get('/other/x') },
    { name: 'create with a NUL', call: () => s.create('/registry/a\0b', 'x') },
    { name: 'list of a prefix without a slash', call: () => s.list('/registry/pods') },
    { name: 'count of a prefix without a slash', call: () => s.count('/registry/pods') },
    { name: 'delete of a relative key', call: () => s.delete('pods/x') },
  ];
  for (const c of invalid) {
    test(`InvalidKey: ${c.name}`, async () => {
      await assert.rejects(c.call(), storageError('InvalidKey'));
    });
  }

  test('watch of an invalid prefix throws synchronously', () => {
    assert.throws(() => s.watch('/registry/pods', 0), storageError('InvalidKey'));
  });

  test('guaranteedUpdate awaits an async fn and passes its ttl through', async () => {
    const kv = await s.guaranteedUpdate('/registry/r/gu', async (cur) => {
      await new Promise((r) => setImmediate(r));
      return cur ? undefined : { value: 'made', ttlSeconds: 60 };
    });
    assert.equal(kv?.value, 'made');
    assert.equal(kv?.ttl, 60);
    assert.equal(await s.guaranteedUpdate('/registry/r/gu-absent', () => undefined), undefined);
  });

  test('guaranteedUpdate propagates errors thrown by fn and writes nothing', async () => {
    const before = await s.currentRevision();
    await assert.rejects(
      s.guaranteedUpdate('/registry/r/gu-err', () => {
        throw new Error('validation failed');
      }),
      /validation failed/,
    );
    assert.equal(await s.currentRevision(), before);
  });

  test('guaranteedUpdate retries when the key is deleted between read and write', async () => {
    await s.create('/registry/r/gu-del', 'v');
    let calls = 0;
    const kv = await s.guaranteedUpdate('/registry/r/gu-del', async (cur) => {
      calls++;
      if (calls === 1) await s.delete('/registry/r/gu-del');
      return { value: cur ? 'updated' : 'recreated' };
    });
    assert.equal(calls, 2);
    assert.equal(kv?.value, 'recreated');
  });
});

describe('SqliteStore list', () => {
  let s: SqliteStore;
  const p = '/registry/pods/';
  before(async () => {
    s = fresh();
    for (const name of ['e', 'a', 'c', 'b', 'd']) await s.create(`${p}${name}`, name);
    await s.create('/registry/podsx/z', 'outside');
    await s.create('/registry/pod/y', 'outside');
  });
  after(() => s.close());

  test('pages of 2 cover every key once, in order, with remainingItemCount', async () => {
    const seen: string[] = [];
    const remaining: (number | undefined)[] = [];
    let token: string | undefined;
    do {
      const page = await s.list(p, { limit: 2, continue: token });
      seen.push(...page.items.map((i) => i.value));
      remaining.push(page.remainingItemCount);
      token = page.continue;
    } while (token);
    assert.deepEqual(seen, ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(remaining, [3, 1, undefined]);
  });

  test('a limit equal to the number of keys has no continue', async () => {
    const res = await s.list(p, { limit: 5 });
    assert.equal(res.items.length, 5);
    assert.equal(res.continue, undefined);
    assert.equal(res.remainingItemCount, undefined);
  });

  test('a continue token pins the first page revision and ignores later deletes', async () => {
    const first = await s.list(p, { limit: 2 });
    await s.delete(`${p}c`);
    const second = await s.list(p, { limit: 10, continue: first.continue });
    assert.deepEqual(
      second.items.map((i) => i.value),
      ['c', 'd', 'e'],
    );
    assert.equal(second.revision, first.revision);
    assert.equal(await s.count(p), 4);
    const now = await s.list(p);
    assert.deepEqual(
      now.items.map((i) => i.value),
      ['a', 'b', 'd', 'e'],
    );
    await s.create(`${p}c`, 'c');
  });

  test('a continue token whose revision was compacted is Expired', async () => {
    const first = await s.list(p, { limit: 2 });
    const kv = await s.get(`${p}a`);
    await s.update(`${p}a`, 'a2', kv!.modRevision);
    await s.compact(await s.currentRevision());
    await assert.rejects(s.list(p, { limit: 2, continue: first.continue }), storageError('Expired'));
  });

  test('NotOlderThan serves the current state, even for a compacted revision, but not a future one', async () => {
    const cur = await s.currentRevision();
    const res = await s.list(p, { revision: 1, revisionMatch: 'NotOlderThan' });
    assert.equal(res.revision, cur);
    assert.equal(res.items.length, 5);
    await assert.rejects(
      s.list(p, { revision: cur + 1, revisionMatch: 'NotOlderThan' }),
      storageError('FutureRevision'),
    );
  });

  test('a continue token pointing just after a key (keyAfter) resumes after that key', async () => {
    const rev = await s.currentRevision();
    const res = await s.list(p, { continue: encodeContinue(rev, p, keyAfter(`${p}b`)) });
    assert.deepEqual(
      res.items.map((i) => i.key),
      [`${p}c`, `${p}d`, `${p}e`],
    );
  });

  test('list at the compacted revision itself still works', async () => {
    const compacted = await s.compactedRevision();
    const res = await s.list(p, { revision: compacted });
    assert.equal(res.revision, compacted);
    assert.equal(res.items.length, 5);
  });
});

describe('SqliteStore lifecycle', () => {
  test('reopening keeps keys, revisions, history and the compact revision', async () => {
    const name = 'reopen.db';
    let s = fresh(name);
    const a = await s.create('/registry/x/a', '1');
    const a2 = await s.update('/registry/x/a', '2', a.modRevision);
    await s.create('/registry/x/b', 'b');
    await s.compact(a2.modRevision);
    const del = await s.delete('/registry/x/b');
    await s.close();
    s = fresh(name);
    try {
      assert.equal(await s.currentRevision(), del.revision);
      assert.equal(await s.compactedRevision(), a2.modRevision);
      assert.deepEqual(await s.get('/registry/x/a'), {
        key: '/registry/x/a',
        value: '2',
        createRevision: a.modRevision,
        modRevision: a2.modRevision,
        ttl: 0,
      });
      const past = await s.list('/registry/x/', { revision: del.revision - 1 });
      assert.deepEqual(
        past.items.map((i) => i.value),
        ['2', 'b'],
      );
      const next = await s.create('/registry/x/c', 'c');
      assert.equal(next.modRevision, del.revision + 1);
    } finally {
      await s.close();
    }
  });

  test('the revision survives even when its row (a tombstone) was compacted away', async () => {
    const name = 'tomb.db';
    let s = fresh(name);
    await s.create('/registry/x/a', '1');
    const del = await s.delete('/registry/x/a');
    await s.compact(del.revision);
    await s.close();
    s = fresh(name);
    try {
      assert.equal(await s.currentRevision(), del.revision);
      assert.equal((await s.create('/registry/x/a', 'again')).modRevision, del.revision + 1);
    } finally {
      await s.close();
    }
  });

  test('after close every call fails with Unavailable and close is idempotent', async () => {
    const s = fresh();
    await s.close();
    await s.close();
    await assert.rejects(s.get('/registry/x/a'), storageError('Unavailable'));
    await assert.rejects(s.create('/registry/x/a', 'v'), storageError('Unavailable'));
    await assert.rejects(s.list('/registry/x/'), storageError('Unavailable'));
    await assert.rejects(s.compact(1), storageError('Unavailable'));
    const w = s.watch('/registry/x/', 0);
    await assert.rejects(w[Symbol.asyncIterator]().next(), storageError('Unavailable'));
  });

  test('close commits writes that were already queued', async () => {
    const name = 'close-flush.db';
    let s = fresh(name);
    const writes = [s.create('/registry/q/a', 'a'), s.create('/registry/q/b', 'b')];
    await s.close();
    await Promise.all(writes);
    s = fresh(name);
    try {
      assert.equal(await s.count('/registry/q/'), 2);
    } finally {
      await s.close();
    }
  });

  test('an in-memory store works for tests that need no file', async () => {
    const s = openSqliteStore(':memory:', { clock: new FakeClock() });
    try {
      await s.create('/registry/m/a', 'v');
      assert.equal((await s.get('/registry/m/a'))?.value, 'v');
    } finally {
      await s.close();
    }
  });
});
