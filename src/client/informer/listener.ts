/**
 * Per-handler delivery (client-go processorListener): each registered handler gets its own unbounded buffer
 * drained asynchronously, so a slow or failing handler neither blocks the reflector nor other handlers.
 */
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import type { DeletedFinalStateUnknown } from './tombstone.js';

/**
 * Callbacks for changes to the objects of one informer.
 *
 * Contract: for one handler, notifications arrive in the order the informer applied them, one at a time, and
 * always after the informer's cache reflects the change (the lister may already show newer state). `onAdd`
 * receives `isInInitialList` for objects from the initial list (or, for a handler added late, the cache
 * content at registration). A resync delivers `onUpdate(obj, obj)` with identical objects. `onDelete` may get
 * a {@link DeletedFinalStateUnknown} when the deletion itself was missed. Objects are read-only (frozen).
 * Exceptions are logged and otherwise ignored.
 */
export interface ResourceEventHandler<T> {
  onAdd?(obj: Readonly<T>, isInInitialList: boolean): void;
  onUpdate?(oldObj: Readonly<T>, newObj: Readonly<T>): void;
  onDelete?(obj: Readonly<T> | DeletedFinalStateUnknown<Readonly<T>>): void;
}

/** One change as a handler sees it. */
export type Notification<T> =
  | { type: 'add'; obj: Readonly<T>; isInInitialList: boolean }
  | { type: 'update'; oldObj: Readonly<T>; newObj: Readonly<T> }
  | { type: 'delete'; obj: Readonly<T> | DeletedFinalStateUnknown<Readonly<T>> };

/** A handler plus its buffer and resync schedule. */
export class ProcessorListener<T> {
  private buffer: Notification<T>[] = [];
  private draining = false;
  private stopped = false;
  /** Initial-list adds not yet delivered: the registration has synced once this is 0 and the informer has. */
  private pendingInitial = 0;
  private nextResync: number;
  private initialWaiters: Array<() => void> = [];

  constructor(
    readonly handler: ResourceEventHandler<T>,
    /** 0: never resync. */
    readonly resyncPeriodMs: number,
    clock: Clock,
    private readonly logger: Logger,
  ) {
    this.nextResync = clock.now() + resyncPeriodMs;
  }

  /** Queues a notification; delivery happens on a later microtask. */
  add(n: Notification<T>): void {
    if (this.stopped) return;
    if (n.type === 'add' && n.isInInitialList) this.pendingInitial++;
    this.buffer.push(n);
    if (!this.draining) {
      this.draining = true;
      queueMicrotask(() => this.drain());
    }
  }

  /** Whether every initial-list add queued so far has been delivered. */
  initialDelivered(): boolean {
    return this.pendingInitial === 0;
  }

  /** Resolves once {@link initialDelivered} holds (or the listener stops). */
  whenInitialDelivered(): Promise<void> {
    if (this.pendingInitial === 0) return Promise.resolve();
    return new Promise<void>((resolve) => this.initialWaiters.push(resolve));
  }

  /** True (and the next resync is scheduled) when this listener's resync period has elapsed. */
  shouldResync(now: number): boolean {
    if (this.resyncPeriodMs <= 0 || now < this.nextResync) return false;
    this.nextResync = now + this.resyncPeriodMs;
    return true;
  }

  /** Drops pending notifications; nothing more is delivered. */
  stop(): void {
    this.stopped = true;
    this.buffer = [];
    this.pendingInitial = 0;
    this.releaseInitialWaiters();
  }

  private drain(): void {
    // Notifications added by handlers during the drain are picked up by the same loop, keeping order.
    for (let i = 0; i < this.buffer.length && !this.stopped; i++) {
      const n = this.buffer[i]!;
      try {
        if (n.type === 'add') this.handler.onAdd?.(n.obj, n.isInInitialList);
        else if (n.type === 'update') this.handler.onUpdate?.(n.oldObj, n.newObj);
        else this.handler.onDelete?.(n.obj);
      } catch (err) {
        this.logger.error('event handler failed', { event: n.type, err });
      } finally {
        if (n.type === 'add' && n.isInInitialList && this.pendingInitial > 0) this.pendingInitial--;
      }
    }
    this.buffer = [];
    this.draining = false;
    if (this.pendingInitial === 0) this.releaseInitialWaiters();
  }

  private releaseInitialWaiters(): void {
    const ws = this.initialWaiters;
    this.initialWaiters = [];
    for (const w of ws) w();
  }
}
