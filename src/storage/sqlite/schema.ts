/**
 * Opening the database file: locking, pragmas, and creating or validating the schema.
 *
 * The log table is append-only and its row id is the revision: every create, update and delete appends one
 * row, so history (for past reads and watch replay) is simply the rows below the current id. Compaction is the
 * only thing that ever deletes rows.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StorageError } from '../errors.js';

/** The schema version this code writes and understands. Bump it with a migration when the schema changes. */
export const SCHEMA_VERSION = 1;

/** `PRAGMA application_id` of k8ts databases ("k8ts" in ASCII), so foreign SQLite files are recognised as such. */
export const APPLICATION_ID = 0x6b387473;

/** The persistent state the store reads at open, besides the log itself. */
export interface OpenedDatabase {
  db: Database.Database;
  /** The newest revision ever written (survives compaction of the newest row). */
  currentRevision: number;
  /** Reads below this revision fail with Expired. */
  compactRevision: number;
  /** How far compaction actually deleted rows; below compactRevision after a crash mid-compaction. */
  compactedThrough: number;
}

const CREATE_SCHEMA = `
CREATE TABLE kine (
  id              INTEGER PRIMARY KEY AUTOINCREMENT, -- the revision; AUTOINCREMENT so ids are never reused
  name            TEXT    NOT NULL,
  created         INTEGER NOT NULL,                 -- 1: this row creates an incarnation of the key
  deleted         INTEGER NOT NULL,                 -- 1: tombstone
  create_revision INTEGER NOT NULL,
  prev_revision   INTEGER NOT NULL,                 -- id of the previous row of this key, 0 if none
  lease           INTEGER NOT NULL,                 -- ttl in seconds, 0 = none
  expires_at      INTEGER,                          -- ms since epoch, NULL = never
  value           TEXT    NOT NULL,                 -- for tombstones: the last value
  old_value       TEXT                              -- the value before this row (NULL for creates)
);
CREATE INDEX kine_name_id ON kine (name, id);
CREATE INDEX kine_expires_at ON kine (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
`;

const KINE_COLUMNS = [
  'id',
  'name',
  'created',
  'deleted',
  'create_revision',
  'prev_revision',
  'lease',
  'expires_at',
  'value',
  'old_value',
];

