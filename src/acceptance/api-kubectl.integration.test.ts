import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEtcd, type EtcdProcess } from '../testing/etcd-process.js';
import { haveSharedScripts, runAcceptance, unexpectedFailures } from './shared-scripts.js';

/**
 * Issue 4's acceptance: ../shared/acceptance/api-kubectl.sh through with-server.sh, with kubectl 1.27, 1.32 and
 * 1.33, on the SQLite store and on etcd.
 */
const versions = ['1.27', '1.32', '1.33'];

/**
 * Checks of api-kubectl.sh that contradict upstream Kubernetes 1.33; k8ts follows upstream there.
 * - "bad json patch" wants kubectl to print `Error from server`. Upstream's PATCH handler answers a JSON patch
 *   that does not apply with NewGenericServerResponse(422, ...) — reason Invalid
 *   (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go, applyJSPatch) — and kubectl prints Invalid
 *   errors as `The request is invalid: ...`, never `Error from server`. The command still fails, as it should.
 */
const UPSTREAM_CONTRADICTIONS = new Map([['bad json patch', 'upstream answers 422 Invalid; kubectl prints "The request is invalid"']]);

describe('api-kubectl.sh acceptance', { skip: haveSharedScripts() ? false : 'no ../shared/acceptance here' }, () => {
  for (const v of versions) {
    test(`kubectl ${v} on sqlite`, async () => {
      const r = await runAcceptance('api-kubectl.sh', { kubectlVersion: v });
      assert.deepEqual(unexpectedFailures(r.output, UPSTREAM_CONTRADICTIONS), [], r.output);
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
        assert.deepEqual(unexpectedFailures(r.output, UPSTREAM_CONTRADICTIONS), [], r.output);
      });
    }
  });
});
