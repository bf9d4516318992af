/**
 * The kubelet's prober manager: one worker per (pod, container, probe type) for every container and sidecar
 * that declares a probe, three result caches (liveness, readiness, startup), and the step that folds them
 * into container statuses (`started`, `ready`). Liveness and startup failures reach the kubelet through
 * `onLivenessFailure`, which kills the container and lets the restart policy decide what comes next.
 */
import type { Clock } from '../../util/clock.js';
import { silentLogger, type Logger } from '../../util/log.js';
import type { ProbeOutcomeForWorker, ProbeType } from './prober.js';
import { ResultsManager } from './results-manager.js';
import { isRestartableInitContainer, type Container, type ContainerStatus, type Pod, type PodStatus } from './types.js';
import { ProbeWorker } from './worker.js';

/** What the kubelet needs to act on a failed liveness or startup probe. */
export interface LivenessFailure {
  pod: Pod;
  container: Container;
  probeType: 'Liveness' | 'Startup';
  /** The kill reason upstream passes on: `LivenessProbe` or `StartupProbe`. */
  reason: 'LivenessProbe' | 'StartupProbe';
  /** The probe's own terminationGracePeriodSeconds, which overrides the pod's for this kill. */
  probeTerminationGracePeriodSeconds?: number;
  /** Whether the container comes back: always for sidecars, otherwise unless restartPolicy is Never. */
  willRestart: boolean;
}

export interface ProbeManagerOptions {
  clock: Clock;
  logger?: Logger;
  /** Runs one probe (a {@link Prober} in production). */
  prober: {
    probe(
      probeType: ProbeType,
      pod: Pod,
      status: PodStatus,
      container: Container,
      containerID: string,
    ): Promise<ProbeOutcomeForWorker>;
  };
  /** The status manager's latest status of a pod. */
  getPodStatus(podUID: string): PodStatus | undefined;
  /** Random numbers in [0, 1) for the start-up jitter; defaults to Math.random. */
  random?: () => number;
  /**
   * A container crossed its liveness (or startup) failure threshold. Called once per container instance;
   * `message` is the kill message upstream logs, e.g. `Container web failed liveness probe, will be restarted`.
   */
  onLivenessFailure?(containerID: string, message: string, failure: LivenessFailure): void;
}

const PROBE_TYPES: readonly ProbeType[] = ['Startup', 'Readiness', 'Liveness'];

function workerKey(podUID: string, containerName: string, probeType: ProbeType): string {
  return `${podUID}/${containerName}/${probeType}`;
}

/** The containers that get probes: regular containers and sidecars (init containers only run to completion). */
function probedContainers(pod: Pod): Container[] {
  return [...pod.spec.containers, ...(pod.spec.initContainers ?? []).filter(isRestartableInitContainer)];
}

/**
 * Owns the probe workers. All methods are synchronous and idempotent: adding a pod twice keeps the existing
 * workers, removing an unknown pod does nothing. Workers run on the injected clock and end on their own when
 * the pod reaches a terminal phase.
 */
export class ProbeManager {
  readonly liveness = new ResultsManager();
  readonly readiness = new ResultsManager();
  readonly startup = new ResultsManager();
  private readonly workers = new Map<string, ProbeWorker>();
  private readonly startedAt: number;
  private readonly logger: Logger;

  constructor(private readonly options: ProbeManagerOptions) {
    this.startedAt = options.clock.now();
    this.logger = options.logger ?? silentLogger;
  }

  private resultsFor(probeType: ProbeType): ResultsManager {
    return probeType === 'Liveness' ? this.liveness : probeType === 'Readiness' ? this.readiness : this.startup;
  }

  /** Starts workers for every probe the pod's containers and sidecars declare. */
  addPod(pod: Pod): void {
    for (const container of probedContainers(pod)) {
      for (const probeType of PROBE_TYPES) {
        const hasProbe =
          probeType === 'Startup'
            ? container.startupProbe
            : probeType === 'Readiness'
              ? container.readinessProbe
              : container.livenessProbe;
        if (!hasProbe) continue;
        const key = workerKey(pod.metadata.uid, container.name, probeType);
        if (this.workers.has(key)) continue;
        const worker = this.newWorker(probeType, pod, container, key);
        this.workers.set(key, worker);
        worker.start();
      }
    }
  }

  /** Stops liveness and startup probing of a pod that is shutting down; readiness keeps running. */
  stopLivenessAndStartup(pod: Pod): void {
    for (const container of probedContainers(pod)) {
      for (const probeType of ['Liveness', 'Startup'] as const) {
        this.workers.get(workerKey(pod.metadata.uid, container.name, probeType))?.stop();
      }
    }
  }

  /** Stops every worker of the pod. */
  removePod(pod: Pod): void {
    for (const worker of [...this.workers.values()]) if (worker.pod.metadata.uid === pod.metadata.uid) worker.stop();
  }

