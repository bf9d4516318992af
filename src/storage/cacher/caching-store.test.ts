import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from '../sqlite/index.js';
import { CachingStore } from './caching-store.js';
import { take } from '../storage.contract.js';
import type { Store, Watch } from '../interface.js';

/** Wraps a store and counts the watches opened on it. */
function counting(inner: Store): { store: Store; watches: () => number } {
  let n = 0;
  const store = Object.create(inner) as Store;
  store.watch = (prefix: string, rev: number): Watch => {
    n++;
    return inner.watch(prefix, rev);
  };
  return { store, watches: () => n };
}

test('100 watchers of one resource cost one store watch and all see every event in order', async () => {
  const sqlite = openSqliteStore(':memory:');
  const { store, watches } = counting(sqlite);
  const cached = new CachingStore(store);
  try {
    const start = await cached.currentRevision();
    const ws = Array.from({ length: 100 }, (_, i) => cached.watch(i % 2 ? '/registry/pods/a/' : '/registry/pods/', start));
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await cached.create(`/registry/pods/a/p${i}`, `v${i}`));
    for (const [i, w] of ws.entries()) {
      const evs = await take(w, 5);
      assert.deepEqual(
        evs.map((e) => e.revision),
        created.map((c) => c.modRevision),
        `watcher ${i}`,
      );
      w.close();
    }
    assert.equal(watches(), 1);
  } finally {
    await cached.close();
  }
});

test('a not-older-than list is served from memory at or after the asked revision', async () => {
  const cached = new CachingStore(openSqliteStore(':memory:'));
  try {
    await cached.create('/registry/configmaps/ns/a', '1');
    const b = await cached.create('/registry/configmaps/ns/b', '2');
    const res = await cached.list('/registry/configmaps/ns/', { revision: b.modRevision, revisionMatch: 'NotOlderThan' });
    assert.ok(res.revision >= b.modRevision);
    assert.deepEqual(
      res.items.map((i) => i.value),
      ['1', '2'],
    );
    const page = await cached.list('/registry/configmaps/', { revisionMatch: 'NotOlderThan', limit: 1 });
    assert.equal(page.items.length, 1);
    assert.equal(page.remainingItemCount, 1);
    const next = await cached.list('/registry/configmaps/', { continue: page.continue, limit: 1 });
    assert.deepEqual(
      next.items.map((i) => i.value),
      ['2'],
    );
  } finally {
    await cached.close();
  }
});
