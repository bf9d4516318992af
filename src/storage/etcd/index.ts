/** The etcd 3.4 storage backend. */
export { EtcdStore, openEtcdStore, type EtcdStoreOptions } from './store.js';
