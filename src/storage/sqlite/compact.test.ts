import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FakeClock } from '../../util/clock.js';
import { openSqliteStore, type SqliteStoreOptions } from './store.js';
import { settle, storageError, tempDir } from './testing.js';

const dir = tempDir();
let n = 0;
const path = () => join(dir, `c${n++}.db`);

/** The log's rows, read from the file after the store closed it. */
function rows(file: string): { id: number; name: string; deleted: number }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id, name, deleted FROM kine ORDER BY id').all() as {
      id: number;
      name: string;
      deleted: number;
    }[];
  } finally {
    db.close();
  }
}

const open = (file: string, options: SqliteStoreOptions = {}) =>
  openSqliteStore(file, { clock: new FakeClock(), ...options });

test('compact keeps the newest row at or below the revision per key, drops tombstones, keeps everything newer', async () => {
  const file = path();
  const s = open(file);
  const a1 = await s.create('/registry/c/a', '1'); // 1: superseded by 2
  const a2 = await s.update('/registry/c/a', '2', a1.modRevision); // 2: kept (latest of a at 4)
  await s.create('/registry/c/b', '1'); // 3: superseded by its tombstone
  const bDel = await s.delete('/registry/c/b'); // 4: tombstone at the compact revision: dropped
  const a3 = await s.update('/registry/c/a', '3', a2.modRevision); // 5: newer than the compact revision: kept
  await s.compact(bDel.revision);
  assert.equal(await s.compactedRevision(), bDel.revision);
  // The state at the compact revision is intact, older states are gone.
  const at = await s.list('/registry/c/', { revision: bDel.revision });
  assert.deepEqual(
    at.items.map((i) => [i.key, i.value]),
    [['/registry/c/a', '2']],
  );
  await assert.rejects(s.list('/registry/c/', { revision: bDel.revision - 1 }), storageError('Expired'));
  assert.equal((await s.get('/registry/c/a'))?.modRevision, a3.modRevision);
  await s.close();
  assert.deepEqual(
    rows(file).map((r) => r.id),
    [2, 5],
  );
});

test('compact is idempotent at or below the compact revision and rejects future revisions', async () => {
  const s = open(path());
  try {
    const a = await s.create('/registry/c/a', '1');
    await s.update('/registry/c/a', '2', a.modRevision);
    await s.compact(2);
    await s.compact(2);
    await s.compact(1);
    assert.equal(await s.compactedRevision(), 2);
    await assert.rejects(s.compact(3), storageError('FutureRevision'));
  } finally {
    await s.close();
  }
});

test('compaction works in chunks and writes in between see a consistent store', async () => {
  const file = path();
  const s = open(file, { compactChunk: 7 });
  let kv = await s.create('/registry/c/hot', '0');
  for (let i = 1; i < 100; i++) kv = await s.update('/registry/c/hot', String(i), kv.modRevision);
  const compaction = s.compact(kv.modRevision);
  const during = await s.update('/registry/c/hot', 'during', kv.modRevision);
  await compaction;
  assert.equal((await s.get('/registry/c/hot'))?.value, 'during');
  await s.close();
  assert.deepEqual(
    rows(file).map((r) => r.id),
    [kv.modRevision, during.modRevision],
  );
});

test('the background compactor keeps the newest compactRetain revisions', async () => {
  const clock = new FakeClock();
  const s = openSqliteStore(path(), { clock, compactIntervalMs: 60_000, compactRetain: 10 });
  try {
    let kv = await s.create('/registry/c/x', '0');
    for (let i = 1; i < 25; i++) kv = await s.update('/registry/c/x', String(i), kv.modRevision);
    clock.step(59_000);
    assert.equal(await s.compactedRevision(), 0);
    clock.step(1_000);
    assert.equal(await s.compactedRevision(), 15);
    await settle();
    await assert.rejects(s.list('/registry/c/', { revision: 14 }), storageError('Expired'));
    assert.equal((await s.list('/registry/c/', { revision: 15 })).items[0]?.value, '14');
  } finally {
    await s.close();
  }
});

test('a compaction cut short (crash or close) is finished at the next open', async () => {
  const file = path();
  let s = open(file);
  let kv = await s.create('/registry/c/a', '0');
  for (let i = 1; i < 10; i++) kv = await s.update('/registry/c/a', String(i), kv.modRevision);
  await s.close();
  // What a crash right after recording the compact revision leaves behind.
  const db = new Database(file);
  db.prepare(`UPDATE meta SET value = 8 WHERE key = 'compact_revision'`).run();
  db.close();
  s = open(file);
  await s.compact(8); // joins the resumed compaction
  assert.equal(await s.compactedRevision(), 8);
  await s.close();
  assert.deepEqual(
    rows(file).map((r) => r.id),
    [8, 9, 10],
  );
});
