/**
 * TypeScript shapes of the CRI v1 RuntimeService messages k8ts uses: version and status, pod sandboxes,
 * containers and exec/attach/port-forward (container stats are in types-stats.ts). Decoded views; see types-common.ts for the
 * conventions (snake_case names, `null` for unset sub-messages, int64 as {@link Int64}).
 */
import type {
  ImageSpec,
  Int64,
  Int64Value,
  KeyValue,
  LinuxContainerResources,
  NamespaceOption,
  StringMap,
} from './types-common.js';

// ---- version and status ----

export interface VersionRequest {
  version: string;
}

export interface VersionResponse {
  version: string;
  runtime_name: string;
  runtime_version: string;
  runtime_api_version: string;
}

export interface StatusRequest {
  verbose: boolean;
}

/** A runtime condition; the kubelet requires `RuntimeReady` and (for pod networking) `NetworkReady`. */
export interface RuntimeCondition {
  type: string;
  status: boolean;
  reason: string;
  message: string;
}

export interface StatusResponse {
  status: { conditions: RuntimeCondition[] } | null;
  info: StringMap;
}

// ---- security ----

export interface Capability {
  add_capabilities: string[];
  drop_capabilities: string[];
}

export interface LinuxSandboxSecurityContext {
  namespace_options: NamespaceOption | null;
  run_as_user: Int64Value | null;
  readonly_rootfs: boolean;
  supplemental_groups: Int64[];
  privileged: boolean;
  run_as_group: Int64Value | null;
}

export interface LinuxContainerSecurityContext {
  capabilities: Capability | null;
  privileged: boolean;
  namespace_options: NamespaceOption | null;
  run_as_user: Int64Value | null;
  run_as_username: string;
  readonly_rootfs: boolean;
  supplemental_groups: Int64[];
  no_new_privs: boolean;
  run_as_group: Int64Value | null;
  masked_paths: string[];
  readonly_paths: string[];
}

// ---- pod sandboxes ----

export interface DNSConfig {
  servers: string[];
  searches: string[];
  options: string[];
}

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** A hostPort mapping (the CNI portmap plugin turns it into DNAT rules). */
export interface PortMapping {
  protocol: Protocol;
  container_port: number;
  host_port: number;
  host_ip: string;
}

export interface LinuxPodSandboxConfig {
  cgroup_parent: string;
  security_context: LinuxSandboxSecurityContext | null;
  sysctls: StringMap;
  overhead: LinuxContainerResources | null;
  resources: LinuxContainerResources | null;
}

export interface PodSandboxMetadata {
  name: string;
  uid: string;
  namespace: string;
  attempt: number;
}

/** How to run a pod sandbox. `hostname` must be empty when the network namespace mode is `NODE`. */
export interface PodSandboxConfig {
  metadata: PodSandboxMetadata | null;
  hostname: string;
  /** Directory for the pod's container logs; container `log_path` values are relative to it. */
  log_directory: string;
  dns_config: DNSConfig | null;
  port_mappings: PortMapping[];
  labels: StringMap;
  annotations: StringMap;
  linux: LinuxPodSandboxConfig | null;
}

export interface RunPodSandboxRequest {
  config: PodSandboxConfig | null;
  runtime_handler: string;
}

export interface RunPodSandboxResponse {
  pod_sandbox_id: string;
}

export interface PodSandboxIdRequest {
  pod_sandbox_id: string;
}

export type StopPodSandboxRequest = PodSandboxIdRequest;
export type RemovePodSandboxRequest = PodSandboxIdRequest;
/** The empty answer of calls that only succeed or fail. */
export type Empty = Record<string, never>;

export interface PodSandboxStatusRequest {
  pod_sandbox_id: string;
  verbose: boolean;
}

export type PodSandboxState = 'SANDBOX_READY' | 'SANDBOX_NOTREADY';

export interface PodSandboxNetworkStatus {
  /** Empty for a NODE-network sandbox: use the node's IP. */
  ip: string;
  additional_ips: { ip: string }[];
}

export interface PodSandboxStatus {
  id: string;
  metadata: PodSandboxMetadata | null;
  state: PodSandboxState;
  /** Nanoseconds since the epoch. */
  created_at: Int64;
  network: PodSandboxNetworkStatus | null;
  linux: { namespaces: { options: NamespaceOption | null } | null } | null;
  labels: StringMap;
  annotations: StringMap;
  runtime_handler: string;
}

export interface PodSandboxStatusResponse {
  status: PodSandboxStatus | null;
  /** Runtime-specific JSON documents, only when `verbose`. */
  info: StringMap;
}

export interface PodSandboxFilter {
  id: string;
  /** A wrapper so that "no state filter" differs from SANDBOX_READY. */
  state: { state: PodSandboxState } | null;
  label_selector: StringMap;
}

