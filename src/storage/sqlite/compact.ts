/**
 * Compaction: deleting history nobody may read any more, so the log does not grow forever.
 *
 * compact(R) first records R as the compact revision (from then on reads and watches below R fail with
 * Expired), then deletes, in chunks, every row with id <= R that a newer row at or below R supersedes, plus
 * tombstones at or below R. The state at R and everything after it stay intact. Progress is persisted per chunk
 * (`compacted_through`), so a compaction cut short by a crash or close() resumes where it stopped.
 */
import type Database from 'better-sqlite3';
import type { Clock, ClockTimer } from '../../util/clock.js';
import { futureRevision, type StorageError } from '../errors.js';
import type { LogStatements } from './log.js';

export interface CompactorDeps {
  db: Database.Database;
  statements: LogStatements;
  clock: Clock;
  /** Revisions per delete transaction; keeps each step short so writers are not stalled. */
  chunk: number;
  /** Background compaction period. */
  intervalMs: number;
  /** Background compaction keeps at least this many of the newest revisions. */
  retain: number;
  compactRevision: number;
  compactedThrough: number;
  currentRevision(): number;
  mapError(err: unknown): StorageError;
  onError(err: unknown): void;
}

/** Runs compactions one at a time, on demand and periodically. */
export class Compactor {
  private timer: ClockTimer | undefined;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;
  private compacted: number;
  private through: number;

  constructor(private readonly deps: CompactorDeps) {
    this.compacted = deps.compactRevision;
    this.through = deps.compactedThrough;
  }

  /** Reads and watches below this revision fail with Expired. */
  get compactRevision(): number {
    return this.compacted;
  }

  /** Starts the periodic compactor and finishes a compaction an earlier process left half done. */
  start(): void {
    if (this.through < this.compacted) this.enqueue(this.compacted).catch((err: unknown) => this.deps.onError(err));
    this.timer = this.deps.clock.setInterval(() => {
      const target = this.deps.currentRevision() - this.deps.retain;
      if (target > this.compacted) this.compact(target).catch((err: unknown) => this.deps.onError(err));
    }, this.deps.intervalMs);
  }

  /** Stops the timer; a compaction in progress stops after its current chunk (and resumes at next open). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.deps.clock.clearInterval(this.timer);
    this.timer = undefined;
    await this.chain.catch(() => undefined);
  }

  /**
   * Compacts up to and including `revision`. A revision at or below the current compact revision is a no-op
   * (compaction is idempotent); one above the newest revision fails with FutureRevision.
   */
  compact(revision: number): Promise<void> {
    const current = this.deps.currentRevision();
    if (revision > current) return Promise.reject(futureRevision(revision, current));
    // Waiting for the compaction in progress keeps "compact(R) resolved" meaning "history <= R is gone".
    if (revision <= this.compacted) return this.chain.catch(() => undefined);
    try {
      // Raise the bar synchronously, before any row goes: a reader must never see history half deleted.
      this.deps.statements.setMeta.run(revision, 'compact_revision');
    } catch (err) {
      return Promise.reject(this.deps.mapError(err));
    }
    this.compacted = revision;
    return this.enqueue(revision);
  }

  private enqueue(revision: number): Promise<void> {
    // A failed earlier run must not wedge the queue: this one redoes what it left.
    this.chain = this.chain.catch(() => undefined).then(() => this.run(revision));
    return this.chain;
  }

  private async run(revision: number): Promise<void> {
    const { db, statements, chunk } = this.deps;
    while (this.through < revision && !this.stopped) {
      const from = this.through;
      const to = Math.min(revision, from + chunk);
      try {
        db.transaction(() => {
          // Superseded rows first: a tombstone in this chunk must still be there to find the rows it replaced.
          statements.compactSuperseded.run({ from, to });
          statements.compactTombstones.run({ from, to });
          statements.setMeta.run(to, 'compacted_through');
        }).immediate();
      } catch (err) {
        throw this.deps.mapError(err);
      }
      this.through = to;
      // Let queued writes and reads in between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
