/**
 * A work queue whose keys can be added after a delay (client-go DelayingInterface), on an injected clock.
 */
import type { Clock, ClockTimer } from '../../util/clock.js';
import { WorkQueue, type Queue } from './queue.js';

/**
 * A {@link Queue} with delayed adds.
 *
 * Contract: `addAfter(key, ms)` adds the key once `ms` has passed on the clock (immediately for ms <= 0). A key
 * waiting twice keeps the earlier deadline. Keys due at the same time are added in `addAfter` call order.
 * `shutDown` drops waiting keys and cancels the timer, so a stopped queue keeps nothing scheduled.
 */
export interface DelayingQueue<T> extends Queue<T> {
  addAfter(item: T, ms: number): void;
}

interface Waiting<T> {
  item: T;
  readyAt: number;
  seq: number;
}

const before = <T>(a: Waiting<T>, b: Waiting<T>) => a.readyAt < b.readyAt || (a.readyAt === b.readyAt && a.seq < b.seq);

/** The standard {@link DelayingQueue}: one clock timer, armed for the earliest waiting key. */
export class DelayingWorkQueue<T extends NonNullable<unknown>> extends WorkQueue<T> implements DelayingQueue<T> {
  /** Min-heap by (readyAt, seq); entries no longer in `current` are stale and skipped. */
  private heap: Waiting<T>[] = [];
  private readonly current = new Map<T, Waiting<T>>();
  private seq = 0;
  private timer: ClockTimer | undefined;
  private timerAt = Infinity;

  constructor(protected readonly clock: Clock) {
    super();
  }

  addAfter(item: T, ms: number): void {
    if (this.shuttingDown()) return;
    if (!(ms > 0)) {
      this.add(item);
      return;
    }
    const readyAt = this.clock.now() + ms;
    const existing = this.current.get(item);
    if (existing && existing.readyAt <= readyAt) return;
    const entry: Waiting<T> = { item, readyAt, seq: this.seq++ };
    this.current.set(item, entry);
    this.push(entry);
    this.arm();
  }

  /** How many keys are waiting for their delay (tests, metrics). */
  waitingLen(): number {
    return this.current.size;
  }

  override shutDown(): void {
    super.shutDown();
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
    this.heap = [];
    this.current.clear();
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.clock.now();
    for (;;) {
      const top = this.peek();
      if (!top || top.readyAt > now) break;
      this.pop();
      this.current.delete(top.item);
      this.add(top.item);
    }
    this.arm();
  }

  private arm(): void {
    const top = this.peek();
    if (!top) return;
    if (this.timer !== undefined && this.timerAt <= top.readyAt) return;
    this.clock.clearTimeout(this.timer);
    this.timerAt = top.readyAt;
    this.timer = this.clock.setTimeout(() => this.fire(), Math.max(0, top.readyAt - this.clock.now()));
  }

  /** The earliest live entry, discarding stale ones on the way. */
  private peek(): Waiting<T> | undefined {
    while (this.heap.length > 0 && this.current.get(this.heap[0]!.item) !== this.heap[0]) this.pop();
    return this.heap[0];
  }

  private push(e: Waiting<T>): void {
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (!last || h.length === 0) return;
    h[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l]!, h[m]!)) m = l;
      if (r < h.length && before(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
