/**
 * A token bucket (golang.org/x/time/rate semantics, as client-go's flowcontrol and the workqueue's bucket
 * limiter use it): `qps` tokens per second refill a bucket of `burst`; a caller that finds it empty reserves a
 * future token and waits for it. Time comes from an injected {@link Clock}, so tests step it.
 */
import type { Clock } from '../../util/clock.js';

/** Options of {@link TokenBucket}. */
export interface TokenBucketOptions {
  /** Tokens added per second. `Infinity` (or <= 0) disables limiting. */
  qps: number;
  /** Bucket size: how many calls may pass at once after an idle period. At least 1. */
  burst: number;
  clock: Clock;
}

/**
 * A client-side rate limiter.
 *
 * Contract: reservations are granted in call order (FIFO), so `wait` callers resolve in the order they called;
 * a `wait` aborted before its token arrives gives the token back. Not shared across processes; one bucket per
 * client (no global state).
 */
export interface RateLimiter {
  /** Takes a token if one is available now; never waits. */
  tryAccept(): boolean;
  /** Reserves the next token and returns how many ms until it is valid (0 = now). Never refunded. */
  reserve(): number;
  /** Waits for a token; rejects with the signal's reason if it aborts first. */
  wait(signal?: AbortSignal): Promise<void>;
}

/** The standard {@link RateLimiter}. */
export class TokenBucket implements RateLimiter {
  private readonly unlimited: boolean;
  private readonly qps: number;
  private readonly burst: number;
  private readonly clock: Clock;
  /** May go negative: that many tokens are reserved by waiters ahead of the next caller. */
  private tokens: number;
  private last: number;

  constructor(options: TokenBucketOptions) {
    this.unlimited = !(options.qps > 0) || options.qps === Infinity;
    this.qps = options.qps;
    this.burst = Math.max(1, Math.floor(options.burst));
    this.clock = options.clock;
    this.tokens = this.burst;
    this.last = this.clock.now();
  }

  tryAccept(): boolean {
    if (this.unlimited) return true;
    this.advance();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  reserve(): number {
    if (this.unlimited) return 0;
    this.advance();
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.qps) * 1000);
  }

  async wait(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const delay = this.reserve();
    if (delay <= 0) return;
    try {
      await this.clock.sleep(delay, signal);
    } catch (err) {
      // The caller gave up: hand the reserved token back so later callers do not wait for it.
      if (!this.unlimited) this.tokens = Math.min(this.burst, this.tokens + 1);
      throw err;
    }
  }

  private advance(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.last);
    this.last = now;
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.qps) / 1000);
  }
}
