import { describeStoreContract, type StoreHarness } from './storage.contract.js';
import { openEtcdStore } from './etcd/index.js';
import { CachingStore } from './cacher/caching-store.js';
import { startEtcd, type EtcdProcess } from '../testing/etcd-process.js';
import type { Store } from './interface.js';

function etcdHarness(cached: boolean): StoreHarness {
  let etcd: EtcdProcess | undefined;
  const open = async (): Promise<Store> => {
    const s = await openEtcdStore([etcd!.endpoint]);
    return cached ? new CachingStore(s) : s;
  };
  return {
    async open() {
      etcd = await startEtcd();
      return open();
    },
    async reopen(store) {
      await store.close();
      await etcd!.restart();
      return open();
    },
    async cleanup() {
      await etcd?.cleanup();
    },
  };
}

describeStoreContract('etcd', etcdHarness(false));
describeStoreContract('etcd behind the watch cache', etcdHarness(true));
