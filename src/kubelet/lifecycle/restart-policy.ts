/**
 * Restart decisions: whether an exited container starts again under the pod's restartPolicy, which init
 * containers (including sidecars, init containers with `restartPolicy: Always`) to start next, and how long
 * a kill may take. Pure functions over the runtime's view of the containers, as kuberuntime's
 * computePodActions uses them.
 */
import type { ProbeResult } from '../prober/prober.js';
import { isRestartableInitContainer, type Container, type Pod } from '../prober/types.js';

/** The runtime's state of a container (kubecontainer.State). */
export type RuntimeContainerState = 'created' | 'running' | 'exited' | 'unknown';

/** The latest instance of a container as the runtime reports it. */
export interface RuntimeContainerStatus {
  name: string;
  /** `<runtime>://<id>`. */
  id: string;
  state: RuntimeContainerState;
  exitCode?: number;
  /** e.g. `OOMKilled`, `Completed`, `Error`. */
  reason?: string;
  /** When it exited (ms since the epoch). */
  finishedAt?: number;
}

/** Kill reasons with their own grace period rules (kuberuntime reason* constants). */
export const KillReason = {
  LivenessProbe: 'LivenessProbe',
  StartupProbe: 'StartupProbe',
  FailedPostStartHook: 'FailedPostStartHook',
} as const;

/** The shortest grace period the kubelet gives a container (minimumGracePeriodInSeconds). */
export const MINIMUM_GRACE_PERIOD_SECONDS = 2;

/** Whether a failed container is restarted at all: yes unless the pod's restartPolicy is Never. */
export function shouldRestartOnFailure(pod: Pick<Pod, 'spec'>): boolean {
  return pod.spec.restartPolicy !== 'Never';
}

/**
 * Whether a regular container should be started (again): never while the pod is being deleted or the
 * container runs; always when it never ran or is stuck created/unknown; after an exit, per restartPolicy —
 * Always restarts, OnFailure restarts non-zero exits, Never does not.
 */
export function shouldContainerBeRestarted(
  pod: Pick<Pod, 'metadata' | 'spec'>,
  status: RuntimeContainerStatus | undefined,
): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  if (!status) return true;
  if (status.state === 'running') return false;
  if (status.state === 'unknown' || status.state === 'created') return true;
  if (pod.spec.restartPolicy === 'Never') return false;
  if (pod.spec.restartPolicy === 'OnFailure' && (status.exitCode ?? 0) === 0) return false;
  return true;
}

/** An init container failed: it exited non-zero, was OOM-killed, or its state is unknown. */
export function isInitContainerFailed(status: RuntimeContainerStatus): boolean {
  if (status.reason === 'OOMKilled') return true;
  if (status.state === 'exited' && (status.exitCode ?? 0) !== 0) return true;
  return status.state === 'unknown';
}

/** A container to kill, with the reason and message upstream gives. */
export interface ContainerToKill {
  id: string;
  name: string;
  reason: string;
  message: string;
}

/** What to do about init containers in this sync. */
export interface InitContainerActions {
  /** Indexes into `pod.spec.initContainers`, in spec order. */
  initContainersToStart: number[];
  containersToKill: ContainerToKill[];
  /** A regular init container failed and restartPolicy is Never: the pod is done. */
  killPod: boolean;
  /** All init containers have done their part, so regular containers may start. */
  podHasInitialized: boolean;
}

/** Probe results the init container logic consults (the prober manager's caches). */
export interface ProbeResultsView {
  startup(containerID: string): ProbeResult | undefined;
  liveness(containerID: string): ProbeResult | undefined;
}

/**
 * Decides which init containers to start (computeInitContainerActions). Init containers run one at a time in
 * order; a sidecar counts as done once it runs and its startup probe (if any) succeeded, and is then kept
 * running — restarted when it exits or fails liveness. A failed regular init container is restarted unless
 * restartPolicy is Never, which fails the pod. `statuses` holds the latest instance of each container.
 */
