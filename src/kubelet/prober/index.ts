/** The kubelet's probes: probers per handler, the worker loop, result caches and the manager. */
export * from './types.js';
export * from './probe-result.js';
export * from './events.js';
export { resolveContainerPort } from './resolve-port.js';
export {
  httpGet,
  HttpGetError,
  type HttpGetRequest,
  type HttpGetResponse,
  type HttpGetOptions,
} from './http-client.js';
export { doHttpProbe, newRequestForHTTPGetAction, canonicalHeaderKey, formatProbeURL } from './http-probe.js';
export { doTcpProbe, netDialer, type TcpDialer } from './tcp-probe.js';
export {
  doExecProbe,
  expandCommandOnlyStatic,
  ExecTimeoutError,
  isExecTimeoutError,
  type ExecResult,
  type ExecRunner,
} from './exec-probe.js';
export { doGrpcProbe, loadHealthService, HEALTH_PROTO, HEALTH_SERVICE, type ServingStatus } from './grpc-probe.js';
export {
  Prober,
  probeSpecOf,
  MAX_PROBE_RETRIES,
  type ProbeType,
  type ProbeResult,
  type ProberOptions,
} from './prober.js';
export { ResultsManager, type ResultUpdate, type ResultListener } from './results-manager.js';
export { ProbeWorker, PROBE_DEFAULTS, type WorkerContext } from './worker.js';
export { ProbeManager, type ProbeManagerOptions, type LivenessFailure } from './prober-manager.js';
