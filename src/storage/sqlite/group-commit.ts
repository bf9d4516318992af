/**
 * Group commit: writes are queued and applied together in one SQLite transaction, so concurrent writers
 * share one fsync instead of paying one each. That is what makes durable writes fast: with synchronous=FULL
 * a commit costs an fsync, and sixteen writers queued behind each other would pay sixteen.
 */
import type Database from 'better-sqlite3';
import type { DeleteResult, KeyValue } from '../interface.js';
import { conflict, keyExists, keyNotFound, StorageError } from '../errors.js';
import { type LogRow, type LogStatements, toKeyValue } from './log.js';

/** One write, as queued. `expiresAt` is absolute (ms since epoch), computed from the clock at enqueue. */
export type WriteOp =
  | { kind: 'create'; key: string; value: string; ttlSeconds: number; expiresAt: number | null }
  | {
      kind: 'update';
      key: string;
      value: string;
      expectedModRevision: number;
      ttlSeconds: number;
      expiresAt: number | null;
    }
  | { kind: 'delete'; key: string; expectedModRevision: number | undefined };

/** What a write resolves to, by kind. */
export type WriteResult<K extends WriteOp['kind']> = K extends 'delete' ? DeleteResult : KeyValue;

interface Pending {
  op: WriteOp;
  resolve: (r: KeyValue | DeleteResult) => void;
  reject: (e: unknown) => void;
}

export interface GroupCommitterDeps {
  db: Database.Database;
  statements: LogStatements;
  /** The revision the last committed transaction ended at. */
  revision: number;
  /**
   * Called synchronously right after each commit with the rows it appended, in revision order, before any
   * writer's promise settles: the watch hub relies on this to see commits in order and without gaps.
   */
  onCommit: (rows: LogRow[]) => void;
  /** Turns a SQLite failure of the whole transaction into a StorageError. */
  mapError: (err: unknown) => StorageError;
  /** Upper bound on writes per transaction, so one huge batch does not stall the event loop. */
  maxBatch?: number;
}

/** Counters for tests and metrics. */
export interface GroupCommitStats {
  /** Transactions committed. */
  commits: number;
  /** Writes that succeeded. */
  writes: number;
  /** Writes that failed on their own precondition (KeyExists, Conflict, KeyNotFound). */
  rejected: number;
}

/**
 * Queues writes and flushes them in one transaction per event-loop turn.
 *
 * Writes apply in the order they were enqueued; each one's precondition is checked inside the transaction
 * against the state the earlier writes of the same batch left, and a failed precondition fails only that
 * write. A promise settles only after the transaction holding its write committed (or rolled back: then every
 * write of the batch fails with the mapped error, and none of them happened).
 */
export class GroupCommitter {
  private queue: Pending[] = [];
  private scheduled = false;
  private closed = false;
  private committed: number;
  private readonly maxBatch: number;
  readonly stats: GroupCommitStats = { commits: 0, writes: 0, rejected: 0 };

  constructor(private readonly deps: GroupCommitterDeps) {
    this.committed = deps.revision;
    this.maxBatch = deps.maxBatch ?? 1000;
  }

  /** The revision of the newest committed write. */
  get revision(): number {
    return this.committed;
  }

  enqueue<K extends WriteOp['kind']>(op: WriteOp & { kind: K }): Promise<WriteResult<K>> {
    if (this.closed) return Promise.reject(new StorageError('Unavailable', 'the sqlite store is closed', op.key));
    return new Promise<WriteResult<K>>((resolve, reject) => {
      this.queue.push({ op, resolve: resolve as Pending['resolve'], reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not a microtask: it lets every writer that is ready in this turn (e.g. all the awaits
        // that resolved with the previous batch) enqueue before we commit.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits everything queued now (used by close; normally flushes run on their own). */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.commit(batch);
      if (this.queue.length > 0 && !this.closed) {
        // Let reads and other I/O run between large batches instead of draining everything in one go.
        this.scheduled = true;
        setImmediate(() => this.flush());
        return;
      }
    }
  }

  /** Commits what is queued and refuses further writes. */
  close(): void {
    this.closed = true;
    this.flush();
  }

  private commit(batch: Pending[]): void {
    const outcomes: ({ ok: KeyValue | DeleteResult } | { err: StorageError })[] = [];
    const rows: LogRow[] = [];
    let next = this.committed;
    const { db } = this.deps;
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        for (const { op } of batch) {
          const out = this.apply(op, next + 1);
          if ('row' in out) {
            rows.push(out.row);
            next = out.row.id;
            outcomes.push({ ok: out.result });
          } else {
            outcomes.push({ err: out.err });
          }
        }
        db.exec('COMMIT');
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    } catch (err) {
      const mapped = this.deps.mapError(err);
      for (const p of batch) p.reject(mapped);
      return;
    }
    this.committed = next;
    this.stats.commits++;
    try {
      if (rows.length) this.deps.onCommit(rows);
    } finally {
      // The writes are durable whatever a subscriber did, so their callers hear about it in any case.
      batch.forEach((p, i) => {
        const o = outcomes[i]!;
        if ('ok' in o) {
          this.stats.writes++;
          p.resolve(o.ok);
        } else {
          this.stats.rejected++;
          p.reject(o.err);
        }
      });
    }
  }

  /** Checks one write's precondition against the latest row and appends its row at revision `id`. */
  private apply(op: WriteOp, id: number): { row: LogRow; result: KeyValue | DeleteResult } | { err: StorageError } {
    const { statements } = this.deps;
    const latest = statements.latest.get(op.key);
    const live = latest && !latest.deleted ? latest : undefined;
    let row: LogRow;
    switch (op.kind) {
      case 'create':
        if (live) return { err: keyExists(op.key) };
        row = {
          id,
          name: op.key,
          created: 1,
          deleted: 0,
          create_revision: id,
          prev_revision: latest?.id ?? 0,
          lease: op.ttlSeconds,
          expires_at: op.expiresAt,
          value: op.value,
          old_value: null,
        };
        break;
      case 'update':
        if (!live) return { err: keyNotFound(op.key) };
        if (live.id !== op.expectedModRevision) return { err: conflict(op.key, op.expectedModRevision, live.id) };
        row = {
          id,
          name: op.key,
          created: 0,
          deleted: 0,
          create_revision: live.create_revision,
          prev_revision: live.id,
          lease: op.ttlSeconds,
          expires_at: op.expiresAt,
          value: op.value,
          old_value: live.value,
        };
        break;
      case 'delete':
        if (!live) return { err: keyNotFound(op.key) };
        if (op.expectedModRevision !== undefined && live.id !== op.expectedModRevision) {
          return { err: conflict(op.key, op.expectedModRevision, live.id) };
        }
        row = {
          id,
          name: op.key,
          created: 0,
          deleted: 1,
          create_revision: live.create_revision,
          prev_revision: live.id,
          lease: 0,
          expires_at: null,
          value: live.value,
          old_value: live.value,
        };
        break;
    }
    statements.insert.run(row);
    return { row, result: row.deleted ? { prev: toKeyValue(live!), revision: id } : toKeyValue(row) };
  }
}
