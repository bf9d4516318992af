import type { KeyValue, Store, WatchEvent } from '../interface.js';
import { StorageError, isStorageError } from '../errors.js';
import { WatchQueue } from '../watch-queue.js';

export interface WatchCacheOptions {
  /** Recent events kept for watchers that start in the past (upstream's watch cache capacity). */
  capacity?: number;
  /** Events one slow watcher may lag behind before it is cut off. */
  watcherBuffer?: number;
  /** Page size of the initial list. */
  pageSize?: number;
  /** Called when the underlying watch breaks and the cache starts over (for logs/metrics). */
  onRestart?: (err: unknown) => void;
}

interface CacheWatcher {
  prefix: string;
  /** Only events after this revision are delivered (matters for watches that start in the future). */
  after: number;
  queue: WatchQueue;
}

/**
 * The watch cache of one resource prefix (e.g. `/registry/pods/`): the current state of every key plus a ring
 * buffer of the most recent events, kept up to date by ONE watch on the store. Any number of API watchers are
 * served from it, so N watchers cost one store watch; lists that accept any state not older than a revision
 * are answered from memory.
 *
 * Invariants: `revision` is the revision of the newest event applied; `state` is the store's state at that
 * revision; `ring` holds events in strictly increasing revision order; every watcher has received every event
 * with a revision in (its start, revision].
 */
export class WatchCache {
  private readonly state = new Map<string, KeyValue>();
  private sortedKeys: string[] | undefined;
  private ring: WatchEvent[] = [];
  private ringStart = 0;
  private readonly watchers = new Set<CacheWatcher>();
  private readonly waiters = new Set<{ rev: number; resolve: () => void }>();
  private revision = 0;
  /** The ring holds every event of this prefix with a revision in (coveredFrom, revision]. */
  private coveredFrom = 0;
  private storeWatch: { close(): void } | undefined;
  private stopped = false;
  private readonly capacity: number;
  readonly ready: Promise<void>;

  constructor(
    private readonly store: Store,
    readonly prefix: string,
    private readonly options: WatchCacheOptions = {},
  ) {
    this.capacity = options.capacity ?? 8192;
    this.ready = this.start();
  }

  /** Revision the cache reflects. */
  get currentRevision(): number {
    return this.revision;
  }

  private async start(): Promise<void> {
    const pageSize = this.options.pageSize ?? 1000;
    this.state.clear();
    this.sortedKeys = undefined;
    let page = await this.store.list(this.prefix, { limit: pageSize });
    const rev = page.revision;
    for (;;) {
      for (const kv of page.items) this.state.set(kv.key, kv);
      if (!page.continue) break;
      page = await this.store.list(this.prefix, { limit: pageSize, continue: page.continue });
    }
    this.revision = rev;
    this.coveredFrom = rev;
    this.ring = [];
    this.ringStart = 0;
    this.follow(rev);
  }

  private follow(fromRevision: number): void {
    const w = this.store.watch(this.prefix, fromRevision);
    this.storeWatch = w;
    void (async () => {
      try {
        for await (const ev of w) this.apply(ev);
        if (!this.stopped) throw new StorageError('Unavailable', `store watch on ${this.prefix} ended`);
      } catch (err) {
        if (this.stopped) return;
        this.options.onRestart?.(err);
        // Our watchers may have missed events: end them (clients re-list), then start over from a fresh list.
        for (const cw of this.watchers) cw.queue.fail(new StorageError('Expired', `watch cache for ${this.prefix} was reset: ${String(err)}`));
        this.watchers.clear();
        const delay = isStorageError(err, 'Expired') ? 0 : 1000;
        setTimeout(() => {
          if (!this.stopped) this.start().catch((e: unknown) => this.options.onRestart?.(e));
        }, delay).unref();
      }
    })();
  }

  private apply(ev: WatchEvent): void {
    if (ev.revision <= this.revision) return; // replayed overlap
    if (ev.type === 'DELETED') {
      if (this.state.delete(ev.key)) this.sortedKeys = undefined;
    } else {
      if (!this.state.has(ev.key)) this.sortedKeys = undefined;
      this.state.set(ev.key, {
        key: ev.key,
        value: ev.value,
        createRevision: ev.createRevision,
        modRevision: ev.revision,
        ttl: 0,
      });
    }
    this.revision = ev.revision;
    if (this.ring.length - this.ringStart >= this.capacity) this.coveredFrom = this.ring[this.ringStart++]!.revision;
    this.ring.push(ev);
    if (this.ringStart > this.capacity) {
      this.ring = this.ring.slice(this.ringStart);
      this.ringStart = 0;
    }
    for (const cw of this.watchers) if (ev.revision > cw.after && ev.key.startsWith(cw.prefix)) cw.queue.push(ev);
    for (const w of this.waiters) {
      if (this.revision >= w.rev) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }

  /**
   * Whether a watch starting after `fromRevision` can be served from memory. Older starts must go to the store
   * (which may answer Expired).
   */
  canServeWatch(fromRevision: number): boolean {
    return fromRevision === 0 || fromRevision >= this.coveredFrom;
  }

  /** Waits (bounded) until the cache reflects at least `rev`; false on timeout. */
  async waitFor(rev: number, timeoutMs: number): Promise<boolean> {
    await this.ready;
    if (this.revision >= rev) return true;
    return new Promise<boolean>((resolve) => {
      const entry = {
        rev,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(entry);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      this.waiters.add(entry);
    });
  }

  /** Live keys under `prefix` (which must be under the cache's prefix), in key order, at `currentRevision`. */
  list(prefix: string): KeyValue[] {
    if (!this.sortedKeys) this.sortedKeys = [...this.state.keys()].sort();
    const keys = this.sortedKeys;
    // binary search to the first key >= prefix
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: KeyValue[] = [];
    for (let i = lo; i < keys.length && keys[i]!.startsWith(prefix); i++) out.push(this.state.get(keys[i]!)!);
    return out;
  }

  /**
   * Starts a watch on `prefix` after `fromRevision` (0 = from the cache's current revision). The caller must
   * have checked `canServeWatch` after `ready`.
   */
  watch(prefix: string, fromRevision: number): WatchQueue {
    const after = fromRevision === 0 ? this.revision : fromRevision;
    const cw: CacheWatcher = {
      prefix,
      after,
      queue: new WatchQueue(this.options.watcherBuffer ?? 10_000, () => this.watchers.delete(cw)),
    };
    // Replay what the ring has after `after`; newer events arrive live, in order.
    for (let i = this.ringStart; i < this.ring.length; i++) {
      const ev = this.ring[i]!;
      if (ev.revision > after && ev.key.startsWith(prefix)) cw.queue.push(ev);
    }
    this.watchers.add(cw);
    return cw.queue;
  }

  /** Stops serving watches that start at or before `revision` (they now get the store's Expired). */
  forgetUpTo(revision: number): void {
    if (revision > this.coveredFrom) this.coveredFrom = Math.min(revision, this.revision);
  }

  stop(): void {
    this.stopped = true;
    this.storeWatch?.close();
    for (const cw of this.watchers) cw.queue.close();
    this.watchers.clear();
  }
}
