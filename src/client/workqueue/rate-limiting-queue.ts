/**
 * A delaying work queue with per-key failure back-off (client-go RateLimitingInterface).
 */
import type { Clock } from '../../util/clock.js';
import { DelayingWorkQueue, type DelayingQueue } from './delaying-queue.js';
import { defaultControllerRateLimiter, type ItemRateLimiter } from './rate-limiters.js';

/**
 * A {@link DelayingQueue} that remembers failures.
 *
 * Contract: `addRateLimited(key)` re-adds the key after the limiter's delay, which grows with each failure;
 * `forget(key)` resets that history and must be called when a key is processed successfully (remember to
 * call forget!) — it does not remove the key from the queue. `numRequeues` counts recorded failures.
 */
export interface RateLimitingQueue<T> extends DelayingQueue<T> {
  addRateLimited(item: T): void;
  forget(item: T): void;
  numRequeues(item: T): number;
}

/** Options of {@link RateLimitingWorkQueue}. */
export interface RateLimitingQueueOptions<T> {
  clock: Clock;
  /** Default: {@link defaultControllerRateLimiter}. */
  rateLimiter?: ItemRateLimiter<T>;
}

/** The standard {@link RateLimitingQueue}. */
export class RateLimitingWorkQueue<T extends NonNullable<unknown>>
  extends DelayingWorkQueue<T>
  implements RateLimitingQueue<T>
{
  private readonly limiter: ItemRateLimiter<T>;

  constructor(options: RateLimitingQueueOptions<T>) {
    super(options.clock);
    this.limiter = options.rateLimiter ?? defaultControllerRateLimiter<T>(options.clock);
  }

  addRateLimited(item: T): void {
    this.addAfter(item, this.limiter.when(item));
  }

  forget(item: T): void {
    this.limiter.forget(item);
  }

  numRequeues(item: T): number {
    return this.limiter.numRequeues(item);
  }
}
