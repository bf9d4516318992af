import type { Store } from './interface.js';
import type { DatastoreSpec } from './datastore.js';
import { openSqliteStore } from './sqlite/index.js';
import { openEtcdStore } from './etcd/index.js';
import { CachingStore, type CachingStoreOptions } from './cacher/caching-store.js';

/** Opens the backend a DatastoreSpec names. The caller owns the store and must close it. */
export async function openBackend(spec: DatastoreSpec): Promise<Store> {
  return spec.kind === 'sqlite' ? openSqliteStore(spec.path) : openEtcdStore(spec.endpoints);
}

/** Opens the backend behind the watch cache: what the API server uses. */
export async function openCachedStore(spec: DatastoreSpec, options?: CachingStoreOptions): Promise<CachingStore> {
  return new CachingStore(await openBackend(spec), options);
}
