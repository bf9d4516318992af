import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreContract, type StoreHarness } from './storage.contract.js';
import { openSqliteStore } from './sqlite/index.js';
import { CachingStore } from './cacher/caching-store.js';
import type { Store } from './interface.js';

function sqliteHarness(cached: boolean): StoreHarness {
  let dir: string | undefined;
  const open = (): Store => {
    const s = openSqliteStore(join(dir!, 'state.db'));
    return cached ? new CachingStore(s) : s;
  };
  return {
    async open() {
      dir = mkdtempSync(join(tmpdir(), 'k8ts-sqlite-contract-'));
      return open();
    },
    async reopen(store) {
      await store.close();
      return open();
    },
    async cleanup() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeStoreContract('sqlite', sqliteHarness(false));
describeStoreContract('sqlite behind the watch cache', sqliteHarness(true));
