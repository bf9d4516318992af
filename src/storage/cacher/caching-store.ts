import type { KeyValue, ListOptions, ListResult, Store, Watch, WriteOptions, DeleteResult, UpdateFunc } from '../interface.js';
import { encodeContinue, keyAfter, validatePrefix } from '../keys.js';
import { StorageError } from '../errors.js';
import { WatchCache, type WatchCacheOptions } from './watch-cache.js';
import { WatchQueue } from '../watch-queue.js';

export interface CachingStoreOptions extends WatchCacheOptions {
  /**
   * Maps a key or prefix to the resource prefix whose watch cache serves it (e.g. `/registry/pods/ns/` →
   * `/registry/pods/`), or undefined to bypass the cache. Default: the first segment after /registry/.
   */
  resourcePrefixOf?: (keyOrPrefix: string) => string | undefined;
  /** How long a NotOlderThan list waits for the cache to reach the asked revision. */
  freshnessTimeoutMs?: number;
}

const defaultResourcePrefix = (key: string): string | undefined => {
  const m = /^\/registry\/[^/]+\//.exec(key);
  return m?.[0];
};

/**
 * A Store that serves watches and "not older than" lists from per-resource watch caches and sends everything
 * else (gets, exact-revision lists, writes) to the underlying store. Caches start lazily on first use.
 */
export class CachingStore implements Store {
  private readonly caches = new Map<string, WatchCache>();

  constructor(
    readonly inner: Store,
    private readonly options: CachingStoreOptions = {},
  ) {}

  private cacheFor(keyOrPrefix: string): WatchCache | undefined {
    const rp = (this.options.resourcePrefixOf ?? defaultResourcePrefix)(keyOrPrefix);
    if (!rp) return undefined;
    let c = this.caches.get(rp);
    if (!c) {
      c = new WatchCache(this.inner, rp, this.options);
      // A failed initial list must not leave a broken cache behind: drop it so the next call retries.
      c.ready.catch(() => {
        if (this.caches.get(rp) === c) this.caches.delete(rp);
      });
      this.caches.set(rp, c);
    }
    return c;
  }

  get(key: string): Promise<KeyValue | undefined> {
    return this.inner.get(key);
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListResult> {
    if (options.revisionMatch !== 'NotOlderThan' || options.continue) {
      const { revisionMatch: _ignored, ...rest } = options;
      return this.inner.list(prefix, rest);
    }
    validatePrefix(prefix);
    const cache = this.cacheFor(prefix);
    const want = options.revision ?? 0;
    if (cache && (await cache.waitFor(want, this.options.freshnessTimeoutMs ?? 3000))) {
      const rev = cache.currentRevision;
      const all = cache.list(prefix);
      const limit = options.limit ?? 0;
      if (limit > 0 && all.length > limit) {
        const items = all.slice(0, limit);
        // Later pages are read from the store at exactly this revision, which it still has.
        return {
          items,
          revision: rev,
          continue: encodeContinue(rev, prefix, keyAfter(items[items.length - 1]!.key)),
          remainingItemCount: all.length - limit,
        };
      }
      return { items: all, revision: rev };
    }
    const current = await this.inner.currentRevision();
    if (want > current) {
      throw new StorageError('FutureRevision', `the requested revision ${want} is newer than the current ${current}`);
    }
    return this.inner.list(prefix, { limit: options.limit ?? 0 });
  }

  count(prefix: string): Promise<number> {
    return this.inner.count(prefix);
  }
  create(key: string, value: string, options?: WriteOptions): Promise<KeyValue> {
    return this.inner.create(key, value, options);
  }
  update(key: string, value: string, expectedModRevision: number, options?: WriteOptions): Promise<KeyValue> {
    return this.inner.update(key, value, expectedModRevision, options);
  }
  delete(key: string, expectedModRevision?: number): Promise<DeleteResult> {
    return this.inner.delete(key, expectedModRevision);
  }
  guaranteedUpdate(key: string, fn: UpdateFunc): Promise<KeyValue | undefined> {
    return this.inner.guaranteedUpdate(key, fn);
  }

  watch(prefix: string, fromRevision: number): Watch {
    validatePrefix(prefix);
    const cache = this.cacheFor(prefix);
    if (!cache) return this.inner.watch(prefix, fromRevision);
    // The cache may still be loading: hand out a queue now and attach it once the cache is ready.
    const out = new WatchQueue(this.options.watcherBuffer ?? 10_000, () => source?.close());
    let source: Watch | undefined;
    void (async () => {
      try {
        await cache.ready;
        if (out.isClosed) return;
        source = cache.canServeWatch(fromRevision) ? cache.watch(prefix, fromRevision) : this.inner.watch(prefix, fromRevision);
        for await (const ev of source) out.push(ev);
        out.close();
      } catch (err) {
        out.fail(err);
      }
    })();
    return out;
  }

  async compact(revision: number): Promise<void> {
    await this.inner.compact(revision);
    // Keep the caches from serving history the store no longer has, so both answer Expired alike.
    for (const c of this.caches.values()) c.forgetUpTo(revision);
  }
  currentRevision(): Promise<number> {
    return this.inner.currentRevision();
  }
  compactedRevision(): Promise<number> {
    return this.inner.compactedRevision();
  }

  /** Stops every watch cache (and its watchers) but leaves the inner store open. */
  stopCaches(): void {
    for (const c of this.caches.values()) c.stop();
    this.caches.clear();
  }

  async close(): Promise<void> {
    this.stopCaches();
    await this.inner.close();
  }
}
