/**
 * The Node object the kubelet registers and the status it reports (pkg/kubelet/kubelet_node_status.go
 * initialNode + nodestatus setters): labels, capacity/allocatable, addresses, nodeInfo. Pure: every input
 * is a parameter, so the same inputs give the same object.
 */
import type { MachineInfo } from './machine-info.js';
import type { Node, NodeAddress, NodeStatus } from './types.js';

/** The version the kubelet reports; matches the API it implements. */
export const KUBELET_VERSION = 'v1.33.0-k8ts';
/** Default max pods per node (upstream --max-pods). */
export const DEFAULT_MAX_PODS = 110;
/** Upstream's default hard eviction threshold memory.available<100Mi, held back from allocatable. */
const EVICTION_MEMORY_BYTES = 100 * 1024 * 1024;
/** Upstream's default nodefs.available<10%, held back from allocatable ephemeral-storage. */
const EVICTION_NODEFS_FRACTION = 0.1;

/** Identity and fixed facts of the node the kubelet runs on. */
export interface NodeIdentity {
  nodeName: string;
  hostname: string;
  /** The node's InternalIP (IPv4). */
  nodeIP: string;
  /** Extra labels to register with (--node-labels). */
  labels?: Record<string, string>;
  maxPods?: number;
  /** The kubelet server's port, published in status.daemonEndpoints; omitted when the kubelet serves none. */
  kubeletPort?: number;
}

/** The labels every node carries (kubernetes.io/hostname, os, arch and their beta twins). */
export function nodeLabels(id: NodeIdentity, machine: MachineInfo): Record<string, string> {
  return {
    ...id.labels,
    'beta.kubernetes.io/arch': machine.architecture,
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': machine.architecture,
    'kubernetes.io/hostname': id.hostname,
    'kubernetes.io/os': 'linux',
  };
}

/** The Node to create on first registration (no status: that goes through the status subresource). */
export function initialNode(id: NodeIdentity, machine: MachineInfo): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: id.nodeName,
      labels: nodeLabels(id, machine),
      annotations: { 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: {},
  };
}

/** Capacity, allocatable, addresses, nodeInfo and daemon endpoints; conditions are set separately. */
export function nodeStatusFields(id: NodeIdentity, machine: MachineInfo, runtimeVersion: string): Omit<NodeStatus, 'conditions'> {
  const maxPods = String(id.maxPods ?? DEFAULT_MAX_PODS);
  const capacity = {
    cpu: String(machine.numCores),
    'ephemeral-storage': `${Math.floor(machine.filesystemCapacity / 1024)}Ki`,
    memory: `${Math.floor(machine.memoryCapacity / 1024)}Ki`,
    pods: maxPods,
  };
  const allocatableMemory = Math.max(0, machine.memoryCapacity - EVICTION_MEMORY_BYTES);
  const allocatable = {
    cpu: capacity.cpu,
    // Upstream writes allocatable ephemeral-storage as a plain byte count.
    'ephemeral-storage': String(Math.floor(machine.filesystemCapacity * (1 - EVICTION_NODEFS_FRACTION))),
    memory: `${Math.floor(allocatableMemory / 1024)}Ki`,
    pods: maxPods,
  };
  const addresses: NodeAddress[] = [
    { type: 'InternalIP', address: id.nodeIP },
    { type: 'Hostname', address: id.hostname },
  ];
  const status: Omit<NodeStatus, 'conditions'> = {
    capacity,
    allocatable,
    addresses,
    nodeInfo: {
      machineID: machine.machineID,
      systemUUID: machine.machineID,
      bootID: machine.bootID,
      kernelVersion: machine.kernelVersion,
      osImage: machine.osImage,
      containerRuntimeVersion: runtimeVersion,
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: machine.architecture,
    },
  };
  if (id.kubeletPort !== undefined) status.daemonEndpoints = { kubeletEndpoint: { Port: id.kubeletPort } };
  return status;
}
