import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEtcd, type EtcdProcess } from '../testing/etcd-process.js';
import { haveSharedScripts, runAcceptance } from './shared-scripts.js';

/**
 * Issue 4's acceptance: ../shared/acceptance/api-kubectl.sh through with-server.sh, with kubectl 1.27, 1.32 and
 * 1.33, on the SQLite store and on etcd.
 */
const versions = ['1.27', '1.32', '1.33'];

describe('api-kubectl.sh acceptance', { skip: haveSharedScripts() ? false : 'no ../shared/acceptance here' }, () => {
  for (const v of versions) {
    test(`kubectl ${v} on sqlite`, async () => {
      const r = await runAcceptance('api-kubectl.sh', { kubectlVersion: v });
      assert.equal(r.code, 0, r.output);
      assert.match(r.output, /\d+ passed, 0 failed/);
    });
  }
  describe('on etcd', () => {
    let etcd: EtcdProcess | undefined;
    before(async () => {
      etcd = await startEtcd();
    });
    after(async () => {
      await etcd?.cleanup();
    });
    for (const v of versions) {
      test(`kubectl ${v} on etcd`, async () => {
        const r = await runAcceptance('api-kubectl.sh', { kubectlVersion: v, serverArgs: `--datastore etcd:${etcd!.endpoint}` });
        assert.equal(r.code, 0, r.output);
        assert.match(r.output, /\d+ passed, 0 failed/);
      });
    }
  });
});
