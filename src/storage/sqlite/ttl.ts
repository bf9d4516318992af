/**
 * TTL expiry: a sweeper that deletes keys whose TTL ran out, through the normal write path, so an expiry is an
 * ordinary DELETE at a new revision that watchers see like any other.
 */
import type { Clock, ClockTimer } from '../../util/clock.js';
import { isStorageError } from '../errors.js';

export interface ExpirySweeperDeps {
  clock: Clock;
  /** How often to sweep. Keys may outlive their TTL by up to this long (and are readable meanwhile). */
  intervalMs: number;
  /** Current (newest) rows whose expires_at <= now, oldest expiry first, at most `limit`. */
  findExpired(now: number, limit: number): { id: number; name: string }[];
  /** Deletes `key` if its mod revision is still `modRevision` (Conflict/KeyNotFound otherwise). */
  deleteIfUnchanged(key: string, modRevision: number): Promise<unknown>;
  /** Reports failures of a background sweep (they are retried at the next one). */
  onError(err: unknown): void;
}

/** Keys deleted per sweep round; rounds repeat until nothing more is due. */
const SWEEP_BATCH = 1000;

/**
 * Periodically deletes expired keys. Sweeps never overlap: a sweep asked for while one runs follows it. A key rewritten after it was found expired is left
 * alone: its delete carries the expired row's revision as precondition and fails with Conflict.
 */
export class ExpirySweeper {
  private timer: ClockTimer | undefined;
  private running: Promise<number> | undefined;
  private queued: Promise<number> | undefined;

  constructor(private readonly deps: ExpirySweeperDeps) {}

  start(): void {
    if (this.timer) return;
    this.timer = this.deps.clock.setInterval(() => {
      this.sweep().catch((err: unknown) => this.deps.onError(err));
    }, this.deps.intervalMs);
  }

  /** Stops the timer and waits for the sweeps in progress or queued. */
  async stop(): Promise<void> {
    this.deps.clock.clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await this.queued?.catch(() => undefined);
  }

  /** Deletes every key expired as of the clock's now; resolves with how many it deleted. */
  sweep(): Promise<number> {
    if (this.running) {
      // The running sweep read the time when it started and may miss keys that expired since; run one more
      // after it (shared by everyone who asks meanwhile) instead of overlapping it.
      this.queued ??= this.running
        .catch(() => 0)
        .then(() => {
          this.queued = undefined;
          return this.sweep();
        });
      return this.queued;
    }
    const run = this.sweepOnce().finally(() => {
      this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async sweepOnce(): Promise<number> {
    const now = this.deps.clock.now();
    let deleted = 0;
    for (;;) {
      const due = this.deps.findExpired(now, SWEEP_BATCH);
      // Enqueued together, so one sweep round is one group-committed transaction.
      const results = await Promise.allSettled(due.map((r) => this.deps.deleteIfUnchanged(r.name, r.id)));
      for (const r of results) {
        if (r.status === 'fulfilled') deleted++;
        else if (!isStorageError(r.reason, 'Conflict') && !isStorageError(r.reason, 'KeyNotFound')) throw r.reason;
      }
      if (due.length < SWEEP_BATCH) return deleted;
    }
  }
}
