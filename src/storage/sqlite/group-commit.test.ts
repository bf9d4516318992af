import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FakeClock } from '../../util/clock.js';
import { isStorageError, StorageError } from '../errors.js';
import { openSqliteStore } from './store.js';
import { openDatabase, sqliteError } from './schema.js';
import { LogStatements, type LogRow } from './log.js';
import { GroupCommitter } from './group-commit.js';
import { storageError, tempDir } from './testing.js';

const dir = tempDir();

describe('group commit', () => {
  const store = openSqliteStore(join(dir, 'gc.db'), { clock: new FakeClock() });
  after(() => store.close());

  test('16 concurrent creates, 4 of them duplicates, commit in one transaction; only duplicates fail', async () => {
    const before = store.stats();
    const keys = Array.from({ length: 16 }, (_, i) => `/registry/gc/k${i % 12}`);
    const results = await Promise.allSettled(keys.map((k, i) => store.create(k, `v${i}`)));
    const after = store.stats();
    assert.equal(after.commits - before.commits, 1, 'all 16 writes share one transaction');
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(ok.length, 12);
    assert.equal(failed.length, 4);
    for (const f of failed) assert.ok(isStorageError(f.reason, 'KeyExists'));
    // The first writer of each key won (writes apply in enqueue order), and revisions are dense.
    for (let i = 0; i < 12; i++) assert.equal((await store.get(`/registry/gc/k${i}`))?.value, `v${i}`);
    const revs = ok.map((r) => (r as PromiseFulfilledResult<{ modRevision: number }>).value.modRevision);
    const first = Math.min(...revs);
    assert.deepEqual(
      revs,
      Array.from({ length: 12 }, (_, i) => first + i),
    );
  });

  test('a write sees the earlier writes of its own batch (create, update, conflicting update, delete)', async () => {
    const c = store.create('/registry/gc/chain', '1');
    // Revisions are predictable: the create is the next one.
    const rev = (await store.currentRevision()) + 1;
    const u = store.update('/registry/gc/chain', '2', rev);
    const stale = store.update('/registry/gc/chain', 'stale', rev);
    const d = store.delete('/registry/gc/chain', rev + 1);
    const gone = store.update('/registry/gc/chain', 'late', rev + 1);
    const [cr, ur, sr, dr, gr] = await Promise.allSettled([c, u, stale, d, gone]);
    assert.equal(cr.status, 'fulfilled');
    assert.equal(ur.status, 'fulfilled');
    assert.ok(sr.status === 'rejected' && isStorageError(sr.reason, 'Conflict'));
    assert.ok(dr.status === 'fulfilled' && dr.value.prev.value === '2');
    assert.ok(gr.status === 'rejected' && isStorageError(gr.reason, 'KeyNotFound'));
  });

  test('many concurrent writers all land with unique, gap-free revisions', async () => {
    const start = await store.currentRevision();
    const writers = 16;
    const per = 50;
    const revs = (
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const out: number[] = [];
          for (let i = 0; i < per; i++) out.push((await store.create(`/registry/gc/m/${w}-${i}`, 'x')).modRevision);
          return out;
        }),
      )
    ).flat();
    revs.sort((a, b) => a - b);
    assert.deepEqual(
      revs,
      Array.from({ length: writers * per }, (_, i) => start + 1 + i),
    );
    assert.equal(await store.count('/registry/gc/m/'), writers * per);
  });
});

describe('GroupCommitter', () => {
  test('a transaction that fails as a whole fails every write in it and none is visible', async () => {
    const { db, currentRevision } = openDatabase(':memory:');
    const statements = new LogStatements(db);
    // A trigger stands in for a disk error in the middle of a batch.
    db.exec(`CREATE TRIGGER boom BEFORE INSERT ON kine WHEN NEW.value = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    const committed: LogRow[][] = [];
    const gc = new GroupCommitter({
      db,
      statements,
      revision: currentRevision,
      onCommit: (rows) => committed.push(rows),
      mapError: (err) => sqliteError(':memory:', err, 'writing'),
    });
    const create = (key: string, value: string) =>
      gc.enqueue({ kind: 'create', key, value, ttlSeconds: 0, expiresAt: null });
    const results = await Promise.allSettled([
      create('/registry/b/a', 'a'),
      create('/registry/b/boom', 'boom'),
      create('/registry/b/c', 'c'),
    ]);
    for (const r of results) {
      assert.equal(r.status, 'rejected');
      assert.ok(r.reason instanceof StorageError && /boom/.test(r.reason.message));
    }
    assert.equal(statements.latest.get('/registry/b/a'), undefined);
    assert.equal(gc.revision, 0);
    assert.equal(committed.length, 0);
    // The committer recovers: the next batch commits at the revision the failed one would have used.
    const kv = await create('/registry/b/a', 'a');
    assert.equal(kv.modRevision, 1);
    assert.deepEqual(
      committed.map((rows) => rows.map((r) => r.id)),
      [[1]],
    );
    gc.close();
    await assert.rejects(create('/registry/b/x', 'x'), storageError('Unavailable'));
    db.close();
  });

  test('batches are capped at maxBatch writes per transaction', async () => {
    const { db } = openDatabase(':memory:');
    const statements = new LogStatements(db);
    const gc = new GroupCommitter({
      db,
      statements,
      revision: 0,
      onCommit: () => undefined,
      mapError: (err) => sqliteError(':memory:', err, 'writing'),
      maxBatch: 10,
    });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        gc.enqueue({ kind: 'create', key: `/registry/cap/${i}`, value: 'v', ttlSeconds: 0, expiresAt: null }),
      ),
    );
    assert.equal(gc.stats.commits, 3);
    assert.equal(gc.stats.writes, 25);
    gc.close();
    db.close();
  });
});
