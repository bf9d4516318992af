/**
 * The gRPC CRI client: {@link CriClient} over a unix socket to a real runtime (containerd's CRI plugin).
 */
import * as grpc from '@grpc/grpc-js';
import { realClock, type Clock } from '../../util/clock.js';
import { toCriError, CriError, GrpcCode } from './errors.js';
import { loadCriDefinition, type CriServiceDefinition } from './proto.js';
import { imageMethods, runtimeMethods, type CriCallOptions, type CriClient } from './service.js';

/** Options of {@link createCriClient}. */
export interface CriClientOptions {
  /** The runtime's socket: a path (`/run/k8ts/containerd.sock`) or a gRPC target (`unix:///…`). */
  endpoint: string;
  /** Default deadline of every call except ExecSync and PullImage; default 2 minutes (the kubelet's). */
  requestTimeoutMs?: number;
  /** Default deadline of PullImage; default 5 minutes. 0 disables it. */
  pullTimeoutMs?: number;
  /** Clock for computing deadlines; default the real clock. */
  clock?: Clock;
  /** Path of runtime-v1.proto; default: found by `findCriProto`. */
  protoPath?: string;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;
const DEFAULT_PULL_TIMEOUT_MS = 300_000;
// Lists of many containers or verbose statuses can exceed gRPC's 4 MiB default.
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Turns a socket path into a gRPC target; targets that already name a scheme pass through. */
export function criTarget(endpoint: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(endpoint)) return endpoint;
  return `unix://${endpoint}`;
}

/**
 * Connects to a CRI runtime. The connection is made lazily on the first call and re-established by gRPC
 * after the runtime restarts; a call made while the socket is unreachable fails with UNAVAILABLE (it does not
 * wait for the runtime to come back).
 */
export function createCriClient(options: CriClientOptions): CriClient {
  const def = loadCriDefinition(options.protoPath);
  const channel = new grpc.Client(criTarget(options.endpoint), grpc.credentials.createInsecure(), {
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
    // Reconnect quickly after a runtime restart; gRPC's default back-off grows to two minutes.
    'grpc.initial_reconnect_backoff_ms': 100,
    'grpc.max_reconnect_backoff_ms': 2_000,
  });
  const clock = options.clock ?? realClock;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const pullTimeoutMs = options.pullTimeoutMs ?? DEFAULT_PULL_TIMEOUT_MS;

  const call = <Res>(
    service: CriServiceDefinition,
    method: string,
    req: object | undefined,
    opts: CriCallOptions | undefined,
    defaultTimeoutMs: number,
  ): Promise<Res> => {
    const md = service[method];
    if (!md) return Promise.reject(new CriError(method, GrpcCode.UNIMPLEMENTED, 'method not in the CRI proto'));
    const timeoutMs = opts?.timeoutMs ?? defaultTimeoutMs;
    const callOptions: grpc.CallOptions = timeoutMs > 0 ? { deadline: new Date(clock.now() + timeoutMs) } : {};
    return new Promise<Res>((resolve, reject) => {
      if (opts?.signal?.aborted) {
        reject(new CriError(method, GrpcCode.CANCELLED, 'aborted before the call', { cause: opts.signal.reason }));
        return;
      }
      const onAbort = () => unary.cancel();
      const unary = channel.makeUnaryRequest(
        md.path,
        md.requestSerialize as (value: object) => Buffer,
        md.responseDeserialize as (bytes: Buffer) => Res,
        req ?? {},
        new grpc.Metadata(),
        callOptions,
        (err, value) => {
          opts?.signal?.removeEventListener('abort', onAbort);
          if (err) reject(toCriError(method, err));
          else resolve(value as Res);
        },
      );
      opts?.signal?.addEventListener('abort', onAbort, { once: true });
    });
  };

  const rt =
    <Res>(method: string, timeout = requestTimeoutMs) =>
    (req: object | undefined, opts?: CriCallOptions) =>
      call<Res>(def.runtime, method, req, opts, timeout);
  const img =
    <Res>(method: string, timeout = requestTimeoutMs) =>
    (req: object | undefined, opts?: CriCallOptions) =>
      call<Res>(def.image, method, req, opts, timeout);

  // ExecSync's own `timeout` bounds the command; the deadline adds the usual request budget on top of it,
  // and a command without a timeout gets no deadline (as the kubelet does).
  const execSync = (req: { timeout?: string | number | null } & object, opts?: CriCallOptions) => {
    const seconds = Number(req.timeout ?? 0);
    const timeout = seconds > 0 ? seconds * 1000 + requestTimeoutMs : 0;
    return call(def.runtime, runtimeMethods.execSync, req, opts, timeout);
  };

  const client: CriClient = {
    version: rt(runtimeMethods.version),
    runPodSandbox: rt(runtimeMethods.runPodSandbox),
    stopPodSandbox: rt(runtimeMethods.stopPodSandbox),
    removePodSandbox: rt(runtimeMethods.removePodSandbox),
    podSandboxStatus: rt(runtimeMethods.podSandboxStatus),
    listPodSandbox: rt(runtimeMethods.listPodSandbox),
    createContainer: rt(runtimeMethods.createContainer),
    startContainer: rt(runtimeMethods.startContainer),
    stopContainer: (req, opts) => {
      // The runtime waits up to `timeout` seconds for a graceful stop: the deadline must outlast that.
      const seconds = Number(req.timeout ?? 0);
      return call(def.runtime, runtimeMethods.stopContainer, req, opts, seconds * 1000 + requestTimeoutMs);
    },
    removeContainer: rt(runtimeMethods.removeContainer),
    listContainers: rt(runtimeMethods.listContainers),
    containerStatus: rt(runtimeMethods.containerStatus),
    updateContainerResources: rt(runtimeMethods.updateContainerResources),
    execSync: execSync as CriClient['execSync'],
    exec: rt(runtimeMethods.exec),
    attach: rt(runtimeMethods.attach),
    portForward: rt(runtimeMethods.portForward),
    containerStats: rt(runtimeMethods.containerStats),
    listContainerStats: rt(runtimeMethods.listContainerStats),
    status: rt(runtimeMethods.status),
    listImages: img(imageMethods.listImages),
    imageStatus: img(imageMethods.imageStatus),
    pullImage: img(imageMethods.pullImage, pullTimeoutMs),
    removeImage: img(imageMethods.removeImage),
    imageFsInfo: img(imageMethods.imageFsInfo),
    close: () => channel.close(),
  };
  return client;
}
