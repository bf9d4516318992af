/**
 * The shared index informer (client-go tools/cache/shared_informer.go): one reflector feeding one cache, and
 * any number of handlers notified of every change — so all the controllers of a component share one watch.
 */
import { realClock, type Clock } from '../../util/clock.js';
import { silentLogger, type Logger } from '../../util/log.js';
import type { KubeObject } from '../rest/types.js';
import { CacheLister, type Lister } from './lister.js';
import { ProcessorListener, type Notification, type ResourceEventHandler } from './listener.js';
import type { ListerWatcher } from './list-watch.js';
import { Reflector, type ReflectorStore } from './reflector.js';
import {
  CacheIndexer,
  deepFreeze,
  metaNamespaceIndexFunc,
  metaNamespaceKeyFunc,
  NAMESPACE_INDEX,
  type Indexer,
  type Indexers,
} from './store.js';
import { DeletedFinalStateUnknown } from './tombstone.js';

/** What {@link waitForCacheSync} waits on. */
export interface InformerSynced {
  /** True once the first complete list has been applied to the cache. */
  hasSynced(): boolean;
  /** Resolves true once synced, or false if `signal` aborts first. */
  whenSynced(signal?: AbortSignal): Promise<boolean>;
}

/** A handler's registration: remove it, or ask whether it has seen the initial list. */
export interface HandlerRegistration extends InformerSynced {
  remove(): void;
}

/**
 * A cache of one collection plus change notifications.
 *
 * Contract: the cache is eventually consistent with the API; handlers see each object's changes in order
 * (see {@link ResourceEventHandler}); the cache is updated before handlers are notified. Deletions missed
 * while disconnected arrive as {@link DeletedFinalStateUnknown}. `run` may be called once; handlers may be
 * added before or after it (late handlers first get an add for every cached object).
 */
export interface SharedIndexInformer<T> extends InformerSynced {
  addEventHandler(handler: ResourceEventHandler<T>, options?: { resyncPeriodMs?: number }): HandlerRegistration;
  readonly lister: Lister<T>;
  readonly indexer: Indexer<Readonly<T>>;
  addIndexers(indexers: Indexers<Readonly<T>>): void;
  /** The resourceVersion the cache reflects (`''` before the first list). */
  lastSyncResourceVersion(): string;
  /** Lists, watches and notifies until `signal` aborts; resolves once stopped. */
  run(signal: AbortSignal): Promise<void>;
  isStarted(): boolean;
}

/** Options of {@link SharedInformer}. */
export interface SharedInformerOptions<T> {
  /** Names the informer in logs (e.g. `configmaps`). */
  name: string;
  listerWatcher: ListerWatcher<T>;
  clock?: Clock;
  logger?: Logger;
  /** Default resync period of handlers; 0 (default) never. */
  resyncPeriodMs?: number;
  /** Extra indexes besides `namespace`. */
  indexers?: Indexers<Readonly<T>>;
  /** Deep-freeze cached objects. Default: on unless NODE_ENV is `production`. */
  freeze?: boolean;
  /** Passed to the reflector (tests: deterministic timeouts and jitter). */
  random?: () => number;
}

/** Shortest resync check period, so a tiny resync period cannot turn into a busy loop (client-go: 1 s). */
const MIN_RESYNC_PERIOD_MS = 1000;

/** The standard {@link SharedIndexInformer}. */
export class SharedInformer<T extends KubeObject> implements SharedIndexInformer<T> {
  readonly indexer: Indexer<Readonly<T>>;
  readonly lister: Lister<T>;
  private readonly options: SharedInformerOptions<T>;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly freeze: boolean;
  private readonly defaultResync: number;
  private resyncCheckPeriod: number;
  private listeners: ProcessorListener<T>[] = [];
  /** Listeners whose resync is due; set by `shouldResync`, consumed by the next `resync`. */
  private syncing: ProcessorListener<T>[] = [];
  private reflector: Reflector<T> | undefined;
  private started = false;
  private synced = false;
  private syncWaiters: Array<() => void> = [];

  constructor(options: SharedInformerOptions<T>) {
    this.options = options;
    this.clock = options.clock ?? realClock;
    this.logger = (options.logger ?? silentLogger).child(options.name);
    this.freeze = options.freeze ?? process.env.NODE_ENV !== 'production';
    this.defaultResync = options.resyncPeriodMs ?? 0;
    this.resyncCheckPeriod = this.defaultResync;
    this.indexer = new CacheIndexer<Readonly<T>>(metaNamespaceKeyFunc, {
      [NAMESPACE_INDEX]: metaNamespaceIndexFunc,
      ...options.indexers,
    });
    this.lister = new CacheLister<T>(this.indexer);
  }

