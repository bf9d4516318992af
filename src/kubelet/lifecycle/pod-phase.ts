/**
 * The pod phase from its container statuses, as the kubelet's getPhase computes it (1.33, sidecar-aware):
 * Pending while init containers or any container still has to start, Running while something runs or will
 * be restarted, Succeeded / Failed once everything has stopped for good.
 */
import {
  findContainerStatus,
  isRestartableInitContainer,
  type ContainerStatus,
  type Pod,
  type PodPhase,
  type PodSpec,
  type PodStatus,
} from '../prober/types.js';

/** The annotation naming where a pod came from; anything but `api` is a static pod. */
export const CONFIG_SOURCE_ANNOTATION = 'kubernetes.io/config.source';

/** Whether the pod is a static pod (read from a file or URL, not from the API server). */
export function isStaticPod(pod: Pick<Pod, 'metadata'>): boolean {
  const source = pod.metadata.annotations?.[CONFIG_SOURCE_ANNOTATION];
  return source !== undefined && source !== 'api';
}

/**
 * Whether a regular container has run (is running or has exited), which means init containers are done.
 * A sidecar that restarts afterwards must not send the pod back to Pending.
 */
export function hasAnyRegularContainerStarted(
  spec: Pick<PodSpec, 'containers'>,
  statuses: readonly ContainerStatus[],
): boolean {
  const names = new Set(spec.containers.map((c) => c.name));
  return statuses.some(
    (s) => names.has(s.name) && (s.state?.running !== undefined || s.state?.terminated !== undefined),
  );
}

/**
 * The phase of `pod` given the statuses of all its containers, init and regular together (getPhase).
 * `podIsTerminal`: the kubelet has decided the pod will not run again (it was evicted or deleted), so
 * stopped containers give a terminal phase whatever the restart policy. `podHasInitialized`: a regular
 * container has already started.
 */
export function getPhase(
  pod: Pick<Pod, 'metadata' | 'spec'>,
  statuses: readonly ContainerStatus[],
  podIsTerminal: boolean,
  podHasInitialized: boolean,
): PodPhase {
  const spec = pod.spec;
  let pendingRestartableInit = 0;
  let pendingRegularInit = 0;
  let failedInitialization = 0;

  for (const container of spec.initContainers ?? []) {
    if (isRestartableInitContainer(container)) continue;
    const s = findContainerStatus(statuses, container.name);
    if (!s) {
      pendingRegularInit++;
      continue;
    }
    if (s.state?.running) pendingRegularInit++;
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInitialization++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInitialization++;
      } else pendingRegularInit++;
    } else pendingRegularInit++;
  }

  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;

  for (const container of spec.initContainers ?? []) {
    if (!isRestartableInitContainer(container)) continue;
    const s = findContainerStatus(statuses, container.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state?.running) {
      if (!s.started) pendingRestartableInit++;
      running++;
    } else if (s.state?.terminated) {
      // A stopped sidecar does not count toward the phase.
    } else if (s.state?.waiting) {
      if (!s.lastState?.terminated) {
        pendingRestartableInit++;
        waiting++;
      }
    } else {
      pendingRestartableInit++;
      unknown++;
    }
  }

  for (const container of spec.containers) {
    const s = findContainerStatus(statuses, container.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }

  if (failedInitialization > 0 && spec.restartPolicy === 'Never') return 'Failed';

  if (pendingRegularInit > 0 || (pendingRestartableInit > 0 && !podHasInitialized) || waiting > 0) {
    // Something still has to start.
    return 'Pending';
  }
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    // A terminal pod's containers will not be restarted whatever the policy says (static pods excepted).
    if (podIsTerminal && !isStaticPod(pod)) return stopped === succeeded ? 'Succeeded' : 'Failed';
    // Always: everything is being restarted.
    if (spec.restartPolicy === 'Always' || spec.restartPolicy === undefined) return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (spec.restartPolicy === 'Never') return 'Failed';
    // OnFailure with at least one failure: it is being restarted.
    return 'Running';
  }
  return 'Pending';
}

/** {@link getPhase} for a pod status, with podHasInitialized taken from the status itself. */
export function podPhaseFromStatus(
  pod: Pick<Pod, 'metadata' | 'spec'>,
  status: PodStatus,
  podIsTerminal = false,
): PodPhase {
  const all = [...(status.containerStatuses ?? []), ...(status.initContainerStatuses ?? [])];
  return getPhase(pod, all, podIsTerminal, hasAnyRegularContainerStarted(pod.spec, status.containerStatuses ?? []));
}
