/**
 * The reflector (client-go tools/cache/reflector.go): keeps a store in step with the API by listing once and
 * then watching from the list's resourceVersion, re-watching where it left off and relisting when the server no
 * longer has that history (410).
 */
import {
  asStatusError,
  fromStatus,
  isGone,
  isResourceExpired,
  isTimeout,
  isTooManyRequests,
} from '../../apimachinery/errors.js';
import { realClock, type Clock, type ClockTimer } from '../../util/clock.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { ExponentialBackoff } from '../flowcontrol/backoff.js';
import type { KubeObject, ListOptions } from '../rest/types.js';
import type { ListerWatcher } from './list-watch.js';

/**
 * Where a reflector puts what it sees.
 *
 * Contract: calls arrive one at a time in the order the API produced them. `replace` carries a complete list
 * (everything not in it is gone); `resync` asks for a periodic re-delivery of the current state;
 * `updateResourceVersion` reports progress (bookmarks included) and may be ignored.
 */
export interface ReflectorStore<T> {
  add(obj: T): void;
  update(obj: T): void;
  delete(obj: T): void;
  replace(objs: T[], resourceVersion: string): void;
  resync(): void;
  updateResourceVersion?(resourceVersion: string): void;
}

/** Options of {@link Reflector}; defaults are client-go's. */
export interface ReflectorOptions<T> {
  /** Shown in logs, e.g. the resource. */
  name: string;
  listerWatcher: ListerWatcher<T>;
  store: ReflectorStore<T>;
  clock?: Clock;
  logger?: Logger;
  /** How often the store is asked to resync while watching; 0 (default) never. */
  resyncPeriodMs?: number;
  /** Consulted before each resync; a resync happens only when it returns true. */
  shouldResync?: () => boolean;
  /** Page size of relists; 0 disables paging. Default 500. */
  pageSize?: number;
  /** Watches ask for timeoutSeconds random in [min, 2*min]. Default 300. */
  minWatchTimeoutSeconds?: number;
  /** Back-off between relists and after 429/connection refused. Default 800 ms → 30 s, x2, jitter 1, reset 2 min. */
  backoff?: ExponentialBackoff;
  /** Randomness in [0, 1) for watch timeouts and jitter. Default Math.random. */
  random?: () => number;
}

/** Errors that mean "the resourceVersion asked for is not available any more" (410 Expired or Gone). */
export function isExpiredError(err: unknown): boolean {
  return isResourceExpired(err) || isGone(err);
}

/** 504 with the ResourceVersionTooLarge cause: the server (cache) has not caught up with the asked RV yet. */
export function isTooLargeResourceVersionError(err: unknown): boolean {
  const se = asStatusError(err);
  if (!se || !isTimeout(se)) return false;
  if (se.status.details?.causes?.some((c) => c.reason === 'ResourceVersionTooLarge')) return true;
  return se.message.includes('Too large resource version');
}

function isConnectionRefused(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 8; depth++, e = e.cause) {
    if ((e as NodeJS.ErrnoException).code === 'ECONNREFUSED') return true;
  }
  return false;
}

/** A watch that ended at once with nothing in it: something is wrong; relist with back-off instead of spinning. */
const SHORT_WATCH_MS = 1000;

/**
 * Lists and watches one collection into a {@link ReflectorStore}.
 *
 * Contract: `run` returns only after `signal` aborts; every failure is logged and retried with back-off. The
 * first list asks for resourceVersion "0" (the server may answer from its cache); a relist asks for the last
 * seen resourceVersion, falling back to "" (a consistent read) when that one has expired. Watches always
 * start at the last resourceVersion seen, which bookmarks advance too.
 */
export class Reflector<T extends KubeObject> {
  private readonly name: string;
  private readonly lw: ListerWatcher<T>;
  private readonly store: ReflectorStore<T>;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly resyncPeriodMs: number;
  private readonly shouldResync: () => boolean;
  private readonly pageSize: number;
  private readonly minWatchTimeout: number;
  private readonly backoff: ExponentialBackoff;
  private readonly random: () => number;
  private lastSyncRV = '';
  private lastSyncRVUnavailable = false;
  /** A "0" list came back paged: the server has no cache for it, so keep paging relists too. */
  private paginatedResult = false;

  constructor(options: ReflectorOptions<T>) {
    this.name = options.name;
    this.lw = options.listerWatcher;
    this.store = options.store;
    this.clock = options.clock ?? realClock;
    this.logger = options.logger ?? silentLogger;
    this.resyncPeriodMs = options.resyncPeriodMs ?? 0;
    this.shouldResync = options.shouldResync ?? (() => true);
    this.pageSize = options.pageSize ?? 500;
    this.minWatchTimeout = options.minWatchTimeoutSeconds ?? 300;
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? new ExponentialBackoff({ clock: this.clock, random: this.random });
  }

  /** The resourceVersion of the last list or watch event (or bookmark) applied; `''` before the first list. */
  lastSyncResourceVersion(): string {
    return this.lastSyncRV;
  }

