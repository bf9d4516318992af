/**
 * The embedded storage backend: etcd semantics on an append-only SQLite log (the design of k3s's kine).
 *
 * One process owns the file (exclusive lock) and all access goes through one synchronous better-sqlite3
 * connection on the event loop, so reads always see exactly the committed state and the in-memory revision
 * counter is authoritative. Writes are group-committed (group-commit.ts), watches are served from the log plus
 * an in-process fan-out (watch.ts), and TTLs and compaction run in the background (ttl.ts, compact.ts).
 */
import type Database from 'better-sqlite3';
import type {
  DeleteResult,
  KeyValue,
  ListOptions,
  ListResult,
  Store,
  UpdateFunc,
  Watch,
  WriteOptions,
} from '../interface.js';
import { expired, futureRevision, isStorageError, StorageError } from '../errors.js';
import { decodeContinue, encodeContinue, prefixEnd, validateKey, validatePrefix } from '../keys.js';
import { type Clock, realClock } from '../../util/clock.js';
import { openDatabase, sqliteError } from './schema.js';
import { type LogRow, LogStatements, toKeyValue } from './log.js';
import { type GroupCommitStats, GroupCommitter } from './group-commit.js';
import { WatchHub } from './watch.js';
import { ExpirySweeper } from './ttl.js';
import { Compactor } from './compact.js';

/** Tunables of the SQLite store; every field is optional and defaults as documented. */
export interface SqliteStoreOptions {
  /** Time source for TTLs and background timers. Default: the real clock. */
  clock?: Clock;
  /** How often expired keys are deleted. Default 1000 ms. */
  ttlSweepIntervalMs?: number;
  /** How often the background compactor runs; 0 disables it. Default 5 minutes. */
  compactIntervalMs?: number;
  /** How many of the newest revisions the background compactor keeps. Default 1000. */
  compactRetain?: number;
  /** Revisions deleted per compaction transaction. Default 10,000. */
  compactChunk?: number;
  /** Live events one watch buffers for a slow consumer before it is failed with Unavailable. Default 10,000. */
  watchBufferSize?: number;
  /** Most writes per group-commit transaction. Default 1000. */
  maxBatchSize?: number;
  /** Check an existing file's integrity (PRAGMA quick_check, ~1 s per GB) at open. Default true. */
  verifyOnOpen?: boolean;
  /** Receives failures of background work (TTL sweeps, compaction), which is retried later. Default: console.error. */
  onBackgroundError?: (err: unknown) => void;
}

/** Counters exposed for tests and metrics. */
export interface SqliteStoreStats extends GroupCommitStats {
  /** Open watches. */
  watches: number;
}