export interface ListPodSandboxRequest {
  filter: PodSandboxFilter | null;
}

export interface PodSandbox {
  id: string;
  metadata: PodSandboxMetadata | null;
  state: PodSandboxState;
  created_at: Int64;
  labels: StringMap;
  annotations: StringMap;
  runtime_handler: string;
}

export interface ListPodSandboxResponse {
  items: PodSandbox[];
}

// ---- containers ----

export type MountPropagation = 'PROPAGATION_PRIVATE' | 'PROPAGATION_HOST_TO_CONTAINER' | 'PROPAGATION_BIDIRECTIONAL';

export interface Mount {
  container_path: string;
  host_path: string;
  readonly: boolean;
  selinux_relabel: boolean;
  propagation: MountPropagation;
}

export interface Device {
  container_path: string;
  host_path: string;
  permissions: string;
}

export interface ContainerMetadata {
  name: string;
  attempt: number;
}

export interface LinuxContainerConfig {
  resources: LinuxContainerResources | null;
  security_context: LinuxContainerSecurityContext | null;
}

/** How to create a container; `command`/`args` override the image's entrypoint/cmd when non-empty. */
export interface ContainerConfig {
  metadata: ContainerMetadata | null;
  image: ImageSpec | null;
  command: string[];
  args: string[];
  working_dir: string;
  envs: KeyValue[];
  mounts: Mount[];
  devices: Device[];
  labels: StringMap;
  annotations: StringMap;
  /** Relative to the sandbox's `log_directory`. */
  log_path: string;
  stdin: boolean;
  stdin_once: boolean;
  tty: boolean;
  linux: LinuxContainerConfig | null;
}

export interface CreateContainerRequest {
  pod_sandbox_id: string;
  config: ContainerConfig | null;
  sandbox_config: PodSandboxConfig | null;
}

export interface CreateContainerResponse {
  container_id: string;
}

export interface ContainerIdRequest {
  container_id: string;
}

export type StartContainerRequest = ContainerIdRequest;
export type RemoveContainerRequest = ContainerIdRequest;

export interface StopContainerRequest {
  container_id: string;
  /** Seconds of grace between the stop signal and SIGKILL. */
  timeout: Int64;
}

export type ContainerState = 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED' | 'CONTAINER_UNKNOWN';

export interface ContainerFilter {
  id: string;
  state: { state: ContainerState } | null;
  pod_sandbox_id: string;
  label_selector: StringMap;
}

export interface ListContainersRequest {
  filter: ContainerFilter | null;
}

export interface Container {
  id: string;
  pod_sandbox_id: string;
  metadata: ContainerMetadata | null;
  image: ImageSpec | null;
  image_ref: string;
  state: ContainerState;
  created_at: Int64;
  labels: StringMap;
  annotations: StringMap;
}

export interface ListContainersResponse {
  containers: Container[];
}

export interface ContainerStatusRequest {
  container_id: string;
  verbose: boolean;
}

export interface ContainerStatus {
  id: string;
  metadata: ContainerMetadata | null;
  state: ContainerState;
  /** Nanoseconds since the epoch; 0 when the event has not happened. */
  created_at: Int64;
  started_at: Int64;
  finished_at: Int64;
  exit_code: number;
  image: ImageSpec | null;
  image_ref: string;
  /** e.g. `Completed`, `Error`, `OOMKilled`. */
  reason: string;
  message: string;
  labels: StringMap;
  annotations: StringMap;
  mounts: Mount[];
  /** Absolute path of the CRI-format log file. */
  log_path: string;
  resources: { linux: LinuxContainerResources | null } | null;
}

export interface ContainerStatusResponse {
  status: ContainerStatus | null;
  info: StringMap;
}

export interface UpdateContainerResourcesRequest {
  container_id: string;
  linux: LinuxContainerResources | null;
  annotations: StringMap;
}

// ---- exec, attach, port-forward ----

export interface ExecSyncRequest {
  container_id: string;
  cmd: string[];
  /** Seconds; 0 means no limit. */
  timeout: Int64;
}

export interface ExecSyncResponse {
  stdout: Buffer;
  stderr: Buffer;
  exit_code: number;
}

export interface ExecRequest {
  container_id: string;
  cmd: string[];
  tty: boolean;
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
}

export interface AttachRequest {
  container_id: string;
  stdin: boolean;
  tty: boolean;
  stdout: boolean;
  stderr: boolean;
}

export interface PortForwardRequest {
  pod_sandbox_id: string;
  port: number[];
}

/** The answer of Exec, Attach and PortForward: a one-shot URL on the runtime's streaming server. */
export interface StreamingUrlResponse {
  url: string;
}
