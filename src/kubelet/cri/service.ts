/**
 * The CRI v1 client contract the kubelet programs against: {@link RuntimeService} and {@link ImageService},
 * one promise method per CRI call, taking the request message and resolving to the response message.
 *
 * Implementations: `createCriClient` (gRPC to a real runtime such as containerd) and `FakeCriClient`
 * (in memory, for unit tests). Both fail only with `CriError` (see errors.ts), so `isNotFound(err)` works the
 * same against either.
 */
import type { CriInput } from './types-common.js';
import type {
  AttachRequest,
  ContainerIdRequest,
  ContainerStatusRequest,
  ContainerStatusResponse,
  CreateContainerRequest,
  CreateContainerResponse,
  Empty,
  ExecRequest,
  ExecSyncRequest,
  ExecSyncResponse,
  ListContainersRequest,
  ListContainersResponse,
  ListPodSandboxRequest,
  ListPodSandboxResponse,
  PodSandboxIdRequest,
  PodSandboxStatusRequest,
  PodSandboxStatusResponse,
  PortForwardRequest,
  RunPodSandboxRequest,
  RunPodSandboxResponse,
  StatusRequest,
  StatusResponse,
  StopContainerRequest,
  StreamingUrlResponse,
  UpdateContainerResourcesRequest,
  VersionRequest,
  VersionResponse,
} from './types-runtime.js';
import type {
  ImageFsInfoResponse,
  ImageStatusRequest,
  ImageStatusResponse,
  ListImagesRequest,
  ListImagesResponse,
  PullImageRequest,
  PullImageResponse,
  RemoveImageRequest,
} from './types-image.js';
import type { ContainerStatsResponse, ListContainerStatsRequest, ListContainerStatsResponse } from './types-stats.js';

/** Per-call options. */
export interface CriCallOptions {
  /**
   * Milliseconds before the call fails with DEADLINE_EXCEEDED; overrides the client's default for this call.
   * 0 means no deadline. A missed deadline does not undo the operation: the runtime may still finish it.
   */
  timeoutMs?: number;
  /** Cancels the call (it fails with CANCELLED). */
  signal?: AbortSignal;
}

/**
 * Pod sandboxes and containers (CRI `runtime.v1.RuntimeService`).
 *
 * Calls are independent and may run concurrently; the client neither retries nor orders them — the
 * kubelet's sync loop is the retry. Stop and remove calls are idempotent on the runtime side except that an
 * unknown id fails with NOT_FOUND, which callers treat as "already done".
 */
export interface RuntimeService {
  version(req: CriInput<VersionRequest>, opts?: CriCallOptions): Promise<VersionResponse>;
  /** Creates and starts a sandbox (pause container, namespaces, network via CNI unless network is NODE). */
  runPodSandbox(req: CriInput<RunPodSandboxRequest>, opts?: CriCallOptions): Promise<RunPodSandboxResponse>;
  /** Stops every container of the sandbox and tears its network down; keeps its records. */
  stopPodSandbox(req: CriInput<PodSandboxIdRequest>, opts?: CriCallOptions): Promise<Empty>;
  /** Removes a sandbox and all its containers (stopping them first if needed). */
  removePodSandbox(req: CriInput<PodSandboxIdRequest>, opts?: CriCallOptions): Promise<Empty>;
  podSandboxStatus(req: CriInput<PodSandboxStatusRequest>, opts?: CriCallOptions): Promise<PodSandboxStatusResponse>;
  listPodSandbox(req: CriInput<ListPodSandboxRequest>, opts?: CriCallOptions): Promise<ListPodSandboxResponse>;
  createContainer(req: CriInput<CreateContainerRequest>, opts?: CriCallOptions): Promise<CreateContainerResponse>;
  startContainer(req: CriInput<ContainerIdRequest>, opts?: CriCallOptions): Promise<Empty>;
  /** Sends the stop signal, then SIGKILL after `timeout` seconds. Stopping an exited container succeeds. */
  stopContainer(req: CriInput<StopContainerRequest>, opts?: CriCallOptions): Promise<Empty>;
  removeContainer(req: CriInput<ContainerIdRequest>, opts?: CriCallOptions): Promise<Empty>;
  listContainers(req: CriInput<ListContainersRequest>, opts?: CriCallOptions): Promise<ListContainersResponse>;
  containerStatus(req: CriInput<ContainerStatusRequest>, opts?: CriCallOptions): Promise<ContainerStatusResponse>;
  updateContainerResources(req: CriInput<UpdateContainerResourcesRequest>, opts?: CriCallOptions): Promise<Empty>;
  /** Runs a command in a running container and waits for it; a non-zero exit is a result, not an error. */
  execSync(req: CriInput<ExecSyncRequest>, opts?: CriCallOptions): Promise<ExecSyncResponse>;
  /** Returns a one-shot streaming URL (WebSocket `v4.channel.k8s.io` or SPDY) for an interactive exec. */
  exec(req: CriInput<ExecRequest>, opts?: CriCallOptions): Promise<StreamingUrlResponse>;
  attach(req: CriInput<AttachRequest>, opts?: CriCallOptions): Promise<StreamingUrlResponse>;
  portForward(req: CriInput<PortForwardRequest>, opts?: CriCallOptions): Promise<StreamingUrlResponse>;
  containerStats(req: CriInput<ContainerIdRequest>, opts?: CriCallOptions): Promise<ContainerStatsResponse>;
  listContainerStats(
    req: CriInput<ListContainerStatsRequest>,
    opts?: CriCallOptions,
  ): Promise<ListContainerStatsResponse>;
  /** Runtime conditions (RuntimeReady, NetworkReady). */
  status(req: CriInput<StatusRequest>, opts?: CriCallOptions): Promise<StatusResponse>;
}

