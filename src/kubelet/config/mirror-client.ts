/**
 * Mirror pods (pkg/kubelet/pod/mirror_client.go): the API's view of a static pod. A mirror pod has the static
 * pod's name, namespace, labels, annotations and spec, plus `kubernetes.io/config.mirror: <config hash>` and
 * the Node as its controlling owner (so deleting the Node garbage-collects it). The kubelet writes the static
 * pod's status to it; it never runs a mirror pod's spec.
 */
import { isAlreadyExists, isConflict, isNotFound } from '../../apimachinery/errors.js';
import type { RestClient } from '../../client/rest/rest-client.js';
import { PODS } from '../../client/rest/resources.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { CONFIG_MIRROR_ANNOTATION, configHash, mirrorHash } from './static-pod.js';

/** The mirror pod to create for `staticPod` on the node `nodeName` whose Node object has uid `nodeUID`. */
export function mirrorPodFor(staticPod: Readonly<ApiPod>, nodeName: string, nodeUID: string): ApiPod {
  const {
    uid: _uid,
    resourceVersion: _rv,
    ...meta
  } = structuredClone(staticPod.metadata) as ApiPod['metadata'] & { resourceVersion?: string };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta,
      annotations: { ...(meta.annotations ?? {}), [CONFIG_MIRROR_ANNOTATION]: configHash(staticPod) },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUID, controller: true }],
    } as unknown as ApiPod['metadata'], // no uid: the API server gives the mirror pod its own
    spec: structuredClone(staticPod.spec),
  };
}

/** True when `mirror` mirrors this version of `staticPod` (IsMirrorPodOf). */
export function isMirrorPodOf(mirror: Readonly<ApiPod>, staticPod: Readonly<ApiPod>): boolean {
  return (
    mirror.metadata.name === staticPod.metadata.name &&
    (mirror.metadata.namespace ?? 'default') === (staticPod.metadata.namespace ?? 'default') &&
    mirrorHash(mirror) === configHash(staticPod)
  );
}

/**
 * Creates and deletes mirror pods. Stateless; safe for concurrent use on different pods.
 */
export class MirrorClient {
  constructor(
    private readonly client: RestClient,
    private readonly nodeName: string,
  ) {}

  /**
   * Creates the mirror pod of `staticPod`; resolves the created pod, or undefined when a pod of that name
   * exists already (it mirrors this version of the static pod when its hash matches, else the caller must
   * delete it first). Throws when the Node is not registered yet (`nodeUID` empty): the owner reference needs it.
   */
  async createMirrorPod(
    staticPod: Readonly<ApiPod>,
    nodeUID: string,
    signal?: AbortSignal,
  ): Promise<ApiPod | undefined> {
    if (!nodeUID)
      throw new Error(
        `cannot create mirror pod ${staticPod.metadata.name}: node ${this.nodeName} is not registered yet`,
      );
    const mirror = mirrorPodFor(staticPod, this.nodeName, nodeUID);
    try {
      return await this.client
        .resource<ApiPod>(PODS, mirror.metadata.namespace ?? 'default')
        .create(mirror, { signal });
    } catch (err) {
      if (isAlreadyExists(err)) return undefined;
      throw err;
    }
  }

  /**
   * Deletes a mirror pod at once (grace 0) if it still has `uid`; a pod already gone, or replaced by one
   * with another uid, counts as deleted.
   */
  async deleteMirrorPod(namespace: string, name: string, uid: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.client
        .resource<ApiPod>(PODS, namespace)
        .delete(name, { gracePeriodSeconds: 0, preconditions: { uid }, signal });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }
}
