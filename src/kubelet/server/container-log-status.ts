/**
 * Which container instance `/containerLogs` reads (kubelet_pods.go validateContainerLogStatus): the running
 * one, the terminated one, or with `previous` the last terminated one; a container that never ran gives
 * upstream's "is waiting to start" errors (400).
 */
import { badRequest } from '../../apimachinery/errors.js';
import type { ContainerStatus } from '../prober/types.js';
import type { ApiPodStatus } from '../kuberuntime/pod-types.js';

interface ApiContainerStatus {
  name: string;
  containerID?: string;
  restartCount?: number;
  lastState?: { terminated?: { containerID?: string } | null } | null;
  state?: {
    running?: object | null;
    terminated?: { containerID?: string } | null;
    waiting?: { reason?: string } | null;
  } | null;
}

/** The chosen instance: its runtime id (`containerd://…`) and whether it is the current one. */
export interface LogTarget {
  containerID: string;
  current: boolean;
  /** The container's restartCount in the status (its attempt number when current). */
  restartCount: number;
}

function findStatus(
  status: ApiPodStatus & { ephemeralContainerStatuses?: ContainerStatus[] },
  name: string,
): ApiContainerStatus | undefined {
  for (const list of [status.containerStatuses, status.initContainerStatuses, status.ephemeralContainerStatuses]) {
    const s = list?.find((c) => c.name === name);
    if (s) return s as ApiContainerStatus;
  }
  return undefined;
}

/** Picks the instance to read, or throws a BadRequest StatusError with the kubelet's message. */
export function validateContainerLogStatus(
  podName: string,
  status: ApiPodStatus,
  containerName: string,
  previous: boolean,
): LogTarget {
  const cs = findStatus(status, containerName);
  if (!cs) throw badRequest(`container "${containerName}" in pod "${podName}" is not available`);
  const restartCount = cs.restartCount ?? 0;
  const last = cs.lastState?.terminated ?? undefined;
  const { running, terminated, waiting } = cs.state ?? {};
  const terminatedErr = () => badRequest(`container "${containerName}" in pod "${podName}" is terminated`);
  if (previous) {
    if (!last?.containerID)
      throw badRequest(`previous terminated container "${containerName}" in pod "${podName}" not found`);
    return { containerID: last.containerID, current: false, restartCount };
  }
  if (running && cs.containerID) return { containerID: cs.containerID, current: true, restartCount };
  if (terminated) {
    if (terminated.containerID) return { containerID: terminated.containerID, current: true, restartCount };
    if (last?.containerID) return { containerID: last.containerID, current: false, restartCount };
    throw terminatedErr();
  }
  if (last) {
    if (!last.containerID) throw terminatedErr();
    return { containerID: last.containerID, current: false, restartCount };
  }
  if (waiting) {
    const reason = waiting.reason ?? '';
    if (reason === 'ErrImagePull')
      throw badRequest(`container "${containerName}" in pod "${podName}" is waiting to start: image can't be pulled`);
    if (reason === 'ImagePullBackOff')
      throw badRequest(
        `container "${containerName}" in pod "${podName}" is waiting to start: trying and failing to pull image`,
      );
    throw badRequest(`container "${containerName}" in pod "${podName}" is waiting to start: ${reason}`);
  }
  throw badRequest(`container "${containerName}" in pod "${podName}" is waiting to start - no logs yet`);
}

/** `containerd://abc` → `abc`. */
export function runtimeContainerId(containerID: string): string {
  const i = containerID.indexOf('://');
  return i >= 0 ? containerID.slice(i + 3) : containerID;
}