/**
 * Images (CRI `runtime.v1.ImageService`). ImageStatus of a missing image resolves with `image: null`;
 * RemoveImage of a missing image succeeds.
 */
export interface ImageService {
  listImages(req: CriInput<ListImagesRequest>, opts?: CriCallOptions): Promise<ListImagesResponse>;
  imageStatus(req: CriInput<ImageStatusRequest>, opts?: CriCallOptions): Promise<ImageStatusResponse>;
  /** Pulls through the runtime's registry configuration; resolves with the image's reference. */
  pullImage(req: CriInput<PullImageRequest>, opts?: CriCallOptions): Promise<PullImageResponse>;
  removeImage(req: CriInput<RemoveImageRequest>, opts?: CriCallOptions): Promise<Empty>;
  imageFsInfo(req?: CriInput<Empty>, opts?: CriCallOptions): Promise<ImageFsInfoResponse>;
}

/** Both CRI services over one connection. `close()` ends the connection; later calls fail. */
export interface CriClient extends RuntimeService, ImageService {
  close(): void;
}

/** CRI method names as on the wire, keyed by client method (for building paths and for fakes' call logs). */
export const runtimeMethods = {
  version: 'Version',
  runPodSandbox: 'RunPodSandbox',
  stopPodSandbox: 'StopPodSandbox',
  removePodSandbox: 'RemovePodSandbox',
  podSandboxStatus: 'PodSandboxStatus',
  listPodSandbox: 'ListPodSandbox',
  createContainer: 'CreateContainer',
  startContainer: 'StartContainer',
  stopContainer: 'StopContainer',
  removeContainer: 'RemoveContainer',
  listContainers: 'ListContainers',
  containerStatus: 'ContainerStatus',
  updateContainerResources: 'UpdateContainerResources',
  execSync: 'ExecSync',
  exec: 'Exec',
  attach: 'Attach',
  portForward: 'PortForward',
  containerStats: 'ContainerStats',
  listContainerStats: 'ListContainerStats',
  status: 'Status',
} as const satisfies Record<keyof RuntimeService, string>;

/** See {@link runtimeMethods}. */
export const imageMethods = {
  listImages: 'ListImages',
  imageStatus: 'ImageStatus',
  pullImage: 'PullImage',
  removeImage: 'RemoveImage',
  imageFsInfo: 'ImageFsInfo',
} as const satisfies Record<keyof ImageService, string>;

/** A CRI method name as on the wire, e.g. `RunPodSandbox`. */
export type CriMethod =
  (typeof runtimeMethods)[keyof typeof runtimeMethods] | (typeof imageMethods)[keyof typeof imageMethods];
