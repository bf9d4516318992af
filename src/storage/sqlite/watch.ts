/**
 * Watches over the log: history is replayed from the table, live events are fed in-process by the writer.
 *
 * There is no gap or duplicate between the two because both sides are synchronous on one thread: a watch
 * fixes the revision its replay ends at in the same tick it subscribes, and the writer publishes a batch in
 * the same tick it commits it. So every commit is either at or below that revision (replayed from the table)
 * or above it (delivered live), never both, never neither.
 */
import type { Watch, WatchEvent } from '../interface.js';
import { expired, StorageError } from '../errors.js';
import { type LogRow, toWatchEvent } from './log.js';

/** Where a watch reads the history it replays. */
export interface HistorySource {
  /** Rows under `prefix` with from < id <= to, in id order, at most `limit`. */
  history(prefix: string, from: number, to: number, limit: number): LogRow[];
  /** History below this revision may be gone (see SqliteStore.compact). */
  compactRevision(): number;
}

/** How many history rows a replaying watch reads per step; bounds memory for long replays. */
const REPLAY_PAGE = 500;

/** Fans committed rows out to the open watches. */
export class WatchHub {
  private readonly watches = new Set<SqliteWatch>();

  /**
   * @param capacity the most live events one watch buffers for a consumer that does not keep up; beyond it
   * the watch fails with Unavailable so the consumer re-lists/re-watches instead of the store running out of
   * memory or blocking writers.
   */
  constructor(
    private readonly source: HistorySource,
    private readonly capacity: number,
  ) {}

  /** Opens a watch; `currentRevision` must be the last committed revision (same tick as the caller read it). */
  open(prefix: string, fromRevision: number, currentRevision: number): SqliteWatch {
    const from = fromRevision === 0 ? currentRevision : fromRevision;
    const watch = new SqliteWatch(this.source, prefix, from, currentRevision, this.capacity, () =>
      this.watches.delete(watch),
    );
    // Reading at exactly the compact revision is fine: compaction keeps every row above it.
    if (from < this.source.compactRevision()) watch.fail(expired(from, this.source.compactRevision()));
    else this.watches.add(watch);
    return watch;
  }

  /**
   * Delivers the rows of one committed transaction, in revision order. Never throws. Each event object is
   * shared by every watch that receives it, so consumers must treat events as read-only.
   */
  publish(rows: LogRow[]): void {
    if (this.watches.size === 0) return;
    const events = rows.map(toWatchEvent);
    for (const w of this.watches) {
      for (const ev of events) w.push(ev);
    }
  }

  /** Ends every watch (the store is closing): their iterations finish normally. */
  closeAll(): void {
    for (const w of [...this.watches]) w.close();
  }

  get size(): number {
    return this.watches.size;
  }
}

/**
 * One watch: a single-consumer async iterable of events under `prefix` with revision > `from`.
 *
 * History is read lazily, a page at a time, as the consumer asks for it, while live events accumulate in a
 * bounded buffer. If compaction removes history the watch still needs, the watch fails with Expired.
 */
export class SqliteWatch implements Watch {
  /** Replayed up to and including this revision. */
  private cursor: number;
  private page: WatchEvent[] = [];
  private pageHead = 0;
  private live: WatchEvent[] = [];
  private liveHead = 0;
  private waiter: { resolve: (r: IteratorResult<WatchEvent>) => void; reject: (e: unknown) => void } | undefined;
  private failure: StorageError | undefined;
  private closed = false;
  private unsubscribed = false;

  constructor(
    private readonly source: HistorySource,
    private readonly prefix: string,
    from: number,
    /** Replay covers (from, replayEnd]; everything above arrives through push(). */
    private readonly replayEnd: number,
    private readonly capacity: number,
    private readonly unsubscribe: () => void,
  ) {
    this.cursor = from;
  }

  /** Called by the hub for every committed event (in order); filters by prefix and revision. */
  push(ev: WatchEvent): void {
    if (this.closed || this.failure || ev.revision <= this.cursor || ev.revision <= this.replayEnd) return;
    if (!ev.key.startsWith(this.prefix)) return;
    if (this.waiter) {
      // A waiter only exists once replay is done and the buffer is empty, so this event is next in order.
      const w = this.waiter;
      this.waiter = undefined;
      this.cursor = ev.revision;
      w.resolve({ value: ev, done: false });
      return;
    }
    if (this.live.length - this.liveHead >= this.capacity) {
      this.fail(
        new StorageError(
          'Unavailable',
          `watch on ${this.prefix} fell more than ${this.capacity} events behind and was stopped; list and watch again`,
        ),
      );
      return;
    }
    this.live.push(ev);
  }

  /** Ends the watch with `err` after the events already buffered are consumed. */
  fail(err: StorageError): void {
    if (this.closed || this.failure) return;
    this.failure = err;
    this.detach();
    // Live events only follow on from a finished replay; delivering them after an unfinished one is a gap.
    if (this.cursor < this.replayEnd) {
      this.live = [];
      this.liveHead = 0;
    }
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      w.reject(err);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach();
    this.page = [];
    this.live = [];
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      w.resolve({ value: undefined, done: true });
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchEvent> {
    return {
      next: () => this.next(),
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  private next(): Promise<IteratorResult<WatchEvent>> {
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    try {
      const ev = this.take();
      if (ev) return Promise.resolve({ value: ev, done: false });
    } catch (err) {
      this.fail(
        err instanceof StorageError ? err : new StorageError('Internal', String(err), undefined, { cause: err }),
      );
    }
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiter) return Promise.reject(new Error('watch iterated concurrently: a watch has a single consumer'));
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** The next event, from the replay page, then more history, then the live buffer; undefined if none yet. */
  private take(): WatchEvent | undefined {
    if (this.pageHead < this.page.length) return this.advance(this.page[this.pageHead++]!);
    if (this.cursor < this.replayEnd && !this.failure) {
      const compacted = this.source.compactRevision();
      if (this.cursor < compacted) throw expired(this.cursor, compacted);
      const rows = this.source.history(this.prefix, this.cursor, this.replayEnd, REPLAY_PAGE);
      this.page = rows.map(toWatchEvent);
      this.pageHead = 0;
      if (rows.length < REPLAY_PAGE) this.cursor = this.replayEnd;
      if (this.page.length) return this.advance(this.page[this.pageHead++]!);
    }
    if (this.liveHead < this.live.length) {
      const ev = this.live[this.liveHead++]!;
      // Reclaim the consumed head now and then instead of shifting on every event.
      if (this.liveHead > 1024 && this.liveHead * 2 > this.live.length) {
        this.live.splice(0, this.liveHead);
        this.liveHead = 0;
      }
      return this.advance(ev);
    }
    return undefined;
  }

  private advance(ev: WatchEvent): WatchEvent {
    if (ev.revision > this.cursor) this.cursor = ev.revision;
    return ev;
  }

  private detach(): void {
    if (this.unsubscribed) return;
    this.unsubscribed = true;
    this.unsubscribe();
  }
}
