/**
 * Jittered exponential back-off with a reset after quiet periods, as client-go's reflector uses it
 * (wait.Backoff{Duration: 800ms, Cap: 30s, Factor: 2, Jitter: 1}.DelayWithReset(clock, 2m)).
 */
import type { Clock } from '../../util/clock.js';

/** Options of {@link ExponentialBackoff}; the defaults are the reflector's. */
export interface ExponentialBackoffOptions {
  clock: Clock;
  /** First delay. Default 800 ms. */
  initialMs?: number;
  /** Largest un-jittered delay. Default 30 s. */
  maxMs?: number;
  /** Growth per step. Default 2. */
  factor?: number;
  /** Each delay is d + random * jitter * d. Default 1. */
  jitter?: number;
  /** After this long without a `next()` call the delay starts over at `initialMs`. Default 2 min. */
  resetAfterMs?: number;
  /** Source of randomness in [0, 1); injectable for deterministic tests. Default Math.random. */
  random?: () => number;
}

/**
 * Hands out growing delays. Contract: each `next()` returns the current delay (jittered) and then grows it;
 * single consumer, no timers of its own, so it never keeps a process alive.
 */
export class ExponentialBackoff {
  private readonly clock: Clock;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly factor: number;
  private readonly jitter: number;
  private readonly resetAfterMs: number;
  private readonly random: () => number;
  private current: number;
  private lastCall: number | undefined;

  constructor(options: ExponentialBackoffOptions) {
    this.clock = options.clock;
    this.initialMs = options.initialMs ?? 800;
    this.maxMs = options.maxMs ?? 30_000;
    this.factor = options.factor ?? 2;
    this.jitter = options.jitter ?? 1;
    this.resetAfterMs = options.resetAfterMs ?? 120_000;
    this.random = options.random ?? Math.random;
    this.current = this.initialMs;
  }

  /** The next delay in ms. */
  next(): number {
    const now = this.clock.now();
    if (this.lastCall !== undefined && now - this.lastCall >= this.resetAfterMs) this.current = this.initialMs;
    this.lastCall = now;
    const base = this.current;
    this.current = Math.min(this.maxMs, this.current * this.factor);
    return this.jitter > 0 ? base + this.random() * this.jitter * base : base;
  }

  /** Starts over at the initial delay. */
  reset(): void {
    this.current = this.initialMs;
    this.lastCall = undefined;
  }
}
