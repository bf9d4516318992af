/**
 * The work queue under every controller (client-go util/workqueue Type): a FIFO of keys with the guarantee
 * that one key is never handed to two workers at once.
 */

/**
 * A deduplicating FIFO with processing tracking.
 *
 * Contract:
 * - `add` of a key already waiting is a no-op (the key is processed once for any number of adds).
 * - `get` hands out a key and marks it processing; until `done(key)` the key is not handed out again. Adds
 *   during processing are remembered and the key is re-queued (once) by `done` — so a change seen while a
 *   worker syncs is never lost, and never synced concurrently.
 * - Order is FIFO by first add (re-queued keys go to the back).
 * - After `shutDown()`, adds are ignored; `get` still hands out what is queued (as upstream, so nothing
 *   already accepted is silently lost) and resolves `undefined` once the queue is empty.
 * Every method is synchronous except `get` and `shutDownWithDrain`; safe for any number of concurrent workers.
 */
export interface Queue<T> {
  add(item: T): void;
  /** Keys waiting (not counting those being processed). */
  len(): number;
  /** The next key, waiting if none is queued; `undefined` once the queue is shut down. */
  get(): Promise<T | undefined>;
  /** Marks `item` finished; re-queues it if it was added while processing. */
  done(item: T): void;
  /** Stops accepting adds; `get` resolves `undefined` once the queue is empty. */
  shutDown(): void;
  /** {@link shutDown}, then resolves once no key is being processed any more. */
  shutDownWithDrain(): Promise<void>;
  shuttingDown(): boolean;
}

/** The plain {@link Queue}. Keys compare by identity (`Set` semantics): use strings. */
export class WorkQueue<T extends NonNullable<unknown>> implements Queue<T> {
  private queue: T[] = [];
  /** Keys that need processing (queued, or re-added while processing). */
  private readonly dirty = new Set<T>();
  private readonly processing = new Set<T>();
  private waiters: Array<() => void> = [];
  private drainWaiters: Array<() => void> = [];
  private stopping = false;

  add(item: T): void {
    if (this.stopping) return;
    if (this.dirty.has(item)) return;
    this.dirty.add(item);
    if (this.processing.has(item)) return;
    this.queue.push(item);
    this.wakeOne();
  }

  len(): number {
    return this.queue.length;
  }

  async get(): Promise<T | undefined> {
    for (;;) {
      if (this.queue.length > 0) {
        const item = this.queue.shift()!;
        this.processing.add(item);
        this.dirty.delete(item);
        return item;
      }
      if (this.stopping) return undefined;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  done(item: T): void {
    if (!this.processing.delete(item)) return;
    if (this.dirty.has(item)) {
      this.queue.push(item);
      this.wakeOne();
    }
    if (this.processing.size === 0) {
      const ws = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of ws) w();
    }
  }

  shutDown(): void {
    this.stopping = true;
    this.wakeAll();
  }

  async shutDownWithDrain(): Promise<void> {
    this.shutDown();
    while (this.processing.size > 0) {
      await new Promise<void>((resolve) => this.drainWaiters.push(resolve));
    }
  }

  shuttingDown(): boolean {
    return this.stopping;
  }

  private wakeOne(): void {
    this.waiters.shift()?.();
  }

  private wakeAll(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }
}
