/**
 * Writes pod statuses to the API (pkg/kubelet/status/status_manager.go): a patch of the status
 * subresource, sent only when the status differs from both what the API shows and what this manager last
 * wrote (the informer may lag behind our own write).
 */
import { isConflict, isInvalid, isNotFound } from '../../apimachinery/errors.js';
import type { ResourceClient } from '../../client/rest/resource-client.js';
import type { ApiPod, ApiPodStatus } from '../kuberuntime/pod-types.js';
import { canonicalJSON } from '../node/node-status-manager.js';

/**
 * Pod status writes for one kubelet.
 *
 * Contract: calls for one pod must not overlap (the pod worker serializes them); `setPodStatus` is
 * idempotent — the same status twice writes once. A pod gone from the API is not an error.
 */
export class PodStatusManager {
  private readonly lastWritten = new Map<string, string>();

  constructor(private readonly pods: ResourceClient<ApiPod>) {}

  /** Resolves true when it patched. */
  async setPodStatus(pod: ApiPod, status: ApiPodStatus, signal?: AbortSignal): Promise<boolean> {
    const want = canonicalJSON(status);
    if (want === this.lastWritten.get(pod.metadata.uid) || want === canonicalJSON(pod.status ?? {})) return false;
    try {
      // A JSON patch whose `test` op pins the uid: a recreated pod of the same name fails the patch instead
      // of receiving the old pod's status; `replace` swaps the whole status, lists included.
      await this.pods.inNamespace(pod.metadata.namespace ?? 'default').patch(
        pod.metadata.name,
        'json',
        [
          { op: 'test', path: '/metadata/uid', value: pod.metadata.uid },
          { op: 'replace', path: '/status', value: status },
        ],
        { subresource: 'status', signal },
      );
    } catch (err) {
      // NotFound: the pod is gone. Invalid/UnprocessableEntity from the failed `test`: it was recreated.
      if (isNotFound(err) || isInvalid(err) || isConflict(err)) return false;
      throw err;
    }
    this.lastWritten.set(pod.metadata.uid, want);
    return true;
  }

  /** Forgets a pod that is gone. */
  forget(uid: string): void {
    this.lastWritten.delete(uid);
  }
}
