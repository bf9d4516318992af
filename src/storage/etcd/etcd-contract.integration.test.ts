/** Runs the shared Store contract against EtcdStore on a real etcd started for this file. */
import { describeStoreContract } from '../storage.contract.js';
import type { Store } from '../interface.js';
import { startEtcd, type EtcdProcess } from '../../testing/etcd-process.js';
import { openEtcdStore } from './store.js';

let etcd: EtcdProcess | undefined;

describeStoreContract('etcd', {
  async open(): Promise<Store> {
    etcd ??= await startEtcd();
    return openEtcdStore([etcd.endpoint]);
  },
  async reopen(store: Store): Promise<Store> {
    await store.close();
    await etcd!.restart();
    return openEtcdStore([etcd!.endpoint]);
  },
  async cleanup(): Promise<void> {
    await etcd?.cleanup();
    etcd = undefined;
  },
});