export function computeInitContainerActions(
  pod: Pick<Pod, 'spec'>,
  statuses: readonly RuntimeContainerStatus[],
  probes: ProbeResultsView,
): InitContainerActions {
  const actions: InitContainerActions = {
    initContainersToStart: [],
    containersToKill: [],
    killPod: false,
    podHasInitialized: false,
  };
  const find = (name: string) => statuses.find((s) => s.name === name);
  // A regular container that was created or runs proves that initialization finished at some point.
  actions.podHasInitialized = pod.spec.containers.some((c) => {
    const s = find(c.name);
    return s?.state === 'created' || s?.state === 'running';
  });
  const inits = pod.spec.initContainers ?? [];
  let previouslyInitialized = actions.podHasInitialized;
  const start: number[] = [];
  const restartOnFailure = shouldRestartOnFailure(pod);

  // Walk backwards: finished init containers may have been garbage-collected, so the last one with a status
  // tells where initialization stands.
  for (let i = inits.length - 1; i >= 0; i--) {
    const container = inits[i]!;
    const sidecar = isRestartableInitContainer(container);
    const status = find(container.name);
    if (!status) {
      if (previouslyInitialized && sidecar) start.push(i);
      continue;
    }
    if (previouslyInitialized && !sidecar) continue;

    const initialized = () => {
      if (i === inits.length - 1) actions.podHasInitialized = true;
      else if (!previouslyInitialized) start.push(i + 1);
    };
    switch (status.state) {
      case 'created':
        // Create and start happen in one step; a container left in created is restarted.
        start.push(i);
        break;
      case 'running': {
        if (!sidecar) break;
        if (container.startupProbe) {
          const startup = probes.startup(status.id);
          if (startup === undefined) break;
          if (startup !== 'Success') {
            if (startup === 'Failure') {
              actions.containersToKill.push(
                kill(
                  status,
                  container,
                  KillReason.StartupProbe,
                  `Init container ${container.name} failed startup probe`,
                ),
              );
              start.push(i);
            }
            break;
          }
        }
        initialized();
        if (container.livenessProbe && probes.liveness(status.id) === 'Failure') {
          actions.containersToKill.push(
            kill(status, container, KillReason.LivenessProbe, `Init container ${container.name} failed liveness probe`),
          );
          start.push(i);
        }
        break;
      }
      case 'exited':
        if (sidecar) {
          start.push(i);
        } else if (isInitContainerFailed(status)) {
          if (!restartOnFailure) return { ...actions, killPod: true, initContainersToStart: [] };
          start.push(i);
        } else {
          initialized();
        }
        break;
      default:
        if (!sidecar && !restartOnFailure) return { ...actions, killPod: true, initContainersToStart: [] };
        actions.containersToKill.push(
          kill(
            status,
            container,
            'Unknown',
            `Init container is in ${JSON.stringify(status.state)} state, try killing it before restart`,
          ),
        );
        start.push(i);
    }
    previouslyInitialized = true;
  }
  if (!previouslyInitialized && inits.length > 0) start.push(0);
  actions.initContainersToStart = [...new Set(start)].sort((a, b) => a - b);
  return actions;
}

function kill(status: RuntimeContainerStatus, container: Container, reason: string, message: string): ContainerToKill {
  return { id: status.id, name: container.name, reason, message };
}

/**
 * How many seconds a container gets to stop: the pod's deletion grace period if it is being deleted; else
 * for a liveness or startup kill that probe's own terminationGracePeriodSeconds if set; else the pod's
 * terminationGracePeriodSeconds (API-defaulted to 30); else the 2 s minimum.
 */
export function killGracePeriodSeconds(
  pod: Pick<Pod, 'metadata' | 'spec'>,
  container: Pick<Container, 'livenessProbe' | 'startupProbe'>,
  reason?: string,
): number {
  if (pod.metadata.deletionGracePeriodSeconds !== undefined) return pod.metadata.deletionGracePeriodSeconds;
  if (pod.spec.terminationGracePeriodSeconds === undefined) return MINIMUM_GRACE_PERIOD_SECONDS;
  if (reason === KillReason.StartupProbe && container.startupProbe?.terminationGracePeriodSeconds !== undefined) {
    return container.startupProbe.terminationGracePeriodSeconds;
  }
  if (reason === KillReason.LivenessProbe && container.livenessProbe?.terminationGracePeriodSeconds !== undefined) {
    return container.livenessProbe.terminationGracePeriodSeconds;
  }
  return pod.spec.terminationGracePeriodSeconds;
}

/** The grace period left for the stop signal after a preStop hook took `preStopSeconds` (at least 2 s). */
export function gracePeriodAfterPreStop(gracePeriodSeconds: number, preStopSeconds: number): number {
  return Math.max(gracePeriodSeconds - preStopSeconds, MINIMUM_GRACE_PERIOD_SECONDS);
}
