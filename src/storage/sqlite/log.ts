/**
 * The SQL of the log, as prepared statements, and the mapping from rows to KeyValues and WatchEvents.
 *
 * Every query that reads "the state at revision R" picks, per name, the row with the largest id <= R and
 * ignores it if it is a tombstone; the (name, id) index makes that a range scan of the prefix.
 */
import type Database from 'better-sqlite3';
import type { KeyValue, WatchEvent } from '../interface.js';

/** One row of the `kine` table. */
export interface LogRow {
  id: number;
  name: string;
  created: number;
  deleted: number;
  create_revision: number;
  prev_revision: number;
  lease: number;
  expires_at: number | null;
  value: string;
  old_value: string | null;
}

/** The key as of this row (the row must not be a tombstone). */
export const toKeyValue = (row: LogRow): KeyValue => ({
  key: row.name,
  value: row.value,
  createRevision: row.create_revision,
  modRevision: row.id,
  ttl: row.lease,
});

/** The event this row is: a tombstone is DELETED, a creating row ADDED, anything else MODIFIED. */
export function toWatchEvent(row: LogRow): WatchEvent {
  const event: WatchEvent = {
    type: row.deleted ? 'DELETED' : row.created ? 'ADDED' : 'MODIFIED',
    key: row.name,
    value: row.value,
    revision: row.id,
    createRevision: row.create_revision,
  };
  if (!row.created && row.old_value !== null) event.prevValue = row.old_value;
  return event;
}

// The latest row id per name in [start, end) at or below a revision.
const LATEST_IDS = `SELECT MAX(id) AS id FROM kine WHERE name >= @start AND name < @end AND id <= @rev GROUP BY name`;

/** All statements the store runs, prepared once per connection. */
export class LogStatements {
  /** Latest row of one name (any revision). */
  readonly latest: Database.Statement<[string], LogRow>;
  /** Appends a row; the writer chooses its id (the new revision). */
  readonly insert: Database.Statement<[LogRow]>;
  /** Live rows in [start, end) at revision `rev`, in name order, at most `limit`. */
  readonly listAt: Database.Statement<[{ start: string; end: string; rev: number; limit: number }], LogRow>;
  /** Number of live rows in [start, end) at revision `rev`. */
  readonly countAt: Database.Statement<[{ start: string; end: string; rev: number }], number>;
  /** Rows in [start, end) with from < id <= to, in id order: watch replay. */
  readonly history: Database.Statement<
    [{ start: string; end: string; from: number; to: number; limit: number }],
    LogRow
  >;
  /** Live current rows whose TTL ran out. */
  readonly expired: Database.Statement<[{ now: number; limit: number }], { id: number; name: string }>;
  readonly setMeta: Database.Statement<[number, string]>;
  /** Deletes every row superseded by a row with from < id <= to. */
  readonly compactSuperseded: Database.Statement<[{ from: number; to: number }]>;
  /** Deletes tombstones with from < id <= to (older rows of those keys went with compactSuperseded). */
  readonly compactTombstones: Database.Statement<[{ from: number; to: number }]>;

  constructor(db: Database.Database) {
    this.latest = db.prepare('SELECT * FROM kine WHERE name = ? ORDER BY id DESC LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO kine (id, name, created, deleted, create_revision, prev_revision, lease, expires_at, value, old_value)
       VALUES (@id, @name, @created, @deleted, @create_revision, @prev_revision, @lease, @expires_at, @value, @old_value)`,
    );
    // Ordering by the subquery's name (not k.name) lets SQLite stream the index order and stop at the limit
    // instead of sorting the whole prefix for every page.
    this.listAt = db.prepare(
      `SELECT k.* FROM (SELECT name, MAX(id) AS id FROM kine
                        WHERE name >= @start AND name < @end AND id <= @rev GROUP BY name ORDER BY name) m
       JOIN kine k ON k.id = m.id
       WHERE k.deleted = 0 ORDER BY m.name LIMIT @limit`,
    );
    this.countAt = db
      .prepare<[{ start: string; end: string; rev: number }], number>(
        `SELECT COUNT(*) FROM kine k JOIN (${LATEST_IDS}) m ON k.id = m.id WHERE k.deleted = 0`,
      )
      .pluck();
    this.history = db.prepare(
      `SELECT * FROM kine WHERE id > @from AND id <= @to AND name >= @start AND name < @end
       ORDER BY id LIMIT @limit`,
    );
    // Only the newest row of a name counts: an older row's expiry was replaced by the write that followed it.
    this.expired = db.prepare(
      `SELECT k.id, k.name FROM kine k
       WHERE k.expires_at IS NOT NULL AND k.expires_at <= @now AND k.deleted = 0
         AND k.id = (SELECT MAX(id) FROM kine l WHERE l.name = k.name)
       ORDER BY k.expires_at LIMIT @limit`,
    );
    this.setMeta = db.prepare('UPDATE meta SET value = ? WHERE key = ?');
    this.compactSuperseded = db.prepare(
      `DELETE FROM kine WHERE id IN (
         SELECT older.id FROM kine newer JOIN kine older ON older.name = newer.name AND older.id < newer.id
         WHERE newer.id > @from AND newer.id <= @to)`,
    );
    this.compactTombstones = db.prepare('DELETE FROM kine WHERE id > @from AND id <= @to AND deleted = 1');
  }
}
