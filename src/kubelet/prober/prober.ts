/**
 * Runs one probe of a container and turns the attempt into a result plus an event, as the kubelet's prober
 * does: failures record `Warning Unhealthy "<Type> probe failed: <output>"`, unfollowed redirects record
 * `Warning ProbeWarning` and count as success, and a probe that could not run at all is retried up to three
 * times before it records `"<Type> probe errored …"` and reports an error (the worker then ignores it).
 */
import type { Clock } from '../../util/clock.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { containerRef, EventReason, type EventRecorder } from './events.js';
import { doExecProbe, expandCommandOnlyStatic, type ExecRunner } from './exec-probe.js';
import { doGrpcProbe, loadHealthService } from './grpc-probe.js';
import { doHttpProbe, newRequestForHTTPGetAction } from './http-probe.js';
import type { ProbeAttempt } from './probe-result.js';
import { resolveContainerPort } from './resolve-port.js';
import { doTcpProbe, type TcpDialer } from './tcp-probe.js';
import { containerIdOnly, formatPod, type Container, type Pod, type PodStatus, type Probe } from './types.js';
import type * as grpc from '@grpc/grpc-js';

/** Which probe; the name is also how events spell it (`Liveness probe failed: …`). */
export type ProbeType = 'Liveness' | 'Readiness' | 'Startup';

/** A container's cached probe state (prober/results.Result). */
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

/** How many times a probe that errors (could not run) is tried within one period. */
export const MAX_PROBE_RETRIES = 3;

/** The probe of the given type on a container, if it has one. */
export function probeSpecOf(container: Container, probeType: ProbeType): Probe | undefined {
  switch (probeType) {
    case 'Liveness':
      return container.livenessProbe;
    case 'Readiness':
      return container.readinessProbe;
    case 'Startup':
      return container.startupProbe;
  }
}

export interface ProberOptions {
  clock: Clock;
  /** Runs exec probes (CRI ExecSync in the kubelet). */
  exec: ExecRunner;
  recorder: EventRecorder;
  logger?: Logger;
  /** TCP dialer for tcpSocket probes; tests substitute one. */
  tcpDial?: TcpDialer;
}

/** The outcome the worker sees: a result, or an error meaning "no verdict this period". */
export interface ProbeOutcomeForWorker {
  result: 'Success' | 'Failure';
  error?: Error;
}

/**
 * Runs probes. Stateless apart from the loaded gRPC health definition, so one Prober serves every worker
 * concurrently.
 */
export class Prober {
  private readonly clock: Clock;
  private readonly exec: ExecRunner;
  private readonly recorder: EventRecorder;
  private readonly logger: Logger;
  private readonly tcpDial: TcpDialer | undefined;
  private healthService: grpc.ServiceDefinition | undefined;

  constructor(options: ProberOptions) {
    this.clock = options.clock;
    this.exec = options.exec;
    this.recorder = options.recorder;
    this.logger = options.logger ?? silentLogger;
    this.tcpDial = options.tcpDial;
  }

  /**
   * Probes `container` with its probe of `probeType` and records the event the outcome calls for. A missing
   * probe counts as success. `containerID` is the `<runtime>://<id>` from the container status.
   */
  async probe(
    probeType: ProbeType,
    pod: Pod,
    status: PodStatus,
    container: Container,
    containerID: string,
  ): Promise<ProbeOutcomeForWorker> {
    const spec = probeSpecOf(container, probeType);
    if (!spec) return { result: 'Success' };
    let attempt: ProbeAttempt = { result: 'unknown', output: '' };
    for (let i = 0; i < MAX_PROBE_RETRIES; i++) {
      attempt = await this.runProbe(spec, pod, status, container, containerID);
      if (!attempt.error) break;
    }
    const ref = containerRef(pod, container);
    const fields = { pod: formatPod(pod), container: container.name, probeType };
    if (attempt.error) {
      this.logger.debug('probe errored', { ...fields, result: attempt.result, err: attempt.error });
      this.recorder.event(
        ref,
        'Warning',
        EventReason.ContainerUnhealthy,
        `${probeType} probe errored and resulted in ${attempt.result} state: ${attempt.error.message}`,
      );
      return { result: 'Failure', error: attempt.error };
    }
    switch (attempt.result) {
      case 'success':
        return { result: 'Success' };
      case 'warning':
        this.recorder.event(
          ref,
          'Warning',
          EventReason.ContainerProbeWarning,
          `${probeType} probe warning: ${attempt.output}`,
        );
        return { result: 'Success' };
      case 'failure':
        this.logger.debug('probe failed', { ...fields, output: attempt.output });
        this.recorder.event(
          ref,
          'Warning',
          EventReason.ContainerUnhealthy,
          `${probeType} probe failed: ${attempt.output}`,
        );
        return { result: 'Failure' };
      default:
        return { result: 'Failure' };
    }
  }

  /** One attempt of `spec` against the container, without events or retries. */
  async runProbe(
    spec: Probe,
    pod: Pod,
    status: PodStatus,
    container: Container,
    containerID: string,
  ): Promise<ProbeAttempt> {
    const timeoutSeconds = spec.timeoutSeconds || 1;
    const timeoutMs = timeoutSeconds * 1000;
    try {
      if (spec.exec) {
        const cmd = expandCommandOnlyStatic(spec.exec.command ?? [], container.env);
        return await doExecProbe(containerIdOnly(containerID), cmd, timeoutSeconds, {
          clock: this.clock,
          run: this.exec,
        });
      }
      if (spec.httpGet) {
        const req = newRequestForHTTPGetAction(spec.httpGet, container, status.podIP);
        return await doHttpProbe(req, { clock: this.clock, timeoutMs });
      }
      if (spec.tcpSocket) {
        const port = resolveContainerPort(spec.tcpSocket.port, container);
        const host = spec.tcpSocket.host || status.podIP;
        if (!host) throw new Error('pod has no IP address to probe');
        return await doTcpProbe(host, port, { clock: this.clock, timeoutMs, dial: this.tcpDial });
      }
      if (spec.grpc) {
        if (!status.podIP) throw new Error('pod has no IP address to probe');
        this.healthService ??= loadHealthService();
        return await doGrpcProbe(status.podIP, spec.grpc.port, spec.grpc.service ?? '', {
          clock: this.clock,
          timeoutMs,
          service: this.healthService,
        });
      }
      return {
        result: 'unknown',
        output: '',
        error: new Error(`missing probe handler for ${formatPod(pod)}:${container.name}`),
      };
    } catch (err) {
      return { result: 'unknown', output: '', error: err instanceof Error ? err : new Error(String(err)) };
    }
  }
}
