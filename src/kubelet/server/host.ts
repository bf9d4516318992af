/**
 * What the kubelet's HTTP server needs from the kubelet and the runtime, narrowed to reads, plus small
 * helpers over them shared by the routes.
 */
import { StatusError } from '../../apimachinery/errors.js';
import type { Status } from '../../apimachinery/meta.js';
import { isMirrorPod } from '../config/static-pod.js';
import type { CriClient } from '../cri/service.js';
import { CONTAINER_NAME_LABEL, POD_UID_LABEL } from '../kuberuntime/labels.js';
import type { ApiPod, ApiPodStatus } from '../kuberuntime/pod-types.js';

/**
 * The kubelet's view of its pods. Reads only; every method may be called concurrently and must not block.
 * Before the kubelet exists (the server starts first) a host simply knows no pods.
 */
export interface KubeletServerHost {
  /** The pods bound to this node, as the kubelet's informer cache has them. */
  listPods(): readonly Readonly<ApiPod>[];
  /** One pod of the cache, or undefined. */
  getPod(namespace: string, name: string): Readonly<ApiPod> | undefined;
  /** The status the kubelet computed last for `uid`; undefined means "use pod.status" (upstream's fallback). */
  podStatus?(uid: string): ApiPodStatus | undefined;
}

/** Where the kubelet's pods come from: the API (informer cache) and static pod manifests. */
export interface PodSources {
  apiPods(): readonly Readonly<ApiPod>[];
  apiPod(namespace: string, name: string): Readonly<ApiPod> | undefined;
  /** The static pod that should run under `namespace/name`, if any. */
  staticPod(namespace: string, name: string): Readonly<ApiPod> | undefined;
  staticPods(): readonly Readonly<ApiPod>[];
  /** The kubelet's latest computed status by pod uid (see {@link KubeletServerHost.podStatus}). */
  podStatus?(uid: string): ApiPodStatus | undefined;
}

/**
 * A host over both sources, as upstream's pod manager: a static pod is served under its own UID (the one
 * its containers carry) with the status of its mirror pod; mirror pods themselves are never served.
 */
export function podManagerHost(src: PodSources): KubeletServerHost {
  const withMirrorStatus = (p: Readonly<ApiPod>): Readonly<ApiPod> => {
    const mirror = src.apiPod(p.metadata.namespace ?? 'default', p.metadata.name);
    return mirror && isMirrorPod(mirror) && mirror.status ? { ...p, status: mirror.status } : p;
  };
  return {
    podStatus: src.podStatus && ((uid) => src.podStatus?.(uid)),
    listPods: () => [...src.apiPods().filter((p) => !isMirrorPod(p)), ...src.staticPods().map(withMirrorStatus)],
    getPod: (namespace, name) => {
      const stat = src.staticPod(namespace, name);
      if (stat) return withMirrorStatus(stat);
      const api = src.apiPod(namespace, name);
      return api && !isMirrorPod(api) ? api : undefined;
    },
  };
}

/** A Status of any code, with upstream's reason for it. */
export function statusError(code: number, message: string): StatusError {
  const reasons: Record<number, string> = { 400: 'BadRequest', 404: 'NotFound', 422: 'Invalid', 500: 'InternalError' };
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: (reasons[code] ?? 'InternalError') as Status['reason'],
    code,
  };
  return new StatusError(status);
}

/** Whether `name` is a container, init container or ephemeral container of the pod (GetContainerSpec). */
export function hasContainer(pod: Readonly<ApiPod>, name: string): boolean {
  const eph = (pod.spec['ephemeralContainers'] as { name: string }[] | undefined) ?? [];
  return [...pod.spec.containers, ...(pod.spec.initContainers ?? []), ...eph].some((c) => c.name === name);
}

/** The runtime id of the newest running instance of `container` in the pod, or undefined. */
export async function runningContainerId(
  cri: CriClient,
  pod: Readonly<ApiPod>,
  container: string,
): Promise<string | undefined> {
  const { containers } = await cri.listContainers({
    filter: {
      state: { state: 'CONTAINER_RUNNING' },
      label_selector: { [POD_UID_LABEL]: pod.metadata.uid, [CONTAINER_NAME_LABEL]: container },
    },
  });
  const newest = [...containers].sort((a, b) => Number(BigInt(b.created_at ?? 0) - BigInt(a.created_at ?? 0)))[0];
  return newest?.id;
}

/** The id of the pod's ready sandbox, or undefined. */
export async function readySandboxId(cri: CriClient, pod: Readonly<ApiPod>): Promise<string | undefined> {
  const { items } = await cri.listPodSandbox({
    filter: { state: { state: 'SANDBOX_READY' }, label_selector: { [POD_UID_LABEL]: pod.metadata.uid } },
  });
  const newest = [...items].sort((a, b) => Number(BigInt(b.created_at ?? 0) - BigInt(a.created_at ?? 0)))[0];
  return newest?.id;
}
