/**
 * Time as a dependency. Logic never calls `Date.now()` or the global timer functions directly: it takes a
 * `Clock`, production wires `realClock`, and tests drive a `FakeClock` with `step()` so that anything
 * time-based (TTLs, retries, resyncs, leases) runs deterministically and without sleeping.
 */

/** An opaque handle for a scheduled callback; pass it back to `clearTimeout`/`clearInterval`. */
export interface ClockTimer {
  readonly __clockTimer?: never;
}

/**
 * A source of wall-clock time and timers.
 *
 * Callbacks run on the event loop (never synchronously inside `setTimeout`/`setInterval`); clearing a timer
 * that already fired or was already cleared is a no-op.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): ClockTimer;
  clearTimeout(timer: ClockTimer | undefined): void;
  setInterval(callback: () => void, ms: number): ClockTimer;
  clearInterval(timer: ClockTimer | undefined): void;
  /** Resolves after `ms`; rejects with the signal's reason if `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The system clock and Node's timers. */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms) as ClockTimer,
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout | undefined),
  setInterval: (callback, ms) => setInterval(callback, ms) as ClockTimer,
  clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout | undefined),
  sleep: (ms, signal) => sleepWith(realClock, ms, signal),
};

function sleepWith(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clock.clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface FakeTimer extends ClockTimer {
  due: number;
  /** Insertion order, so timers due at the same instant fire in the order they were set. */
  seq: number;
  callback: () => void;
  /** Re-arm period for intervals; undefined for one-shot timers. */
  period: number | undefined;
  cancelled: boolean;
}

/**
 * A manually driven clock for tests. Time stands still until `step(ms)` moves it; every timer that falls due
 * on the way fires in due-time order, each seeing `now()` equal to its due time. Callbacks run synchronously
 * inside `step`, so after `step` returns, all work they did synchronously has happened (work they scheduled
 * on promises still needs an `await`).
 */
export class FakeClock implements Clock {
  private current: number;
  private seq = 0;
  private timers: FakeTimer[] = [];

  constructor(start = Date.UTC(2024, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): ClockTimer {
    return this.add(callback, ms, undefined);
  }

  clearTimeout(timer: ClockTimer | undefined): void {
    if (timer) (timer as FakeTimer).cancelled = true;
    this.timers = this.timers.filter((t) => !t.cancelled);
  }

  setInterval(callback: () => void, ms: number): ClockTimer {
    return this.add(callback, ms, Math.max(1, ms));
  }

  clearInterval(timer: ClockTimer | undefined): void {
    this.clearTimeout(timer);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepWith(this, ms, signal);
  }

  /** Advances time by `ms`, firing every timer due on the way (intervals as often as they fall due). */
  step(ms: number): void {
    const target = this.current + Math.max(0, ms);
    for (;;) {
      const next = this.nextDue();
      if (!next || next.due > target) break;
      this.current = Math.max(this.current, next.due);
      if (next.period === undefined) {
        next.cancelled = true;
        this.timers = this.timers.filter((t) => t !== next);
      } else {
        next.due += next.period;
        next.seq = this.seq++;
      }
      next.callback();
    }
    this.current = target;
  }

  /** How many timers are scheduled and not cleared; lets tests assert that background work was stopped. */
  pendingTimers(): number {
    return this.timers.length;
  }

  private add(callback: () => void, ms: number, period: number | undefined): FakeTimer {
    const timer: FakeTimer = {
      due: this.current + Math.max(0, ms),
      seq: this.seq++,
      callback,
      period,
      cancelled: false,
    };
    this.timers.push(timer);
    return timer;
  }

  private nextDue(): FakeTimer | undefined {
    let best: FakeTimer | undefined;
    for (const t of this.timers) {
      if (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t;
    }
    return best;
  }
}