  addEventHandler(handler: ResourceEventHandler<T>, options: { resyncPeriodMs?: number } = {}): HandlerRegistration {
    let period = options.resyncPeriodMs ?? this.defaultResync;
    if (period > 0 && period < MIN_RESYNC_PERIOD_MS) period = MIN_RESYNC_PERIOD_MS;
    if (period > 0) {
      if (!this.started) {
        if (this.resyncCheckPeriod === 0 || period < this.resyncCheckPeriod) this.resyncCheckPeriod = period;
      } else if (this.resyncCheckPeriod === 0 || period < this.resyncCheckPeriod) {
        // The reflector's resync timer is fixed once running: a shorter period cannot be honoured.
        this.logger.warn('resync period smaller than the running informer allows; using the informer’s', {
          requested: period,
          effective: this.resyncCheckPeriod,
        });
        period = this.resyncCheckPeriod;
      }
    }
    const listener = new ProcessorListener<T>(handler, period, this.clock, this.logger);
    this.listeners.push(listener);
    // A late handler first learns the current content, as if it had seen the initial list.
    for (const obj of this.indexer.list()) listener.add({ type: 'add', obj, isInInitialList: true });
    return {
      remove: () => {
        listener.stop();
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
      hasSynced: () => this.synced && listener.initialDelivered(),
      whenSynced: async (signal) => {
        if (!(await this.whenSynced(signal))) return false;
        // Initial adds are delivered on microtasks: wait until this handler has seen them.
        await listener.whenInitialDelivered();
        return !signal?.aborted;
      },
    };
  }

  addIndexers(indexers: Indexers<Readonly<T>>): void {
    this.indexer.addIndexers(indexers);
  }

  hasSynced(): boolean {
    return this.synced;
  }

  whenSynced(signal?: AbortSignal): Promise<boolean> {
    if (this.synced) return Promise.resolve(true);
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const onAbort = () => resolve(false);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.syncWaiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      });
    });
  }

  lastSyncResourceVersion(): string {
    return this.reflector?.lastSyncResourceVersion() ?? '';
  }

  isStarted(): boolean {
    return this.started;
  }

  async run(signal: AbortSignal): Promise<void> {
    if (this.started) throw new Error(`informer ${this.options.name} has already been started`);
    this.started = true;
    this.reflector = new Reflector<T>({
      name: this.options.name,
      listerWatcher: this.options.listerWatcher,
      store: this.reflectorStore(),
      clock: this.clock,
      logger: this.logger,
      resyncPeriodMs: this.resyncCheckPeriod,
      shouldResync: () => this.shouldResync(),
      random: this.options.random,
    });
    try {
      await this.reflector.run(signal);
    } finally {
      for (const l of this.listeners) l.stop();
    }
  }

  private shouldResync(): boolean {
    const now = this.clock.now();
    this.syncing = this.listeners.filter((l) => l.shouldResync(now));
    return this.syncing.length > 0;
  }

  private distribute(n: Notification<T>, sync = false): void {
    for (const l of sync ? this.syncing : this.listeners) l.add(n);
  }

  private upsert(obj: T, isInInitialList: boolean): void {
    const cur = (this.freeze ? deepFreeze(obj) : obj) as Readonly<T>;
    const old = this.indexer.get(cur);
    this.indexer.update(cur);
    if (old) this.distribute({ type: 'update', oldObj: old, newObj: cur });
    else this.distribute({ type: 'add', obj: cur, isInInitialList });
  }

  private markSynced(): void {
    if (this.synced) return;
    this.synced = true;
    const ws = this.syncWaiters;
    this.syncWaiters = [];
    for (const w of ws) w();
  }

  /** The reflector's view of this informer: apply each change to the cache, then notify. */
  private reflectorStore(): ReflectorStore<T> {
    return {
      add: (obj) => this.upsert(obj, false),
      update: (obj) => this.upsert(obj, false),
      delete: (obj) => {
        const cur = (this.freeze ? deepFreeze(obj) : obj) as Readonly<T>;
        this.indexer.delete(cur);
        this.distribute({ type: 'delete', obj: cur });
      },
      replace: (objs) => {
        const initial = !this.synced;
        const keep = new Set<string>();
        for (const obj of objs) {
          keep.add(metaNamespaceKeyFunc(obj));
          this.upsert(obj, initial);
        }
        // Whatever the cache holds that the list lacks was deleted while we were not watching.
        for (const key of this.indexer.listKeys()) {
          if (keep.has(key)) continue;
          const last = this.indexer.getByKey(key)!;
          this.indexer.delete(last);
          this.distribute({ type: 'delete', obj: new DeletedFinalStateUnknown(key, last) });
        }
        this.markSynced();
      },
      resync: () => {
        for (const obj of this.indexer.list()) this.distribute({ type: 'update', oldObj: obj, newObj: obj }, true);
      },
    };
  }
}
