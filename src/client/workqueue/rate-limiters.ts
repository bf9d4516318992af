/**
 * Per-item rate limiters for the work queue (client-go util/workqueue default_rate_limiters.go): how long a
 * key that failed should wait before it is tried again.
 */
import type { Clock } from '../../util/clock.js';
import { TokenBucket } from '../flowcontrol/token-bucket.js';

/**
 * Decides retry delays per key.
 *
 * Contract: `when` records one more failure of `item` and returns the delay (ms) before it may be retried;
 * `forget` clears the item's history (call it on success, or the back-off keeps growing); `numRequeues` is how
 * many failures are recorded. Synchronous, single-threaded use.
 */
export interface ItemRateLimiter<T> {
  when(item: T): number;
  forget(item: T): void;
  numRequeues(item: T): number;
}

/** base * 2^failures, capped at max: 5 ms, 10 ms, 20 ms, ... 1000 s with client-go's defaults. */
export class ItemExponentialFailureRateLimiter<T> implements ItemRateLimiter<T> {
  private readonly failures = new Map<T, number>();

  constructor(
    private readonly baseMs = 5,
    private readonly maxMs = 1_000_000,
  ) {}

  when(item: T): number {
    const exp = this.failures.get(item) ?? 0;
    this.failures.set(item, exp + 1);
    const backoff = this.baseMs * 2 ** exp;
    return Number.isFinite(backoff) && backoff < this.maxMs ? backoff : this.maxMs;
  }

  forget(item: T): void {
    this.failures.delete(item);
  }

  numRequeues(item: T): number {
    return this.failures.get(item) ?? 0;
  }
}

/** An overall token bucket: all items together get at most `qps` retries per second after a `burst`. */
export class BucketRateLimiter<T> implements ItemRateLimiter<T> {
  private readonly bucket: TokenBucket;

  constructor(options: { qps: number; burst: number; clock: Clock }) {
    this.bucket = new TokenBucket(options);
  }

  when(_item: T): number {
    return this.bucket.reserve();
  }

  forget(_item: T): void {}

  numRequeues(_item: T): number {
    return 0;
  }
}

/** The worst (longest) delay of several limiters. */
export class MaxOfRateLimiter<T> implements ItemRateLimiter<T> {
  private readonly limiters: readonly ItemRateLimiter<T>[];

  constructor(...limiters: ItemRateLimiter<T>[]) {
    this.limiters = limiters;
  }

  when(item: T): number {
    // Every limiter must record the failure, so no short-circuit.
    let ms = 0;
    for (const l of this.limiters) ms = Math.max(ms, l.when(item));
    return ms;
  }

  forget(item: T): void {
    for (const l of this.limiters) l.forget(item);
  }

  numRequeues(item: T): number {
    let n = 0;
    for (const l of this.limiters) n = Math.max(n, l.numRequeues(item));
    return n;
  }
}

/**
 * client-go's DefaultControllerRateLimiter: per-item exponential back-off 5 ms → 1000 s, and an overall bucket
 * of 10 QPS with burst 100 so a mass failure cannot turn into a retry storm.
 */
export function defaultControllerRateLimiter<T>(clock: Clock): ItemRateLimiter<T> {
  return new MaxOfRateLimiter<T>(
    new ItemExponentialFailureRateLimiter<T>(5, 1_000_000),
    new BucketRateLimiter<T>({ qps: 10, burst: 100, clock }),
  );
}