  /** Stops the workers of every pod whose UID is not in `desiredPodUIDs`. */
  cleanupPods(desiredPodUIDs: ReadonlySet<string>): void {
    for (const worker of [...this.workers.values()]) if (!desiredPodUIDs.has(worker.pod.metadata.uid)) worker.stop();
  }

  /** Stops all workers and resolves when they have all finished. */
  async stop(): Promise<void> {
    const all = [...this.workers.values()];
    for (const w of all) w.stop();
    await Promise.all(all.map((w) => w.done));
  }

  /** The worker for (pod, container, probe type), if one is running. */
  getWorker(podUID: string, containerName: string, probeType: ProbeType): ProbeWorker | undefined {
    return this.workers.get(workerKey(podUID, containerName, probeType));
  }

  /** How many workers are running (tests and metrics). */
  workerCount(): number {
    return this.workers.size;
  }

  /**
   * Whether a container counts as started: it runs and its startup probe succeeded, or it has no startup
   * probe. A startup probe that has not produced a result yet means not started.
   */
  isContainerStarted(pod: Pod, status: ContainerStatus): boolean {
    if (!status.state?.running) return false;
    const result = status.containerID ? this.startup.get(status.containerID) : undefined;
    if (result !== undefined) return result === 'Success';
    return !this.getWorker(pod.metadata.uid, status.name, 'Startup');
  }

  /**
   * Returns `status` with `started` and `ready` of each container filled in from the probe results (the
   * inputs are not modified). Running containers without a readiness probe are ready once started; those
   * with one are ready once it has succeeded, and get an immediate probe run while they are not. Regular init
   * containers are ready once they exited 0.
   */
  updatePodStatus(pod: Pod, status: PodStatus): PodStatus {
    const readiness = (c: ContainerStatus, started: boolean): boolean => {
      if (!started || !c.state?.running) return false;
      if (c.containerID && this.readiness.get(c.containerID) === 'Success') return true;
      const worker = this.getWorker(pod.metadata.uid, c.name, 'Readiness');
      // Refresh a readiness that has not been established yet instead of waiting a whole period.
      worker?.trigger();
      return !worker;
    };
    const containerStatuses = status.containerStatuses?.map((c) => {
      const started = this.isContainerStarted(pod, c);
      return { ...c, started, ready: readiness(c, started) };
    });
    const initContainerStatuses = status.initContainerStatuses?.map((c) => {
      const started = this.isContainerStarted(pod, c);
      const spec = pod.spec.initContainers?.find((ic) => ic.name === c.name);
      if (!spec) return { ...c, started };
      if (!isRestartableInitContainer(spec)) {
        const ready = (c.state?.terminated !== undefined && c.state.terminated.exitCode === 0) || (c.ready ?? false);
        return { ...c, started, ready };
      }
      return { ...c, started, ready: readiness(c, started) };
    });
    const out: PodStatus = { ...status };
    if (containerStatuses) out.containerStatuses = containerStatuses;
    if (initContainerStatuses) out.initContainerStatuses = initContainerStatuses;
    return out;
  }

  private newWorker(probeType: ProbeType, pod: Pod, container: Container, key: string): ProbeWorker {
    const options = this.options;
    return new ProbeWorker(
      {
        clock: options.clock,
        logger: this.logger,
        probe: (t, p, s, c, id) => options.prober.probe(t, p, s, c, id),
        getPodStatus: (uid) => options.getPodStatus(uid),
        results: this.resultsFor(probeType),
        startedAt: this.startedAt,
        random: options.random ?? Math.random,
        onFailureThreshold: (worker, containerID) => this.livenessFailed(worker, containerID),
        onStopped: (worker) => {
          if (this.workers.get(key) === worker) this.workers.delete(key);
        },
      },
      probeType,
      pod,
      container,
    );
  }

  private livenessFailed(worker: ProbeWorker, containerID: string): void {
    if (worker.probeType === 'Readiness') return;
    const probeType = worker.probeType;
    const sidecar = (worker.pod.spec.initContainers ?? []).some((c) => c.name === worker.container.name);
    const kind = probeType === 'Liveness' ? 'liveness' : 'startup';
    const willRestart = sidecar || worker.pod.spec.restartPolicy !== 'Never';
    const message = sidecar
      ? `Init container ${worker.container.name} failed ${kind} probe`
      : `Container ${worker.container.name} failed ${kind} probe${willRestart ? ', will be restarted' : ''}`;
    this.logger.info('container failed probe', { containerID, probeType, message });
    const failure: LivenessFailure = {
      pod: worker.pod,
      container: worker.container,
      probeType,
      reason: probeType === 'Liveness' ? 'LivenessProbe' : 'StartupProbe',
      willRestart,
    };
    if (worker.spec.terminationGracePeriodSeconds !== undefined) {
      failure.probeTerminationGracePeriodSeconds = worker.spec.terminationGracePeriodSeconds;
    }
    this.options.onLivenessFailure?.(containerID, message, failure);
  }
}
