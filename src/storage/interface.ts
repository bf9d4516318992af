/**
 * The storage contract every backend (SQLite log, etcd 3.4) and the watch cache implement.
 *
 * It has etcd's semantics: a single global revision that every write bumps by one, each key carrying the
 * revision that created it and the revision of its last modification, optimistic concurrency on that mod
 * revision, reads at a past revision until it is compacted, and watches that replay history from any
 * revision that has not been compacted yet.
 *
 * Values are opaque strings (JSON today): the store never parses them.
 */

/** One key as stored at some revision. */
export interface KeyValue {
  key: string;
  value: string;
  /** Revision of the write that created this incarnation of the key. */
  createRevision: number;
  /** Revision of the last write to the key; the object's resourceVersion. */
  modRevision: number;
  /** TTL in seconds the key was written with (0 = no expiry). */
  ttl: number;
}

export interface ListOptions {
  /** Maximum number of items to return; 0 or absent means all. */
  limit?: number;
  /**
   * Opaque token from a previous page's `continue`. The next page is served at the same revision as the first,
   * so paging is stable under concurrent writes; if that revision was compacted the call fails with Expired.
   */
  continue?: string;
  /** Serve the list as of this revision (must not be compacted, must not be in the future). 0 = current. */
  revision?: number;
  /**
   * `Exact` (default): the state at exactly `revision`. `NotOlderThan`: any state at or after `revision`; the
   * watch cache answers these from memory, a backend may answer with the state at `revision` or later.
   */
  revisionMatch?: 'Exact' | 'NotOlderThan';
}

export interface ListResult {
  items: KeyValue[];
  /** The revision the list was served at (the list's resourceVersion). */
  revision: number;
  /** Set when more items remain: pass it back as ListOptions.continue. */
  continue?: string;
  /** How many items remain after this page (only set with `continue`). */
  remainingItemCount?: number;
}

export interface WriteOptions {
  /** Expire the key this many seconds after the write (0 or absent: never). Events use 3600. */
  ttlSeconds?: number;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  key: string;
  /** The new value; for DELETED, the last value the key had. */
  value: string;
  /** The value before this event (absent for ADDED). */
  prevValue?: string;
  /** The revision of this event. For DELETED it is the deletion's revision. */
  revision: number;
  /** The create revision of the key's incarnation this event belongs to. */
  createRevision: number;
}

/**
 * A stream of events under a prefix, in non-decreasing revision order (one revision may carry several events,
 * e.g. keys sharing an expired etcd lease), never skipping or repeating an event, starting exactly after the
 * revision the watch was opened at. Iterating it yields events until `close()` is called (then iteration ends)
 * or the watch fails (then iteration throws a StorageError, e.g. Expired when the start was compacted).
 */
export interface Watch extends AsyncIterable<WatchEvent> {
  close(): void;
}

export interface DeleteResult {
  /** The key's last value before the delete. */
  prev: KeyValue;
  /** Revision of the delete itself. */
  revision: number;
}

/**
 * Update function for guaranteedUpdate: given the current value (undefined when the key is absent) return the
 * new value, or `undefined` to leave the key unchanged. Thrown errors abort the update and propagate. It may be
 * called several times (once per conflict retry) and must therefore be free of side effects.
 */
export type UpdateFunc = (
  current: KeyValue | undefined,
) => { value: string; ttlSeconds?: number } | undefined | Promise<{ value: string; ttlSeconds?: number } | undefined>;

/**
 * The store. All methods are safe to call concurrently; each write is atomic and durable once its promise
 * resolves. Keys must start with `/registry/`; anything else is rejected with InvalidKey.
 */
export interface Store {
  /** The key's current value, or undefined. */
  get(key: string): Promise<KeyValue | undefined>;
  /** Keys under `prefix` in key order. See ListOptions for paging and revision semantics. */
  list(prefix: string, options?: ListOptions): Promise<ListResult>;
  /** Number of live keys under `prefix`. */
  count(prefix: string): Promise<number>;
  /** Creates the key; fails with KeyExists if it exists. */
  create(key: string, value: string, options?: WriteOptions): Promise<KeyValue>;
  /**
   * Replaces the value if the key's mod revision equals `expectedModRevision`; fails with Conflict when it
   * differs and with KeyNotFound when the key is absent.
   */
  update(key: string, value: string, expectedModRevision: number, options?: WriteOptions): Promise<KeyValue>;
  /**
   * Deletes the key, if given only when its mod revision equals `expectedModRevision` (Conflict otherwise).
   * Fails with KeyNotFound when absent.
   */
  delete(key: string, expectedModRevision?: number): Promise<DeleteResult>;
  /**
   * Read-modify-write retried on Conflict until it succeeds. Creates the key when absent and `fn` returns a
   * value. Returns the stored KeyValue (the current one if `fn` returned undefined; undefined if absent).
   */
  guaranteedUpdate(key: string, fn: UpdateFunc): Promise<KeyValue | undefined>;
  /** Watches keys under `prefix` starting exactly after `fromRevision` (0 = from now). */
  watch(prefix: string, fromRevision: number): Watch;
  /** Discards history up to and including revision `revision` (latest value of each key is kept). */
  compact(revision: number): Promise<void>;
  /** The newest revision written. */
  currentRevision(): Promise<number>;
  /** The newest compacted revision (reads at and watches from revisions below it fail with Expired). */
  compactedRevision(): Promise<number>;
  /** Stops background work and releases resources. */
  close(): Promise<void>;
}

export const REGISTRY_PREFIX = '/registry/';