/**
 * The SQLite-backed Store. Create it with {@link openSqliteStore}. All methods may be called concurrently;
 * writes are durable (fsynced) when their promise resolves.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements: LogStatements;
  private readonly committer: GroupCommitter;
  private readonly hub: WatchHub;
  private readonly sweeper: ExpirySweeper;
  private readonly compactor: Compactor;
  private readonly clock: Clock;
  private closing: Promise<void> | undefined;

  /** Opens the database at `path`; prefer {@link openSqliteStore}. Throws Corrupt or Unavailable. */
  constructor(
    /** The database file. */
    readonly path: string,
    options: SqliteStoreOptions = {},
  ) {
    const opened = openDatabase(path, { verify: options.verifyOnOpen });
    this.db = opened.db;
    this.clock = options.clock ?? realClock;
    const onError = options.onBackgroundError ?? ((err: unknown) => console.error(`sqlite store ${path}:`, err));
    const mapError = (err: unknown) => sqliteError(path, err, 'writing');
    try {
      this.statements = new LogStatements(this.db);
    } catch (err) {
      this.db.close();
      throw sqliteError(path, err, 'preparing statements');
    }
    this.hub = new WatchHub(
      {
        history: (prefix, from, to, limit) =>
          this.read('replaying history', () =>
            this.statements.history.all({ start: prefix, end: prefixEnd(prefix), from, to, limit }),
          ),
        compactRevision: () => this.compactor.compactRevision,
      },
      options.watchBufferSize ?? 10_000,
    );
    this.committer = new GroupCommitter({
      db: this.db,
      statements: this.statements,
      revision: opened.currentRevision,
      onCommit: (rows: LogRow[]) => this.hub.publish(rows),
      mapError,
      maxBatch: options.maxBatchSize ?? 1000,
    });
    this.sweeper = new ExpirySweeper({
      clock: this.clock,
      intervalMs: options.ttlSweepIntervalMs ?? 1000,
      findExpired: (now, limit) => this.read('finding expired keys', () => this.statements.expired.all({ now, limit })),
      deleteIfUnchanged: (key, modRevision) =>
        this.committer.enqueue({ kind: 'delete', key, expectedModRevision: modRevision }),
      onError,
    });
    this.compactor = new Compactor({
      db: this.db,
      statements: this.statements,
      clock: this.clock,
      chunk: options.compactChunk ?? 10_000,
      intervalMs: options.compactIntervalMs ?? 5 * 60_000,
      retain: options.compactRetain ?? 1000,
      compactRevision: opened.compactRevision,
      compactedThrough: opened.compactedThrough,
      currentRevision: () => this.committer.revision,
      mapError: (err) => sqliteError(path, err, 'compacting'),
      onError,
    });
    this.sweeper.start();
    if ((options.compactIntervalMs ?? 1) > 0) this.compactor.start();
  }

  async get(key: string): Promise<KeyValue | undefined> {
    validateKey(key);
    this.ensureOpen();
    return this.latest(key);
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListResult> {
    validatePrefix(prefix);
    this.ensureOpen();
    let revision = this.committer.revision;
    let start = prefix;
    if (options.continue) {
      // The token pins the first page's revision: later pages read that snapshot, not the live state.
      const token = decodeContinue(options.continue, prefix);
      revision = token.revision;
      start = token.startKey;
      this.checkReadable(revision);
    } else if (options.revision && options.revisionMatch === 'NotOlderThan') {
      // Any state at or after the revision will do, and the current one always is: only the future is refused.
      if (options.revision > revision) throw futureRevision(options.revision, revision);
    } else if (options.revision) {
      revision = options.revision;
      this.checkReadable(revision);
    }
    const limit = options.limit && options.limit > 0 ? Math.floor(options.limit) : 0;
    const end = prefixEnd(prefix);
    return this.read('listing', () => {
      // One row more than asked tells us whether there is a next page, and where it starts.
      const rows = this.statements.listAt.all({ start, end, rev: revision, limit: limit > 0 ? limit + 1 : -1 });
      const result: ListResult = { items: rows.slice(0, limit || undefined).map(toKeyValue), revision };
      if (limit > 0 && rows.length > limit) {
        const next = rows[limit]!.name;
        result.continue = encodeContinue(revision, prefix, next);
        result.remainingItemCount = this.statements.countAt.get({ start: next, end, rev: revision }) ?? 0;
      }
      return result;
    });
  }

  async count(prefix: string): Promise<number> {
    validatePrefix(prefix);
    this.ensureOpen();
    const rev = this.committer.revision;
    return this.read(
      'counting',
      () => this.statements.countAt.get({ start: prefix, end: prefixEnd(prefix), rev }) ?? 0,
    );
  }

  async create(key: string, value: string, options?: WriteOptions): Promise<KeyValue> {
    validateKey(key);
    this.ensureOpen();
    return this.committer.enqueue({ kind: 'create', key, value, ...this.expiry(key, options) });
  }

  async update(key: string, value: string, expectedModRevision: number, options?: WriteOptions): Promise<KeyValue> {
    validateKey(key);
    this.ensureOpen();
    return this.committer.enqueue({ kind: 'update', key, value, expectedModRevision, ...this.expiry(key, options) });
  }

  async delete(key: string, expectedModRevision?: number): Promise<DeleteResult> {
    validateKey(key);
    this.ensureOpen();
    return this.committer.enqueue({ kind: 'delete', key, expectedModRevision });
  }

  async guaranteedUpdate(key: string, fn: UpdateFunc): Promise<KeyValue | undefined> {
    validateKey(key);
    for (;;) {
      this.ensureOpen();
      const current = this.latest(key);
      const next = await fn(current);
      if (next === undefined) return current;
      const options = { ttlSeconds: next.ttlSeconds };
      try {
        return current
          ? await this.update(key, next.value, current.modRevision, options)
          : await this.create(key, next.value, options);
      } catch (err) {
        // Someone else wrote (or created, or deleted) the key since we read it: read again and retry.
        if (isStorageError(err, 'Conflict') || isStorageError(err, 'KeyExists') || isStorageError(err, 'KeyNotFound')) {
          continue;
        }
        throw err;
      }
    }
  }

  /**
   * Watches `prefix` from after `fromRevision` (0 = now). An invalid prefix throws here; a compacted start
   * revision, a closed store and a consumer that falls `watchBufferSize` events behind make the iteration throw
   * (Expired, Unavailable, Unavailable). After Unavailable a caller re-watches from the last revision it saw.
   */
  watch(prefix: string, fromRevision: number): Watch {
    validatePrefix(prefix);
    // Synchronous with respect to commits: the revision read here is exactly where replay ends and live begins.
    const watch = this.hub.open(prefix, Math.max(0, Math.floor(fromRevision) || 0), this.committer.revision);
    if (this.closing) watch.fail(new StorageError('Unavailable', `the sqlite store ${this.path} is closed`));
    return watch;
  }

  async compact(revision: number): Promise<void> {
    this.ensureOpen();
    return this.compactor.compact(revision);
  }

  async currentRevision(): Promise<number> {
    return this.committer.revision;
  }

  async compactedRevision(): Promise<number> {
    return this.compactor.compactRevision;
  }

  /** Runs a TTL sweep now (the background sweeper does this every ttlSweepIntervalMs); resolves with the count. */
  sweepExpired(): Promise<number> {
    this.ensureOpen();
    return this.sweeper.sweep();
  }

  stats(): SqliteStoreStats {
    return { ...this.committer.stats, watches: this.hub.size };
  }

  /**
   * Stops background work, commits writes already queued, ends all watches and releases the file (and its
   * lock). Calls after close fail with Unavailable; close itself is idempotent.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.sweeper.stop();
      await this.compactor.stop();
      this.committer.close();
      this.hub.closeAll();
      this.db.close();
    })();
    return this.closing;
  }

  private latest(key: string): KeyValue | undefined {
    const row = this.read('reading', () => this.statements.latest.get(key));
    return row && !row.deleted ? toKeyValue(row) : undefined;
  }

  private expiry(key: string, options: WriteOptions | undefined): { ttlSeconds: number; expiresAt: number | null } {
    const ttl = options?.ttlSeconds ?? 0;
    if (!Number.isFinite(ttl) || ttl < 0) {
      throw new StorageError('Internal', `invalid ttlSeconds ${ttl} for ${key}: must be a non-negative number`, key);
    }
    const ttlSeconds = Math.ceil(ttl);
    return { ttlSeconds, expiresAt: ttlSeconds > 0 ? this.clock.now() + ttlSeconds * 1000 : null };
  }

  /** Reads at or after the compact revision and not beyond the newest one are servable. */
  private checkReadable(revision: number): void {
    const current = this.committer.revision;
    if (revision > current) throw futureRevision(revision, current);
    const compacted = this.compactor.compactRevision;
    if (revision < compacted) throw expired(revision, compacted);
  }

  private ensureOpen(): void {
    if (this.closing) throw new StorageError('Unavailable', `the sqlite store ${this.path} is closed`);
  }

  private read<T>(doing: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw sqliteError(this.path, err, doing);
    }
  }
}

/** Opens (creating if needed) the SQLite store at `path`. See {@link SqliteStore} and {@link SqliteStoreOptions}. */
export function openSqliteStore(path: string, options?: SqliteStoreOptions): SqliteStore {
  return new SqliteStore(path, options);
}
