/**
 * The informer cache: a keyed store with secondary indexes (client-go tools/cache thread_safe_store.go,
 * index.go). Keys are `namespace/name` (just `name` for cluster-scoped objects).
 */
import { metaNamespaceKey } from '../../apimachinery/meta.js';
import type { KubeObject } from '../rest/types.js';
import { DeletedFinalStateUnknown } from './tombstone.js';

/** Computes an object's store key. */
export type KeyFunc<T> = (obj: T) => string;
/** Computes the values an object is indexed under (any number, including none). */
export type IndexFunc<T> = (obj: T) => string[];
/** Named index functions. */
export type Indexers<T> = Record<string, IndexFunc<T>>;

/** The name of the by-namespace index every informer has. */
export const NAMESPACE_INDEX = 'namespace';

/** `namespace/name`; a tombstone's recorded key (cache.DeletionHandlingMetaNamespaceKeyFunc). */
export function metaNamespaceKeyFunc(obj: KubeObject | DeletedFinalStateUnknown<unknown>): string {
  if (obj instanceof DeletedFinalStateUnknown) return obj.key;
  const meta = obj.metadata;
  if (!meta?.name) throw new Error('object has no metadata.name');
  return metaNamespaceKey(meta);
}

/** Indexes by `metadata.namespace` (`''` for cluster-scoped objects). */
export function metaNamespaceIndexFunc(obj: KubeObject): string[] {
  return [obj.metadata?.namespace ?? ''];
}

/**
 * A keyed object store with indexes.
 *
 * Contract: every method is synchronous and atomic (JavaScript runs one call at a time), so readers always see
 * a consistent store and indexes. `add`/`update` are the same operation (upsert by key) and are idempotent;
 * `delete` of a missing key is a no-op. Objects are stored as given, not copied: callers must treat them as
 * read-only (informers freeze them). `list` order is unspecified.
 */
export interface Indexer<T> {
  add(obj: T): void;
  update(obj: T): void;
  delete(obj: T): void;
  /** Replaces the whole content (a relist). */
  replace(objs: readonly T[]): void;
  get(obj: T): T | undefined;
  getByKey(key: string): T | undefined;
  list(): T[];
  listKeys(): string[];
  /** Objects sharing any `indexName` value with `obj`. */
  index(indexName: string, obj: T): T[];
  /** Keys of the objects indexed under `value`. */
  indexKeys(indexName: string, value: string): string[];
  /** Objects indexed under `value`. */
  byIndex(indexName: string, value: string): T[];
  /** The values `indexName` currently holds. */
  listIndexFuncValues(indexName: string): string[];
  /** Adds index functions; existing objects are indexed at once. Throws if a name is taken. */
  addIndexers(indexers: Indexers<T>): void;
  getIndexers(): Readonly<Indexers<T>>;
}

/** The standard {@link Indexer}. */
export class CacheIndexer<T> implements Indexer<T> {
  private readonly items = new Map<string, T>();
  private readonly indexers: Indexers<T> = {};
  /** index name → value → keys */
  private readonly indices = new Map<string, Map<string, Set<string>>>();

  constructor(
    private readonly keyFunc: KeyFunc<T>,
    indexers: Indexers<T> = {},
  ) {
    this.addIndexers(indexers);
  }

  add(obj: T): void {
    const key = this.keyFunc(obj);
    const old = this.items.get(key);
    this.items.set(key, obj);
    this.reindex(key, old, obj);
  }

  update(obj: T): void {
    this.add(obj);
  }

  delete(obj: T): void {
    const key = this.keyFunc(obj);
    const old = this.items.get(key);
    if (old === undefined) return;
    this.items.delete(key);
    this.reindex(key, old, undefined);
  }

  replace(objs: readonly T[]): void {
    this.items.clear();
    for (const idx of this.indices.values()) idx.clear();
    for (const obj of objs) this.add(obj);
  }

  get(obj: T): T | undefined {
    return this.items.get(this.keyFunc(obj));
  }

  getByKey(key: string): T | undefined {
    return this.items.get(key);
  }

  list(): T[] {
    return [...this.items.values()];
  }

  listKeys(): string[] {
    return [...this.items.keys()];
  }

  index(indexName: string, obj: T): T[] {
    const fn = this.indexFunc(indexName);
    const keys = new Set<string>();
    for (const v of fn(obj)) for (const k of this.indices.get(indexName)!.get(v) ?? []) keys.add(k);
    return [...keys].map((k) => this.items.get(k)!);
  }

  indexKeys(indexName: string, value: string): string[] {
    this.indexFunc(indexName);
    return [...(this.indices.get(indexName)!.get(value) ?? [])];
  }

  byIndex(indexName: string, value: string): T[] {
    return this.indexKeys(indexName, value).map((k) => this.items.get(k)!);
  }

  listIndexFuncValues(indexName: string): string[] {
    this.indexFunc(indexName);
    return [...this.indices.get(indexName)!.keys()];
  }

  addIndexers(indexers: Indexers<T>): void {
    for (const name of Object.keys(indexers)) {
      if (Object.hasOwn(this.indexers, name)) throw new Error(`indexer conflict: ${name}`);
    }
    for (const [name, fn] of Object.entries(indexers)) {
      this.indexers[name] = fn;
      const idx = new Map<string, Set<string>>();
      this.indices.set(name, idx);
      for (const [key, obj] of this.items) for (const v of fn(obj)) addTo(idx, v, key);
    }
  }

  getIndexers(): Readonly<Indexers<T>> {
    return { ...this.indexers };
  }

  private indexFunc(indexName: string): IndexFunc<T> {
    const fn = this.indexers[indexName];
    if (!fn) throw new Error(`index with name ${indexName} does not exist`);
    return fn;
  }

  private reindex(key: string, old: T | undefined, cur: T | undefined): void {
    for (const [name, fn] of Object.entries(this.indexers)) {
      const idx = this.indices.get(name)!;
      const oldValues = old === undefined ? [] : fn(old);
      const newValues = cur === undefined ? [] : fn(cur);
      // The common case (an update that does not move the object) touches nothing.
      if (oldValues.length === 1 && newValues.length === 1 && oldValues[0] === newValues[0]) continue;
      for (const v of oldValues) {
        const keys = idx.get(v);
        if (!keys) continue;
        keys.delete(key);
        if (keys.size === 0) idx.delete(v);
      }
      for (const v of newValues) addTo(idx, v, key);
    }
  }
}

function addTo(idx: Map<string, Set<string>>, value: string, key: string): void {
  let keys = idx.get(value);
  if (!keys) idx.set(value, (keys = new Set()));
  keys.add(key);
}

/** Freezes `value` and everything reachable from it, so cached objects cannot be mutated by accident. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}
