/**
 * core/v1: nodes.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import {
  boolean,
  field,
  inline,
  int32,
  int64,
  list,
  map,
  quantity,
  string,
  struct,
  type StructType,
  time,
} from './dsl.js';
import { ObjectMeta, TypeMeta } from './meta-v1.js';

export const Node: StructType = struct('io.k8s.api.core.v1.Node', 'A worker machine that runs pods.', {
  typeMeta: inline(undefined, TypeMeta),
  metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
  spec: field(2, () => NodeSpec, 'Desired behaviour of the node.'),
  status: field(3, () => NodeStatus, 'Most recently observed status of the node.'),
});

export const NodeSpec: StructType = struct('io.k8s.api.core.v1.NodeSpec', 'Desired behaviour of a node.', {
  podCIDR: field(1, string, 'Pod IP range assigned to the node.'),
  podCIDRs: field(7, list(string), 'Pod IP ranges assigned to the node, one per IP family.', {
    patchStrategy: 'merge',
    listType: 'set',
  }),
  providerID: field(3, string, 'ID of the node in the cloud provider.'),
  unschedulable: field(4, boolean, 'Keep new pods off the node (cordon).'),
  taints: field(
    5,
    list(() => Taint),
    'Taints that repel pods without matching tolerations.',
    { listType: 'atomic' },
  ),
  configSource: field(6, () => NodeConfigSource, 'Deprecated dynamic kubelet configuration source.', { pointer: true }),
  externalID: field(2, string, 'Deprecated external ID.'),
});

export const Taint: StructType = struct(
  'io.k8s.api.core.v1.Taint',
  'Repels pods that do not tolerate it from a node.',
  {
    key: field(1, string, 'Taint key.', { required: true }),
    value: field(2, string, 'Taint value.'),
    effect: field(3, string, 'NoSchedule, PreferNoSchedule or NoExecute.', {
      required: true,
      enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
    }),
    timeAdded: field(4, time, 'When a NoExecute taint was added.', { pointer: true }),
  },
);

export const NodeConfigSource: StructType = struct(
  'io.k8s.api.core.v1.NodeConfigSource',
  'Deprecated source of dynamic kubelet configuration.',
  {
    configMap: field(2, () => ConfigMapNodeConfigSource, 'Config map holding the configuration.', { pointer: true }),
  },
);

export const ConfigMapNodeConfigSource: StructType = struct(
  'io.k8s.api.core.v1.ConfigMapNodeConfigSource',
  'A config map with kubelet configuration.',
  {
    namespace: field(1, string, 'Namespace of the config map.', { required: true }),
    name: field(2, string, 'Name of the config map.', { required: true }),
    uid: field(3, string, 'UID of the config map.'),
    resourceVersion: field(4, string, 'resourceVersion of the config map.'),
    kubeletConfigKey: field(5, string, 'Key holding the kubelet configuration.', { required: true }),
  },
);

export const NodeStatus: StructType = struct('io.k8s.api.core.v1.NodeStatus', 'Observed state of a node.', {
  capacity: field(1, map(quantity), 'Total resources of the node.'),
  allocatable: field(2, map(quantity), 'Resources available to pods.'),
  phase: field(3, string, 'Deprecated lifecycle phase of the node.', { enum: ['Pending', 'Running', 'Terminated'] }),
  conditions: field(
    4,
    list(() => NodeCondition),
    'Current conditions of the node, e.g. Ready.',
    { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
  ),
  addresses: field(
    5,
    list(() => NodeAddress),
    'Addresses of the node.',
    { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
  ),
  daemonEndpoints: field(6, () => NodeDaemonEndpoints, 'Endpoints of daemons on the node.'),
  nodeInfo: field(7, () => NodeSystemInfo, 'Versions and IDs reported by the node.'),
  images: field(
    8,
    list(() => ContainerImage),
    'Container images present on the node.',
    { listType: 'atomic' },
  ),
  volumesInUse: field(9, list(string), 'Volumes attached and mounted on the node.', { listType: 'atomic' }),
  volumesAttached: field(
    10,
    list(() => AttachedVolume),
    'Volumes attached to the node.',
    { listType: 'atomic' },
  ),
  config: field(11, () => NodeConfigStatus, 'Status of dynamic kubelet configuration.', { pointer: true }),
  runtimeHandlers: field(
    12,
    list(() => NodeRuntimeHandler),
    'Runtime handlers available on the node.',
    { listType: 'atomic' },
  ),
  features: field(13, () => NodeFeatures, 'Features the node supports.', { pointer: true }),
});

export const NodeCondition: StructType = struct(
  'io.k8s.api.core.v1.NodeCondition',
  "One observed aspect of a node's state.",
  {
    type: field(1, string, 'Type of the condition, e.g. Ready or MemoryPressure.', { required: true }),
    status: field(2, string, 'True, False or Unknown.', { required: true }),
    lastHeartbeatTime: field(3, time, 'Last time the condition was reported.'),
    lastTransitionTime: field(4, time, 'Last time the status changed.'),
    reason: field(5, string, 'Machine-readable reason for the last transition.'),
    message: field(6, string, 'Human-readable details about the last transition.'),
  },
);

export const NodeAddress: StructType = struct('io.k8s.api.core.v1.NodeAddress', 'An address of a node.', {
  type: field(1, string, 'Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS.', { required: true }),
  address: field(2, string, 'The address.', { required: true }),
});

export const NodeDaemonEndpoints: StructType = struct(
  'io.k8s.api.core.v1.NodeDaemonEndpoints',
  'Ports of daemons running on a node.',
  {
    kubeletEndpoint: field(1, () => DaemonEndpoint, 'Port the kubelet listens on.'),
  },
);

export const DaemonEndpoint: StructType = struct('io.k8s.api.core.v1.DaemonEndpoint', 'A port of a daemon.', {
  Port: field(1, int32, 'Port number.', { required: true }),
});

export const NodeSystemInfo: StructType = struct(
  'io.k8s.api.core.v1.NodeSystemInfo',
  'Versions and IDs reported by a node.',
  {
    machineID: field(1, string, 'Machine ID of the node.', { required: true }),
    systemUUID: field(2, string, 'System UUID of the node.', { required: true }),
    bootID: field(3, string, 'Boot ID of the node.', { required: true }),
    kernelVersion: field(4, string, 'Kernel version.', { required: true }),
    osImage: field(5, string, 'Operating system image.', { required: true }),
    containerRuntimeVersion: field(6, string, 'Container runtime and version, e.g. containerd://1.7.0.', {
      required: true,
    }),
    kubeletVersion: field(7, string, 'Kubelet version.', { required: true }),
    kubeProxyVersion: field(8, string, 'Deprecated kube-proxy version.', { required: true }),
    operatingSystem: field(9, string, 'Operating system, e.g. linux.', { required: true }),
    architecture: field(10, string, 'CPU architecture, e.g. amd64.', { required: true }),
    swap: field(11, () => NodeSwapStatus, 'Swap information of the node.', { pointer: true }),
  },
);

export const NodeSwapStatus: StructType = struct('io.k8s.api.core.v1.NodeSwapStatus', 'Swap memory of a node.', {
  capacity: field(1, int64, 'Total swap in bytes.', { pointer: true }),
});

export const ContainerImage: StructType = struct('io.k8s.api.core.v1.ContainerImage', 'An image present on a node.', {
  names: field(1, list(string), 'Names the image is known by.', { omitempty: false, listType: 'atomic' }),
  sizeBytes: field(2, int64, 'Size of the image in bytes.'),
});

export const AttachedVolume: StructType = struct('io.k8s.api.core.v1.AttachedVolume', 'A volume attached to a node.', {
  name: field(1, string, 'Name of the attached volume.', { required: true }),
  devicePath: field(2, string, 'Path where the volume should be available.', { required: true }),
});

export const NodeConfigStatus: StructType = struct(
  'io.k8s.api.core.v1.NodeConfigStatus',
  'Status of dynamic kubelet configuration.',
  {
    assigned: field(1, () => NodeConfigSource, 'Configuration the node should use.', { pointer: true }),
    active: field(2, () => NodeConfigSource, 'Configuration the node is using.', { pointer: true }),
    lastKnownGood: field(3, () => NodeConfigSource, 'Last configuration known to work.', { pointer: true }),
    error: field(4, string, 'Problem applying the configuration, if any.'),
  },
);

export const NodeRuntimeHandler: StructType = struct(
  'io.k8s.api.core.v1.NodeRuntimeHandler',
  'A runtime handler available on a node.',
  {
    name: field(1, string, 'Handler name; empty for the default handler.', { omitempty: false }),
    features: field(2, () => NodeRuntimeHandlerFeatures, 'Features the handler supports.', { pointer: true }),
  },
);

export const NodeRuntimeHandlerFeatures: StructType = struct(
  'io.k8s.api.core.v1.NodeRuntimeHandlerFeatures',
  'Features of a runtime handler.',
  {
    recursiveReadOnlyMounts: field(1, boolean, 'Supports recursive read-only mounts.', { pointer: true }),
    userNamespaces: field(2, boolean, 'Supports user namespaces.', { pointer: true }),
  },
);

export const NodeFeatures: StructType = struct('io.k8s.api.core.v1.NodeFeatures', 'Features a node supports.', {
  supplementalGroupsPolicy: field(1, boolean, 'Supports the SupplementalGroupsPolicy pod field.', { pointer: true }),
});
