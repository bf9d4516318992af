/**
 * The grpc probe: calls the standard health service, `grpc.health.v1.Health/Check`, over plaintext and
 * succeeds only on SERVING (probe/grpc.Probe). Like upstream's blocking dial, a server that cannot be reached
 * is retried until the timeout and then reported as a timeout; every failure is a `failure`, never an error.
 */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';
import type { Clock } from '../../util/clock.js';
import { goDuration, joinHostPort, PROBE_USER_AGENT, type ProbeAttempt } from './probe-result.js';

/** Our own text of the health protocol: just the two messages and the one method probes use. */
export const HEALTH_PROTO = `
syntax = "proto3";
package grpc.health.v1;
message HealthCheckRequest {
  string service = 1;
}
message HealthCheckResponse {
  enum ServingStatus {
    UNKNOWN = 0;
    SERVING = 1;
    NOT_SERVING = 2;
    SERVICE_UNKNOWN = 3;
  }
  ServingStatus status = 1;
}
service Health {
  rpc Check(HealthCheckRequest) returns (HealthCheckResponse);
}
`;

/** The fully qualified service name, as registered in a loaded package definition. */
export const HEALTH_SERVICE = 'grpc.health.v1.Health';

export type ServingStatus = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';

export interface HealthCheckRequest {
  service: string;
}

export interface HealthCheckResponse {
  status: ServingStatus;
}

/**
 * Parses {@link HEALTH_PROTO} into a grpc-js service definition (enums decoded as their names, defaults
 * filled). Usable for a client and for a health server alike; cheap enough to call per prober.
 */
export function loadHealthService(): grpc.ServiceDefinition {
  const json = protobuf.parse(HEALTH_PROTO, { keepCase: true }).root.toJSON();
  const pkg = protoLoader.fromJSON(json, { keepCase: true, enums: String, defaults: true });
  return pkg[HEALTH_SERVICE] as grpc.ServiceDefinition;
}

/** Go's names of gRPC status codes, as `%v` of a status error prints them. */
const GO_CODE_NAMES = [
  'OK',
  'Canceled',
  'Unknown',
  'InvalidArgument',
  'DeadlineExceeded',
  'NotFound',
  'AlreadyExists',
  'PermissionDenied',
  'ResourceExhausted',
  'FailedPrecondition',
  'Aborted',
  'OutOfRange',
  'Unimplemented',
  'Internal',
  'Unavailable',
  'DataLoss',
  'Unauthenticated',
];

export interface GrpcProbeOptions {
  clock: Clock;
  timeoutMs: number;
  /** The Health service definition; loaded once per prober and reused. */
  service: grpc.ServiceDefinition;
}

/** Probes `host:port` for `service` once. Never rejects; the channel is always closed before it settles. */
export async function doGrpcProbe(
  host: string,
  port: number,
  service: string,
  options: GrpcProbeOptions,
): Promise<ProbeAttempt> {
  const addr = joinHostPort(host, port);
  const timeout = goDuration(options.timeoutMs);
  const client = new grpc.Client(addr, grpc.credentials.createInsecure(), {
    'grpc.primary_user_agent': PROBE_USER_AGENT,
  });
  let timedOut = false;
  let call: grpc.ClientUnaryCall | undefined;
  let onTimeout!: () => void;
  const deadline = new Promise<'timeout'>((resolve) => (onTimeout = () => resolve('timeout')));
  // The deadline runs on our clock: when it passes we stop waiting, then cancel and close so that grpc-js
  // stops dialing (closing does not call back a pending waitForReady, hence the race).
  const timer = options.clock.setTimeout(() => {
    timedOut = true;
    onTimeout();
    call?.cancel();
    client.close();
  }, options.timeoutMs);
  try {
    const ready = await Promise.race([
      new Promise<Error | undefined>((resolve) => client.waitForReady(Infinity, resolve)),
      deadline,
    ]);
    if (ready === 'timeout' || timedOut) {
      return {
        result: 'failure',
        output: `timeout: failed to connect service ${JSON.stringify(addr)} within ${timeout}: context deadline exceeded`,
      };
    }
    if (ready) {
      return {
        result: 'failure',
        output: `error: failed to connect service at ${JSON.stringify(addr)}: ${ready.message}`,
      };
    }
    const method = options.service.Check as grpc.MethodDefinition<HealthCheckRequest, HealthCheckResponse>;
    const rpc = new Promise<{ err: grpc.ServiceError | null; res?: HealthCheckResponse }>((resolve) => {
      call = client.makeUnaryRequest(
        method.path,
        method.requestSerialize,
        method.responseDeserialize,
        { service },
        new grpc.Metadata(),
        {},
        (err, res) => resolve({ err, res }),
      );
    });
    const outcome = await Promise.race([rpc, deadline]);
    if (outcome === 'timeout') {
      return { result: 'failure', output: `timeout: health rpc did not complete within ${timeout}` };
    }
    if (outcome.err) {
      const code = outcome.err.code;
      if (code === grpc.status.UNIMPLEMENTED) {
        return {
          result: 'failure',
          output: `error: this server does not implement the grpc health protocol (grpc.health.v1.Health): ${outcome.err.details}`,
        };
      }
      if (timedOut || code === grpc.status.DEADLINE_EXCEEDED) {
        return { result: 'failure', output: `timeout: health rpc did not complete within ${timeout}` };
      }
      const name = GO_CODE_NAMES[code] ?? `Code(${code})`;
      return {
        result: 'failure',
        output: `error: health rpc probe failed: rpc error: code = ${name} desc = ${outcome.err.details}`,
      };
    }
    const status = outcome.res?.status ?? 'UNKNOWN';
    if (status !== 'SERVING') {
      return { result: 'failure', output: `service unhealthy (responded with ${JSON.stringify(status)})` };
    }
    return { result: 'success', output: 'service healthy' };
  } finally {
    options.clock.clearTimeout(timer);
    client.close();
  }
}
