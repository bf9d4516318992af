import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FakeClock } from '../../util/clock.js';
import type { WatchEvent } from '../interface.js';
import { openSqliteStore } from './store.js';
import { settle, storageError, take, tempDir } from './testing.js';

const dir = tempDir();
let n = 0;
const fresh = (options: { watchBufferSize?: number } = {}) =>
  openSqliteStore(join(dir, `w${n++}.db`), { clock: new FakeClock(), ...options });

describe('watch', () => {
  test('events carry type, value, prevValue and createRevision; DELETED has the last value', async () => {
    const s = fresh();
    try {
      const w = s.watch('/registry/ev/', 0);
      const c = await s.create('/registry/ev/a', 'v1');
      const u = await s.update('/registry/ev/a', 'v2', c.modRevision);
      const d = await s.delete('/registry/ev/a');
      const again = await s.create('/registry/ev/a', 'v3');
      const evs = await take(w, 4);
      assert.deepEqual(evs, [
        { type: 'ADDED', key: '/registry/ev/a', value: 'v1', revision: c.modRevision, createRevision: c.modRevision },
        {
          type: 'MODIFIED',
          key: '/registry/ev/a',
          value: 'v2',
          prevValue: 'v1',
          revision: u.modRevision,
          createRevision: c.modRevision,
        },
        {
          type: 'DELETED',
          key: '/registry/ev/a',
          value: 'v2',
          prevValue: 'v2',
          revision: d.revision,
          createRevision: c.modRevision,
        },
        {
          type: 'ADDED',
          key: '/registry/ev/a',
          value: 'v3',
          revision: again.modRevision,
          createRevision: again.modRevision,
        },
      ]);
      w.close();
    } finally {
      await s.close();
    }
  });

  test('watches opened at every revision during concurrent writes see exactly the events after it', async () => {
    const s = fresh();
    try {
      const writers = 8;
      const per = 40;
      const opened: { from: number; w: ReturnType<typeof s.watch> }[] = [];
      // Open a watch at a random past revision after every few writes, while writers keep committing.
      const opener = (async () => {
        for (let i = 0; i < 30; i++) {
          const cur = await s.currentRevision();
          const from = i % 3 === 0 ? 0 : Math.floor(Math.random() * (cur + 1));
          opened.push({ from: from === 0 ? cur : from, w: s.watch('/registry/gap/', from) });
          await settle();
        }
      })();
      await Promise.all(
        Array.from({ length: writers }, async (_, wi) => {
          let kv = await s.create(`/registry/gap/${wi}`, '0');
          for (let i = 1; i < per; i++) kv = await s.update(`/registry/gap/${wi}`, String(i), kv.modRevision);
        }),
      );
      await opener;
      await s.create('/registry/other/x', 'not under the prefix');
      const last = await s.currentRevision();
      const total = writers * per;
      for (const { from, w } of opened) {
        const want = total - from; // revisions 1..total are all under the prefix
        const evs = await take(w, want);
        assert.deepEqual(
          evs.map((e) => e.revision),
          Array.from({ length: want }, (_, i) => from + 1 + i),
          `watch from ${from}`,
        );
        w.close();
      }
      assert.equal(last, total + 1);
    } finally {
      await s.close();
    }
  });

  test('a watch from a future revision starts after that revision', async () => {
    const s = fresh();
    try {
      const w = s.watch('/registry/fut/', 3);
      for (let i = 1; i <= 5; i++) await s.create(`/registry/fut/${i}`, 'v');
      const evs = await take(w, 2);
      assert.deepEqual(
        evs.map((e) => e.revision),
        [4, 5],
      );
      w.close();
    } finally {
      await s.close();
    }
  });

  test('close ends a pending iteration and later ones; breaking out of for-await closes the watch', async () => {
    const s = fresh();
    try {
      const w = s.watch('/registry/cl/', 0);
      const it = w[Symbol.asyncIterator]();
      const pending = it.next();
      w.close();
      assert.deepEqual(await pending, { value: undefined, done: true });
      assert.deepEqual(await it.next(), { value: undefined, done: true });
      const w2 = s.watch('/registry/cl/', 0);
      await s.create('/registry/cl/a', 'v');
      for await (const ev of w2) {
        assert.equal(ev.key, '/registry/cl/a');
        break;
      }
      assert.equal(s.stats().watches, 0);
    } finally {
      await s.close();
    }
  });

  test('closing the store ends open watches', async () => {
    const s = fresh();
    const w = s.watch('/registry/end/', 0);
    const next = w[Symbol.asyncIterator]().next();
    await s.close();
    assert.deepEqual(await next, { value: undefined, done: true });
  });

  test('a consumer that falls behind the buffer gets Unavailable after the buffered events, writers never wait', async () => {
    const s = fresh({ watchBufferSize: 5 });
    try {
      const w = s.watch('/registry/slow/', 0);
      for (let i = 0; i < 8; i++) await s.create(`/registry/slow/${i}`, 'v');
      assert.equal(s.stats().watches, 0, 'the overflowing watch is unsubscribed at once');
      const it = w[Symbol.asyncIterator]();
      const got: WatchEvent[] = [];
      await assert.rejects(
        async () => {
          for (;;) {
            const r = await it.next();
            if (r.done) break;
            got.push(r.value);
          }
        },
        storageError('Unavailable', /fell more than 5 events behind/),
      );
      assert.deepEqual(
        got.map((e) => e.revision),
        [1, 2, 3, 4, 5],
      );
    } finally {
      await s.close();
    }
  });

  test('a long replay is paged and does not count against the live buffer', async () => {
    const s = fresh({ watchBufferSize: 10 });
    try {
      await Promise.all(Array.from({ length: 1200 }, (_, i) => s.create(`/registry/long/${i}`, 'v')));
      const w = s.watch('/registry/long/', 1);
      await s.create('/registry/long/live', 'v');
      const evs = await take(w, 1200);
      assert.equal(evs[0]!.revision, 2);
      assert.equal(evs.at(-1)!.key, '/registry/long/live');
      w.close();
    } finally {
      await s.close();
    }
  });

  test('watching below the compact revision fails with Expired; at it, it works', async () => {
    const s = fresh();
    try {
      const a = await s.create('/registry/cp/a', '1');
      const b = await s.update('/registry/cp/a', '2', a.modRevision);
      await s.compact(b.modRevision);
      const old = s.watch('/registry/cp/', a.modRevision);
      await assert.rejects(old[Symbol.asyncIterator]().next(), storageError('Expired'));
      const ok = s.watch('/registry/cp/', b.modRevision);
      const c = await s.update('/registry/cp/a', '3', b.modRevision);
      assert.equal((await take(ok, 1))[0]!.revision, c.modRevision);
      ok.close();
    } finally {
      await s.close();
    }
  });

  test('compaction that overtakes a replay in progress fails the watch with Expired, without a gap', async () => {
    const s = fresh();
    try {
      let kv = await s.create('/registry/ov/a', '0');
      for (let i = 1; i < 1200; i++) kv = await s.update('/registry/ov/a', String(i), kv.modRevision);
      const w = s.watch('/registry/ov/', 1);
      const it = w[Symbol.asyncIterator]();
      const first = await it.next();
      assert.equal(first.value?.revision, 2);
      await s.compact(kv.modRevision);
      const seen: number[] = [first.value!.revision];
      await assert.rejects(async () => {
        for (;;) {
          const r = await it.next();
          if (r.done) break;
          seen.push(r.value.revision);
        }
      }, storageError('Expired'));
      // Whatever was delivered before the failure is a contiguous run.
      assert.deepEqual(
        seen,
        Array.from({ length: seen.length }, (_, i) => 2 + i),
      );
    } finally {
      await s.close();
    }
  });
});
