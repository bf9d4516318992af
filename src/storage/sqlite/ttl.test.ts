import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FakeClock } from '../../util/clock.js';
import { openSqliteStore } from './store.js';
import { ExpirySweeper } from './ttl.js';
import { conflict, keyNotFound } from '../errors.js';
import { take, tempDir } from './testing.js';

const dir = tempDir();
let n = 0;
const fresh = (clock: FakeClock) =>
  openSqliteStore(join(dir, `t${n++}.db`), { clock, ttlSweepIntervalMs: 1000, compactIntervalMs: 0 });

test('a key expires once the clock passes its TTL and watchers see an ordinary DELETED', async () => {
  const clock = new FakeClock();
  const s = fresh(clock);
  try {
    const w = s.watch('/registry/ttl/', 0);
    const short = await s.create('/registry/ttl/short', 'bye', { ttlSeconds: 10 });
    await s.create('/registry/ttl/long', 'stay', { ttlSeconds: 100 });
    await s.create('/registry/ttl/forever', 'stay');
    clock.step(9_000);
    assert.equal(await s.sweepExpired(), 0);
    assert.equal((await s.get('/registry/ttl/short'))?.value, 'bye');
    clock.step(1_000); // t = 10 s: the interval sweeper fires on its own
    const evs = await take(w, 4);
    assert.deepEqual(
      evs.map((e) => [e.type, e.key]),
      [
        ['ADDED', '/registry/ttl/short'],
        ['ADDED', '/registry/ttl/long'],
        ['ADDED', '/registry/ttl/forever'],
        ['DELETED', '/registry/ttl/short'],
      ],
    );
    assert.equal(evs[3]!.value, 'bye');
    assert.equal(evs[3]!.createRevision, short.modRevision);
    assert.equal(await s.get('/registry/ttl/short'), undefined);
    assert.equal(await s.count('/registry/ttl/'), 2);
    w.close();
  } finally {
    await s.close();
  }
});

test('rewriting a key replaces its TTL: an update without one makes it permanent, one with one restarts it', async () => {
  const clock = new FakeClock();
  const s = fresh(clock);
  try {
    const a = await s.create('/registry/ttl/a', '1', { ttlSeconds: 5 });
    await s.update('/registry/ttl/a', '2', a.modRevision);
    const b = await s.create('/registry/ttl/b', '1', { ttlSeconds: 5 });
    clock.step(4_000);
    await s.update('/registry/ttl/b', '2', b.modRevision, { ttlSeconds: 5 });
    clock.step(2_000); // t = 6 s: both original TTLs have run out
    assert.equal(await s.sweepExpired(), 0);
    assert.equal((await s.get('/registry/ttl/a'))?.value, '2');
    assert.equal((await s.get('/registry/ttl/b'))?.value, '2');
    clock.step(3_000); // t = 9 s: b's second TTL ran out
    assert.equal(await s.sweepExpired(), 1);
    assert.equal(await s.get('/registry/ttl/b'), undefined);
    assert.equal((await s.get('/registry/ttl/a'))?.value, '2');
  } finally {
    await s.close();
  }
});

test('a TTL survives a restart: the expiry time is stored, not a timer', async () => {
  const clock = new FakeClock();
  const name = join(dir, 'restart.db');
  let s = openSqliteStore(name, { clock });
  await s.create('/registry/ttl/r', 'v', { ttlSeconds: 30 });
  await s.close();
  clock.step(31_000);
  s = openSqliteStore(name, { clock });
  try {
    assert.equal(await s.sweepExpired(), 1);
    assert.equal(await s.get('/registry/ttl/r'), undefined);
  } finally {
    await s.close();
  }
});

test('close stops the sweeper and the compactor timers', async () => {
  const clock = new FakeClock();
  const s = openSqliteStore(join(dir, 'timers.db'), { clock });
  assert.equal(clock.pendingTimers(), 2);
  await s.close();
  assert.equal(clock.pendingTimers(), 0);
});

test('ExpirySweeper skips keys rewritten or deleted meanwhile, surfaces other errors, never overlaps', async () => {
  const clock = new FakeClock(0);
  const failures: Record<string, Error> = {
    '/registry/b': conflict('/registry/b', 2, 7),
    '/registry/c': keyNotFound('/registry/c'),
    '/registry/d': new Error('disk on fire'),
  };
  let due = ['/registry/a', '/registry/b', '/registry/c'];
  const deleted: string[] = [];
  let active = 0;
  let maxActive = 0;
  const sweeper = new ExpirySweeper({
    clock,
    intervalMs: 1000,
    findExpired: () => {
      const out = due.map((name, id) => ({ id, name }));
      due = [];
      return out;
    },
    deleteIfUnchanged: async (key) => {
      maxActive = Math.max(maxActive, ++active);
      await new Promise((r) => setImmediate(r));
      active--;
      if (failures[key]) throw failures[key];
      deleted.push(key);
    },
    onError: () => undefined,
  });
  const first = sweeper.sweep();
  // Keys that expire while a sweep runs are caught by the one queued behind it.
  due = ['/registry/a2'];
  const second = sweeper.sweep();
  assert.equal(sweeper.sweep(), second, 'callers during a sweep share the queued one');
  assert.equal(await first, 1);
  assert.equal(await second, 1);
  assert.equal(maxActive, 3, "one sweep's deletes run together, sweeps do not overlap");
  assert.deepEqual(deleted, ['/registry/a', '/registry/a2']);
  due = ['/registry/d'];
  await assert.rejects(sweeper.sweep(), /disk on fire/);
  await sweeper.stop();
});
