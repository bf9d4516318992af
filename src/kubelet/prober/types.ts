/**
 * The slice of core/v1 that probes, hooks and restart decisions read. Field names are exactly the API's JSON
 * names, so a pod decoded from the API server can be passed in as is; only what this package reads is typed.
 * Times are RFC 3339 strings, as on the wire.
 */

/** A port given by number or by the name of one of the container's ports (intstr.IntOrString). */
export type IntOrString = number | string;

export interface HTTPHeader {
  name: string;
  value: string;
}

export interface HTTPGetAction {
  path?: string;
  port: IntOrString;
  /** Defaults to the pod IP. */
  host?: string;
  /** `HTTP` (default) or `HTTPS`. */
  scheme?: string;
  httpHeaders?: HTTPHeader[];
}

export interface TCPSocketAction {
  port: IntOrString;
  /** Defaults to the pod IP. */
  host?: string;
}

export interface ExecAction {
  command?: string[];
}

export interface GRPCAction {
  port: number;
  /** The service name sent in HealthCheckRequest; empty asks about the server as a whole. */
  service?: string;
}

export interface SleepAction {
  seconds: number;
}

/** Exactly one handler is set (validation guarantees it). */
export interface ProbeHandler {
  exec?: ExecAction;
  httpGet?: HTTPGetAction;
  tcpSocket?: TCPSocketAction;
  grpc?: GRPCAction;
}

export interface Probe extends ProbeHandler {
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

export interface LifecycleHandler {
  exec?: ExecAction;
  httpGet?: HTTPGetAction;
  tcpSocket?: TCPSocketAction;
  sleep?: SleepAction;
}

export interface Lifecycle {
  postStart?: LifecycleHandler;
  preStop?: LifecycleHandler;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: unknown;
}

export interface Container {
  name: string;
  image?: string;
  ports?: ContainerPort[];
  env?: EnvVar[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: Lifecycle;
  /** Only on init containers: `Always` makes it a sidecar (a restartable init container). */
  restartPolicy?: string;
}

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  restartPolicy?: RestartPolicy | string;
  terminationGracePeriodSeconds?: number;
}

export interface PodMeta {
  name: string;
  namespace?: string;
  uid: string;
  annotations?: Record<string, string>;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
}

export interface ContainerStateWaiting {
  reason?: string;
  message?: string;
}

export interface ContainerStateRunning {
  startedAt?: string;
}

export interface ContainerStateTerminated {
  exitCode: number;
  signal?: number;
  reason?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  containerID?: string;
}

/** At most one member is set. */
export interface ContainerState {
  waiting?: ContainerStateWaiting;
  running?: ContainerStateRunning;
  terminated?: ContainerStateTerminated;
}

export interface ContainerStatus {
  name: string;
  /** `<runtime>://<id>`, e.g. `containerd://4f1c…`. */
  containerID?: string;
  state?: ContainerState;
  lastState?: ContainerState;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  image?: string;
  imageID?: string;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface PodStatus {
  phase?: PodPhase | string;
  podIP?: string;
  podIPs?: { ip: string }[];
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
}

export interface Pod {
  metadata: PodMeta;
  spec: PodSpec;
  status?: PodStatus;
}

/** `name_namespace(uid)`, the way the kubelet names a pod in messages (kubelet/util/format.Pod). */
export function formatPod(pod: Pick<Pod, 'metadata'>): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? ''}(${pod.metadata.uid})`;
}

/** A sidecar: an init container with `restartPolicy: Always`, kept running beside the main containers. */
export function isRestartableInitContainer(container: Pick<Container, 'restartPolicy'>): boolean {
  return container.restartPolicy === 'Always';
}

/** The status of the named container in a status list, if there is one. */
export function findContainerStatus(
  statuses: readonly ContainerStatus[] | undefined,
  name: string,
): ContainerStatus | undefined {
  return statuses?.find((s) => s.name === name);
}

/** The ID part of `<runtime>://<id>` (what CRI calls take); a bare ID is returned as is. */
export function containerIdOnly(containerID: string): string {
  const i = containerID.indexOf('://');
  return i < 0 ? containerID : containerID.slice(i + 3);
}
