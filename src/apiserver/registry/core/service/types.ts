/** The parts of a core/v1 Service the service strategy reads, as plain JSON. */
import type { KObject } from '../../types.js';

export interface ServicePort {
  name?: string;
  protocol?: string;
  appProtocol?: string;
  port?: number;
  targetPort?: number | string;
  nodePort?: number;
}

export interface ServiceSpec {
  type?: string;
  ports?: ServicePort[];
  selector?: Record<string, string>;
  clusterIP?: string;
  clusterIPs?: string[];
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  externalName?: string;
  externalIPs?: string[];
  sessionAffinity?: string;
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } } | null;
  externalTrafficPolicy?: string;
  internalTrafficPolicy?: string;
  healthCheckNodePort?: number;
  allocateLoadBalancerNodePorts?: boolean;
  loadBalancerClass?: string;
  loadBalancerSourceRanges?: string[];
  trafficDistribution?: string;
}

/** A Service object with a typed spec. */
export type Service = KObject & { spec?: ServiceSpec; status?: { loadBalancer?: unknown } };

/** `clusterIP: None` with nothing else: a headless service. */
export const CLUSTER_IP_NONE = 'None';

export const specOf = (svc: KObject): ServiceSpec => (svc.spec ??= {}) as ServiceSpec;

/** Whether the service has a cluster IP (even "None") at all: every type but ExternalName. */
export const needsClusterIP = (spec: ServiceSpec): boolean => spec.type !== 'ExternalName';

/** Whether node ports are allocated: NodePort, and LoadBalancer unless allocateLoadBalancerNodePorts is false. */
export const needsNodePort = (spec: ServiceSpec): boolean =>
  spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);

/** Reachable from outside the cluster: NodePort, LoadBalancer, or with external IPs (ExternallyAccessible). */
export const externallyAccessible = (spec: ServiceSpec): boolean =>
  spec.type === 'LoadBalancer' ||
  spec.type === 'NodePort' ||
  (spec.type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0);

/** A LoadBalancer with externalTrafficPolicy Local needs a health-check node port (NeedsHealthCheck). */
export const needsHealthCheckNodePort = (spec: ServiceSpec): boolean =>
  spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';

export const isHeadless = (spec: ServiceSpec): boolean =>
  spec.clusterIPs?.length === 1 && spec.clusterIPs[0] === CLUSTER_IP_NONE;
