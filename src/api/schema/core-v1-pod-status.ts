/**
 * core/v1: PodStatus, pod conditions and container statuses.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { boolean, field, int32, int64, list, map, quantity, string, struct, type StructType, time } from './dsl.js';
import { ResourceRequirements } from './core-v1-container.js';
import { STOP_SIGNALS } from './core-v1-lifecycle.js';

export const PodStatus: StructType = struct('io.k8s.api.core.v1.PodStatus', 'Observed state of a pod.', {
  observedGeneration: field(17, int64, 'The pod generation the status reflects.'),
  phase: field(1, string, 'Pending, Running, Succeeded, Failed or Unknown.', {
    enum: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
  }),
  conditions: field(
    2,
    list(() => PodCondition),
    'Current service state of the pod.',
    { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
  ),
  message: field(3, string, "Human-readable details about the pod's state."),
  reason: field(4, string, "Brief CamelCase reason for the pod's state, e.g. Evicted."),
  nominatedNodeName: field(11, string, 'Node the pod is expected to run on after preemption.'),
  hostIP: field(5, string, "IP address of the pod's node."),
  hostIPs: field(
    16,
    list(() => HostIP),
    "IP addresses of the pod's node, one per family.",
    { patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'atomic' },
  ),
  podIP: field(6, string, 'IP address of the pod.'),
  podIPs: field(
    12,
    list(() => PodIP),
    'IP addresses of the pod, one per family.',
    { patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'map', listMapKeys: ['ip'] },
  ),
  startTime: field(7, time, 'When the kubelet acknowledged the pod.', { pointer: true }),
  initContainerStatuses: field(
    10,
    list(() => ContainerStatus),
    'Statuses of the init containers.',
    { listType: 'atomic' },
  ),
  containerStatuses: field(
    8,
    list(() => ContainerStatus),
    'Statuses of the app containers.',
    { listType: 'atomic' },
  ),
  qosClass: field(9, string, 'Quality of service class: Guaranteed, Burstable or BestEffort.', {
    enum: ['BestEffort', 'Burstable', 'Guaranteed'],
  }),
  ephemeralContainerStatuses: field(
    13,
    list(() => ContainerStatus),
    'Statuses of the ephemeral containers.',
    { listType: 'atomic' },
  ),
  resize: field(14, string, 'Deprecated status of a pending in-place resize.'),
  resourceClaimStatuses: field(
    15,
    list(() => PodResourceClaimStatus),
    'Names of the ResourceClaims created for the pod.',
    { patchStrategy: ['merge', 'retainKeys'], patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  ),
});

export const PodCondition: StructType = struct(
  'io.k8s.api.core.v1.PodCondition',
  "One observed aspect of a pod's state.",
  {
    type: field(1, string, 'Type of the condition, e.g. Ready or PodScheduled.', { required: true }),
    observedGeneration: field(7, int64, 'The pod generation the condition reflects.'),
    status: field(2, string, 'True, False or Unknown.', { required: true }),
    lastProbeTime: field(3, time, 'Last time the condition was probed.'),
    lastTransitionTime: field(4, time, 'Last time the status changed.'),
    reason: field(5, string, 'Machine-readable reason for the last transition.'),
    message: field(6, string, 'Human-readable details about the last transition.'),
  },
);

export const PodIP: StructType = struct('io.k8s.api.core.v1.PodIP', 'An IP address of a pod.', {
  ip: field(1, string, 'The IP address.', { required: true }),
});

export const HostIP: StructType = struct('io.k8s.api.core.v1.HostIP', "An IP address of a pod's node.", {
  ip: field(1, string, 'The IP address.', { required: true }),
});

export const ContainerStatus: StructType = struct(
  'io.k8s.api.core.v1.ContainerStatus',
  'Observed state of one container.',
  {
    name: field(1, string, 'Name of the container.', { required: true }),
    state: field(2, () => ContainerState, 'Current state of the container.'),
    lastState: field(3, () => ContainerState, "State of the container's previous termination."),
    ready: field(4, boolean, 'Whether the container passes its readiness probe.', { required: true }),
    restartCount: field(5, int32, 'Number of times the container has been restarted.', { required: true }),
    image: field(6, string, 'Image the container is running.', { required: true }),
    imageID: field(7, string, 'ID of the image the container is running.', { required: true }),
    containerID: field(8, string, 'Runtime ID of the container, as <type>://<id>.'),
    started: field(9, boolean, 'Whether the container has passed its startup probe.', { pointer: true }),
    allocatedResources: field(10, map(quantity), 'Resources the node allocated to the container.'),
    resources: field(11, () => ResourceRequirements, 'Resources actually configured for the running container.', {
      pointer: true,
    }),
    volumeMounts: field(
      12,
      list(() => VolumeMountStatus),
      "Status of the container's volume mounts.",
      { patchStrategy: 'merge', patchMergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] },
    ),
    user: field(13, () => ContainerUser, 'Identity the container process runs as.', { pointer: true }),
    allocatedResourcesStatus: field(
      14,
      list(() => ResourceStatus),
      'Health of the devices allocated to the container.',
      { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
    ),
    stopSignal: field(15, string, 'Signal that will be sent to stop the container.', {
      pointer: true,
      enum: STOP_SIGNALS,
    }),
  },
);

export const ContainerState: StructType = struct(
  'io.k8s.api.core.v1.ContainerState',
  'The state of a container; exactly one member is set.',
  {
    waiting: field(1, () => ContainerStateWaiting, 'The container is not running yet.', { pointer: true }),
    running: field(2, () => ContainerStateRunning, 'The container is running.', { pointer: true }),
    terminated: field(3, () => ContainerStateTerminated, 'The container has terminated.', { pointer: true }),
  },
);

export const ContainerStateWaiting: StructType = struct(
  'io.k8s.api.core.v1.ContainerStateWaiting',
  'A container that is not running yet.',
  {
    reason: field(1, string, 'Why the container is waiting, e.g. ImagePullBackOff.'),
    message: field(2, string, 'Details about why the container is waiting.'),
  },
);

export const ContainerStateRunning: StructType = struct(
  'io.k8s.api.core.v1.ContainerStateRunning',
  'A running container.',
  {
    startedAt: field(1, time, 'When the container last started.'),
  },
);

export const ContainerStateTerminated: StructType = struct(
  'io.k8s.api.core.v1.ContainerStateTerminated',
  'A terminated container.',
  {
    exitCode: field(1, int32, 'Exit status of the container.', { required: true }),
    signal: field(2, int32, 'Signal that terminated the container.'),
    reason: field(3, string, 'Why the container terminated, e.g. Completed or OOMKilled.'),
    message: field(4, string, 'Details about the termination.'),
    startedAt: field(5, time, 'When the container started.'),
    finishedAt: field(6, time, 'When the container terminated.'),
    containerID: field(7, string, 'Runtime ID of the container, as <type>://<id>.'),
  },
);

export const ContainerUser: StructType = struct(
  'io.k8s.api.core.v1.ContainerUser',
  'The identity of a container process.',
  {
    linux: field(1, () => LinuxContainerUser, 'Linux identity.', { pointer: true }),
  },
);

export const LinuxContainerUser: StructType = struct(
  'io.k8s.api.core.v1.LinuxContainerUser',
  'The Linux identity of a container process.',
  {
    uid: field(1, int64, 'Primary user ID.', { required: true }),
    gid: field(2, int64, 'Primary group ID.', { required: true }),
    supplementalGroups: field(3, list(int64), 'Supplemental group IDs.', { listType: 'atomic' }),
  },
);

export const VolumeMountStatus: StructType = struct(
  'io.k8s.api.core.v1.VolumeMountStatus',
  'Observed state of a volume mount.',
  {
    name: field(1, string, 'Name of the volume mount.', { required: true }),
    mountPath: field(2, string, 'Path the volume is mounted at.', { required: true }),
    readOnly: field(3, boolean, 'Whether the mount is read-only.'),
    recursiveReadOnly: field(4, string, 'Whether the read-only mount is recursive: Disabled or Enabled.', {
      pointer: true,
    }),
  },
);

export const ResourceStatus: StructType = struct(
  'io.k8s.api.core.v1.ResourceStatus',
  'Health of the devices behind one allocated resource.',
  {
    name: field(1, string, 'Name of the resource.', { required: true }),
    resources: field(
      2,
      list(() => ResourceHealth),
      'Health per device.',
      { listType: 'map', listMapKeys: ['resourceID'] },
    ),
  },
);

export const ResourceHealth: StructType = struct('io.k8s.api.core.v1.ResourceHealth', 'Health of one device.', {
  resourceID: field(1, string, 'Unique ID of the device.', { required: true }),
  health: field(2, string, 'Healthy, Unhealthy or Unknown.'),
});

export const PodResourceClaimStatus: StructType = struct(
  'io.k8s.api.core.v1.PodResourceClaimStatus',
  'The ResourceClaim created for a pod resource claim.',
  {
    name: field(1, string, 'Name of the claim in the pod spec.', { required: true }),
    resourceClaimName: field(2, string, 'Name of the generated ResourceClaim.', { pointer: true }),
  },
);