  /** Lists and watches until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    this.logger.debug('starting reflector', { reflector: this.name });
    while (!signal.aborted) {
      try {
        await this.listAndWatch(signal);
      } catch (err) {
        if (signal.aborted) break;
        this.logger.warn('list and watch failed', { reflector: this.name, err });
      }
      try {
        await this.clock.sleep(this.backoff.next(), signal);
      } catch {
        break;
      }
    }
    this.logger.debug('stopped reflector', { reflector: this.name });
  }

  /** One list followed by watches until one fails in a way that needs a relist. */
  async listAndWatch(signal: AbortSignal): Promise<void> {
    await this.list(signal);
    if (signal.aborted) return;
    let resync: ClockTimer | undefined;
    if (this.resyncPeriodMs > 0) {
      resync = this.clock.setInterval(() => {
        if (this.shouldResync()) this.store.resync();
      }, this.resyncPeriodMs);
    }
    try {
      await this.watchLoop(signal);
    } finally {
      this.clock.clearInterval(resync);
    }
  }

  private relistResourceVersion(): string {
    if (this.lastSyncRVUnavailable) return '';
    return this.lastSyncRV === '' ? '0' : this.lastSyncRV;
  }

  private async list(signal: AbortSignal): Promise<void> {
    const rv = this.relistResourceVersion();
    let listed: { items: T[]; resourceVersion: string };
    try {
      listed = await this.pagedList(rv, signal);
    } catch (err) {
      if (!isExpiredError(err) && !isTooLargeResourceVersionError(err)) throw err;
      // The RV is gone (or not there yet): a consistent read of the newest state always makes progress.
      this.lastSyncRVUnavailable = true;
      listed = await this.pagedList('', signal);
    }
    if (signal.aborted) return;
    this.store.replace(listed.items, listed.resourceVersion);
    this.lastSyncRV = listed.resourceVersion;
    this.lastSyncRVUnavailable = false;
  }

  private async pagedList(rv: string, signal: AbortSignal): Promise<{ items: T[]; resourceVersion: string }> {
    // A specific RV is best served from the server's cache, which only answers unpaged requests; "0" and ""
    // page (a cache ignores the limit anyway).
    const limit = this.pageSize > 0 && (rv === '' || rv === '0' || this.paginatedResult) ? this.pageSize : undefined;
    const first: ListOptions = { signal, ...(rv ? { resourceVersion: rv } : {}), ...(limit ? { limit } : {}) };
    const items: T[] = [];
    let page = await this.lw.list(first);
    let paginated = false;
    for (;;) {
      items.push(...page.items);
      const cont = page.metadata.continue;
      if (!cont) break;
      paginated = true;
      try {
        // Continue tokens carry their own RV; the API rejects resourceVersion next to one.
        page = await this.lw.list({ signal, limit, continue: cont });
      } catch (err) {
        if (!isExpiredError(err)) throw err;
        // The snapshot the pages came from was compacted: fall back to one unpaged list.
        this.logger.debug('continue token expired; listing without paging', { reflector: this.name });
        const full = await this.lw.list({ signal, ...(rv ? { resourceVersion: rv } : {}) });
        return { items: full.items, resourceVersion: full.metadata.resourceVersion ?? '' };
      }
    }
    if (rv === '0' && paginated) this.paginatedResult = true;
    return { items, resourceVersion: page.metadata.resourceVersion ?? '' };
  }

  private async watchLoop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const start = this.clock.now();
      const timeoutSeconds = Math.floor(this.minWatchTimeout * (1 + this.random()));
      let events = 0;
      try {
        const stream = this.lw.watch({
          resourceVersion: this.lastSyncRV,
          timeoutSeconds,
          allowWatchBookmarks: true,
          signal,
        });
        for await (const ev of stream) {
          if (ev.type === 'ERROR') throw fromStatus(ev.object);
          events++;
          this.apply(ev.type, ev.object);
        }
      } catch (err) {
        if (signal.aborted) return;
        if (isExpiredError(err)) {
          // A relist at the last RV returns data at least that fresh; only if that fails too is "" used.
          this.logger.debug('watch expired; relisting', { reflector: this.name, err });
          return;
        }
        if (isTooManyRequests(err) || isConnectionRefused(err)) {
          // The server is overloaded or restarting: the RV is still good, so back off and re-watch.
          this.logger.debug('watch refused; backing off', { reflector: this.name, err });
          try {
            await this.clock.sleep(this.backoff.next(), signal);
          } catch {
            return;
          }
          continue;
        }
        if (!asStatusError(err) && (events > 0 || this.clock.now() - start >= SHORT_WATCH_MS)) {
          // The stream broke after working for a while (connection reset): resume from the last RV.
          this.logger.debug('watch stream broke; re-watching', { reflector: this.name, err });
          continue;
        }
        throw err;
      }
      if (signal.aborted) return;
      if (events === 0 && this.clock.now() - start < SHORT_WATCH_MS) {
        throw new Error(
          `very short watch: ${this.name}: unexpected watch close - watch lasted less than a second and no items received`,
        );
      }
    }
  }

  private apply(type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK', obj: T): void {
    const rv = obj.metadata?.resourceVersion;
    if (type !== 'BOOKMARK') {
      if (!obj.metadata?.name) {
        this.logger.error('unable to understand watch event: object without metadata.name', {
          reflector: this.name,
          type,
        });
        return;
      }
      if (type === 'ADDED') this.store.add(obj);
      else if (type === 'MODIFIED') this.store.update(obj);
      else this.store.delete(obj);
    }
    if (rv) {
      this.lastSyncRV = rv;
      this.store.updateResourceVersion?.(rv);
    }
  }
}