/** Maps SQLite's error codes to storage errors that name the file. */
export function sqliteError(path: string, err: unknown, doing: string): StorageError {
  if (err instanceof StorageError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const msg = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StorageError(
      'Unavailable',
      `sqlite database ${path} is in use by another process (${msg}); only one k8ts server may open it`,
      undefined,
      { cause: err },
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_INDEX') {
    return new StorageError('Corrupt', `sqlite database ${path} is corrupt while ${doing}: ${msg}`, undefined, {
      cause: err,
    });
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR') {
    return new StorageError('Unavailable', `sqlite database ${path}: ${msg} while ${doing}`, undefined, {
      cause: err,
    });
  }
  return new StorageError('Internal', `sqlite database ${path}: ${msg} while ${doing}`, undefined, { cause: err });
}

const corrupt = (path: string, problem: string) =>
  new StorageError('Corrupt', `sqlite database ${path} is not a usable k8ts database: ${problem}`);

/**
 * Opens (creating if absent) the database at `path` and holds it exclusively for this process.
 *
 * A file that is not a k8ts database, was written by a newer k8ts, or is damaged fails with Corrupt and is left
 * untouched: the caller decides what to do with it, we never recreate or drop data. A file another process
 * holds fails with Unavailable. `:memory:` opens a private in-memory database (for tests). Unless `verify` is
 * false, an existing file's pages are checked (PRAGMA quick_check) before it is used.
 */
export function openDatabase(path: string, options: { verify?: boolean } = {}): OpenedDatabase {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    // timeout 0: waiting on a lock is pointless, the holder never releases it (exclusive locking mode).
    db = new Database(path, { timeout: 0 });
  } catch (err) {
    throw sqliteError(path, err, 'opening');
  }
  try {
    // EXCLUSIVE locking before the first read: the connection then holds the file lock until close, which is
    // what makes a second process fail fast, and it lets WAL run without the shared-memory file.
    db.pragma('locking_mode = EXCLUSIVE');
    const fresh = inspect(db, path);
    // A header and schema can be intact while pages further in are not; better to refuse at open (about 1 s
    // per GB) than to fail in the middle of serving. quick_check skips the costly index-content comparison.
    if (!fresh && options.verify !== false) {
      const problems = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
      const text = problems.map((p) => p.quick_check);
      if (text.join() !== 'ok') throw corrupt(path, `integrity check failed: ${text.join('; ')}`);
    }
    // Only now, after the file proved to be ours (or empty), may anything be written to it.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && !memory) throw corrupt(path, `cannot switch to WAL journal mode (got ${String(mode)})`);
    // FULL: a commit is fsynced before it is acknowledged, so acknowledged writes survive power loss/kill -9.
    db.pragma('synchronous = FULL');
    // After a checkpoint, truncate a WAL that a burst (or a big compaction) blew up, instead of keeping it.
    db.pragma('journal_size_limit = 67108864');
    // Take the write lock now rather than at the first write, so a second opener fails at open time.
    db.exec('BEGIN IMMEDIATE');
    try {
      if (fresh) {
        db.exec(CREATE_SCHEMA);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        put.run('schema_version', SCHEMA_VERSION);
        put.run('compact_revision', 0);
        put.run('compacted_through', 0);
      }
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
    return { db, ...readState(db, path) };
  } catch (err) {
    db.close();
    throw sqliteError(path, err, 'opening');
  }
}

/** Checks the file is empty or a k8ts database of a version we understand; returns true when empty. */
function inspect(db: Database.Database, path: string): boolean {
  const objects = db.prepare(`SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`).all() as {
    type: string;
    name: string;
  }[];
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (objects.length === 0) {
    if (appId !== 0 && appId !== APPLICATION_ID) throw corrupt(path, `foreign application_id ${appId}`);
    return true;
  }
  if (appId !== APPLICATION_ID) {
    const names = objects.map((o) => `${o.type} ${o.name}`).join(', ');
    throw corrupt(path, `it belongs to another application (application_id ${appId}; contains ${names})`);
  }
  const tables = new Set(objects.filter((o) => o.type === 'table').map((o) => o.name));
  for (const t of ['kine', 'meta']) if (!tables.has(t)) throw corrupt(path, `table ${t} is missing`);
  const columns = (db.prepare(`SELECT name FROM pragma_table_info('kine')`).all() as { name: string }[]).map(
    (c) => c.name,
  );
  const missing = KINE_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) throw corrupt(path, `table kine lacks columns ${missing.join(', ')}`);
  const version = db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).pluck().get() as number | undefined;
  if (version === undefined) throw corrupt(path, 'meta has no schema_version');
  if (version > SCHEMA_VERSION) {
    throw corrupt(path, `schema version ${version} is newer than this k8ts supports (${SCHEMA_VERSION}); upgrade k8ts`);
  }
  if (version < SCHEMA_VERSION) {
    // There is no older version yet; when there is, migrate here inside the BEGIN IMMEDIATE transaction.
    throw corrupt(path, `schema version ${version} is unknown`);
  }
  return false;
}

function readState(db: Database.Database, path: string): Omit<OpenedDatabase, 'db'> {
  const meta = (key: string): number => {
    const v = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key);
    if (typeof v !== 'number' && typeof v !== 'bigint') throw corrupt(path, `meta has no ${key}`);
    return Number(v);
  };
  const compactRevision = meta('compact_revision');
  const compactedThrough = meta('compacted_through');
  // sqlite_sequence remembers the highest id ever used even if compaction deleted that row (a tombstone).
  const seq = Number(db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'kine'`).pluck().get() ?? 0);
  const maxId = Number(db.prepare('SELECT MAX(id) FROM kine').pluck().get() ?? 0);
  return { currentRevision: Math.max(seq, maxId, compactRevision), compactRevision, compactedThrough };
}
