/**
 * One probe worker: the periodic loop for one (pod, container, probe type), as upstream's prober worker.
 * It reads the container's current status, waits out initialDelaySeconds, lets startup gate liveness and
 * readiness, counts consecutive results against the thresholds, and writes the verdict to its results cache.
 */
import type { Clock, ClockTimer } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import type { ProbeOutcomeForWorker, ProbeResult, ProbeType } from './prober.js';
import { probeSpecOf } from './prober.js';
import type { ResultsManager } from './results-manager.js';
import { findContainerStatus, formatPod, type Container, type Pod, type PodStatus, type Probe } from './types.js';

/** API defaults of a probe, applied when a field is missing or zero. */
export const PROBE_DEFAULTS = {
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

/** What a worker needs from its manager. */
export interface WorkerContext {
  clock: Clock;
  logger: Logger;
  probe(
    probeType: ProbeType,
    pod: Pod,
    status: PodStatus,
    container: Container,
    containerID: string,
  ): Promise<ProbeOutcomeForWorker>;
  /** The kubelet's latest status of the pod (the status manager's cache), or undefined if it has none. */
  getPodStatus(podUID: string): PodStatus | undefined;
  results: ResultsManager;
  /** When the manager started (ms); workers created within one period of it start after a random delay. */
  startedAt: number;
  /** A number in [0, 1) for the start-up jitter. */
  random(): number;
  /** A liveness or startup probe crossed its failure threshold for `containerID`. */
  onFailureThreshold(worker: ProbeWorker, containerID: string): void;
  /** The loop has ended and the worker cleaned up after itself. */
  onStopped(worker: ProbeWorker): void;
}

/**
 * The probe loop. `start` once; `stop` any number of times (it takes effect after an in-flight probe).
 * At most one probe runs at a time; ticks and manual triggers that arrive during a probe collapse into one
 * follow-up run, like a one-slot Go channel. All timing goes through the context's clock.
 */
export class ProbeWorker {
  readonly spec: Probe;
  private readonly initialValue: ProbeResult;
  private containerID = '';
  private lastResult: ProbeResult | undefined;
  private resultRun = 0;
  private onHold = false;
  private stopped = false;
  private finished = false;
  private inFlight = false;
  private pending = false;
  private startTimer: ClockTimer | undefined;
  private ticker: ClockTimer | undefined;
  private resolveDone!: () => void;
  /** Resolves once the loop has ended and the worker has cleaned up. */
  readonly done = new Promise<void>((resolve) => (this.resolveDone = resolve));

  constructor(
    private readonly ctx: WorkerContext,
    readonly probeType: ProbeType,
    readonly pod: Pod,
    readonly container: Container,
  ) {
    const spec = probeSpecOf(container, probeType);
    if (!spec) throw new Error(`container ${container.name} has no ${probeType.toLowerCase()} probe`);
    this.spec = spec;
    // Readiness starts false, liveness true (a container is alive until shown otherwise), startup unknown.
    this.initialValue = probeType === 'Readiness' ? 'Failure' : probeType === 'Liveness' ? 'Success' : 'Unknown';
  }

  private get periodMs(): number {
    return (this.spec.periodSeconds || PROBE_DEFAULTS.periodSeconds) * 1000;
  }

  /** Starts the loop. Right after a kubelet start, the first probe waits a random part of a period. */
  start(): void {
    const period = this.periodMs;
    if (period > this.ctx.clock.now() - this.ctx.startedAt) {
      // Spread probes out so that a restarted kubelet does not fire every probe at the same instant.
      this.startTimer = this.ctx.clock.setTimeout(() => this.beginTicking(), Math.floor(this.ctx.random() * period));
    } else {
      this.beginTicking();
    }
  }

  /** Stops the loop; idempotent. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.ctx.clock.clearTimeout(this.startTimer);
    this.ctx.clock.clearInterval(this.ticker);
    if (!this.inFlight) this.finish();
  }

  /** Runs a probe as soon as possible instead of waiting for the next tick (used to refresh readiness). */
  trigger(): void {
    this.onTick();
  }

  private beginTicking(): void {
    if (this.stopped) return;
    this.ticker = this.ctx.clock.setInterval(() => this.onTick(), this.periodMs);
    this.onTick();
  }

  private onTick(): void {
    if (this.stopped || this.ticker === undefined) return;
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    void this.runOnce();
  }

  private async runOnce(): Promise<void> {
    this.inFlight = true;
    let keepGoing = true;
    try {
      keepGoing = await this.doProbe();
    } catch (err) {
      // A bug in one probe must not kill the loop (upstream recovers panics the same way).
      this.ctx.logger.error('probe worker crashed', { pod: formatPod(this.pod), container: this.container.name, err });
    }
    this.inFlight = false;
    if (!keepGoing) {
      this.stopped = true;
      this.ctx.clock.clearInterval(this.ticker);
    }
    if (this.stopped) {
      this.finish();
      return;
    }
    if (this.pending) {
      this.pending = false;
      void this.runOnce();
    }
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.containerID) this.ctx.results.remove(this.containerID);
    this.ctx.onStopped(this);
    this.resolveDone();
  }

  /**
   * Probes once and records the result; returns whether the loop should continue. Exposed so tests can
   * drive a worker step by step, as upstream's tests call doProbe.
   */
  async doProbe(): Promise<boolean> {
    const status = this.ctx.getPodStatus(this.pod.metadata.uid);
    // No status yet (pod not started) or any more (pod deleted): wait for more information.
    if (!status) return true;
    if (status.phase === 'Failed' || status.phase === 'Succeeded') return false;

    let c = findContainerStatus(status.containerStatuses, this.container.name);
    if (!c?.containerID) c = findContainerStatus(status.initContainerStatuses, this.container.name);
    if (!c?.containerID) return true;

    if (this.containerID !== c.containerID) {
      // A new container: forget the old one's result and start over from the initial value.
      if (this.containerID) this.ctx.results.remove(this.containerID);
      this.containerID = c.containerID;
      this.ctx.results.set(this.containerID, this.initialValue, this.pod.metadata.uid);
      this.onHold = false;
    }
    if (this.onHold) return true;

    if (!c.state?.running) {
      this.ctx.results.set(this.containerID, 'Failure', this.pod.metadata.uid);
      // Keep watching unless the container is gone for good.
      return !c.state?.terminated || this.pod.spec.restartPolicy !== 'Never';
    }

    if (this.pod.metadata.deletionTimestamp && (this.probeType === 'Liveness' || this.probeType === 'Startup')) {
      // The pod is shutting down: end on a success so nothing restarts a container that is being stopped.
      this.ctx.results.set(this.containerID, 'Success', this.pod.metadata.uid);
      return false;
    }

    const startedAt = c.state.running.startedAt ? Date.parse(c.state.running.startedAt) : NaN;
    const sinceStart = Number.isNaN(startedAt) ? Infinity : Math.trunc((this.ctx.clock.now() - startedAt) / 1000);
    if (sinceStart < (this.spec.initialDelaySeconds ?? 0)) return true;

    if (c.started) {
      // Startup has done its job; the worker stays to probe the next instance of the container.
      if (this.probeType === 'Startup') return true;
    } else if (this.probeType !== 'Startup') {
      // Liveness and readiness wait until the startup probe has succeeded.
      return true;
    }

    const outcome = await this.ctx.probe(this.probeType, this.pod, status, this.container, this.containerID);
    // An errored probe has no verdict; try again next period.
    if (outcome.error) return true;
    const result = outcome.result;

    if (this.lastResult === result) this.resultRun++;
    else {
      this.lastResult = result;
      this.resultRun = 1;
    }
    const failureThreshold = this.spec.failureThreshold || PROBE_DEFAULTS.failureThreshold;
    const successThreshold = this.spec.successThreshold || PROBE_DEFAULTS.successThreshold;
    if (
      (result === 'Failure' && this.resultRun < failureThreshold) ||
      (result === 'Success' && this.resultRun < successThreshold)
    ) {
      return true;
    }

    this.ctx.results.set(this.containerID, result, this.pod.metadata.uid);

    if ((this.probeType === 'Liveness' || this.probeType === 'Startup') && result === 'Failure') {
      // The container will be restarted: stop probing it until a new container ID shows up.
      this.onHold = true;
      this.resultRun = 0;
      this.ctx.onFailureThreshold(this, this.containerID);
    }
    return true;
  }
}
