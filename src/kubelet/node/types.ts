/**
 * The core/v1 Node and coordination/v1 Lease fields the kubelet writes. Field names are exactly the API's;
 * only what the kubelet reads or writes is typed.
 */
import type { ObjectMeta } from '../../apimachinery/meta.js';
import type { KubeObject } from '../../client/rest/types.js';

export interface NodeAddress {
  type: 'InternalIP' | 'ExternalIP' | 'Hostname' | 'InternalDNS' | 'ExternalDNS';
  address: string;
}

export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface NodeSystemInfo {
  machineID: string;
  systemUUID: string;
  bootID: string;
  kernelVersion: string;
  osImage: string;
  containerRuntimeVersion: string;
  kubeletVersion: string;
  kubeProxyVersion: string;
  operatingSystem: string;
  architecture: string;
}

export interface NodeSpec {
  podCIDR?: string;
  podCIDRs?: string[];
  unschedulable?: boolean;
  taints?: { key: string; value?: string; effect: string }[];
  providerID?: string;
}

export interface NodeStatus {
  capacity?: Record<string, string>;
  allocatable?: Record<string, string>;
  conditions?: NodeCondition[];
  addresses?: NodeAddress[];
  daemonEndpoints?: { kubeletEndpoint?: { Port: number } };
  nodeInfo?: NodeSystemInfo;
  images?: ContainerImage[];
}

/** One entry of Node.status.images. */
export interface ContainerImage {
  names: string[];
  sizeBytes: number;
}

export interface Node extends KubeObject {
  metadata: ObjectMeta;
  spec?: NodeSpec;
  status?: NodeStatus;
}
