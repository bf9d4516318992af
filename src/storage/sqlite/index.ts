/** The embedded SQLite storage backend. */
export { openSqliteStore, SqliteStore, type SqliteStoreOptions, type SqliteStoreStats } from './store.js';
