/**
 * Service defaulting: upstream's SetDefaults_Service, plus the IP-family fields its REST storage initializes
 * (ipFamilyPolicy, ipFamilies) and the clusterIP/clusterIPs pairing it keeps in sync.
 */
import { isDeepStrictEqual } from 'node:util';
import { ipFamilyOf } from './net.js';
import {
  CLUSTER_IP_NONE,
  externallyAccessible,
  needsClusterIP,
  needsHealthCheckNodePort,
  needsNodePort,
  specOf,
  type Service,
  type ServiceSpec,
} from './types.js';

/** Affinity timeout when ClientIP affinity has none (DefaultClientIPServiceAffinitySeconds, 3 hours). */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/** SetDefaults_Service: type, affinity, port protocol and targetPort, traffic policies. Mutates. */
export function defaultService(svc: Service): void {
  const spec = specOf(svc);
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const p of spec.ports ?? []) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) {
    spec.allocateLoadBalancerNodePorts = true;
  }
}

/**
 * The IP-family fields every service with a cluster IP gets (upstream's initIPFamilyFields for a single-stack
 * IPv4 cluster): a policy (PreferDualStack for selector-less headless services, else SingleStack) and the
 * families, taken from the cluster IPs when given. Services without a cluster IP have neither.
 */
export function initIPFamilyFields(spec: ServiceSpec): void {
  if (!needsClusterIP(spec)) return;
  const headless = spec.clusterIPs?.length === 1 && spec.clusterIPs[0] === CLUSTER_IP_NONE;
  if (!spec.ipFamilyPolicy) {
    spec.ipFamilyPolicy = headless && Object.keys(spec.selector ?? {}).length === 0 ? 'PreferDualStack' : 'SingleStack';
  }
  if (!spec.ipFamilies?.length) {
    const fromIPs = (spec.clusterIPs ?? []).map(ipFamilyOf).filter((f): f is 'IPv4' | 'IPv6' => f !== undefined);
    spec.ipFamilies = fromIPs.length ? fromIPs.slice(0, 1) : ['IPv4'];
  }
}

/** Create: a client that set only clusterIP (old clients) gets clusterIPs = [clusterIP] (normalizeClusterIPs). */
export function normalizeClusterIPsOnCreate(spec: ServiceSpec): void {
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
}

/** Update: follow whichever of clusterIP/clusterIPs the client changed (normalizeClusterIPs). */
export function normalizeClusterIPsOnUpdate(spec: ServiceSpec, old: ServiceSpec): void {
  const sameIPs = isDeepStrictEqual(spec.clusterIPs ?? [], old.clusterIPs ?? []);
  if (old.clusterIP && !spec.clusterIP && sameIPs) {
    // Cleared the singular field but not the plural one: clear both.
    delete spec.clusterIPs;
  } else if (
    old.clusterIP &&
    spec.clusterIP &&
    old.clusterIP !== spec.clusterIP &&
    sameIPs &&
    spec.clusterIPs?.length
  ) {
    // Changed the singular field only: follow it (validation then rejects the change).
    spec.clusterIPs = [spec.clusterIP, ...spec.clusterIPs.slice(1)];
  } else if (!old.clusterIP && spec.clusterIP && !spec.clusterIPs?.length) {
    spec.clusterIPs = [spec.clusterIP];
  }
}

/**
 * Carries over what the server allocated when an update leaves it out, so that re-applying a manifest without
 * clusterIP or nodePort keeps them (upstream's patchAllocatedValues).
 */
export function patchAllocatedValues(spec: ServiceSpec, old: ServiceSpec): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP && old.clusterIP) spec.clusterIP = old.clusterIP;
    if (!spec.clusterIPs?.length && old.clusterIPs?.length) spec.clusterIPs = [...old.clusterIPs];
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const nodePorts = (s: ServiceSpec) => new Set((s.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n !== 0));
    const newPorts = nodePorts(spec);
    const used = new Set([...nodePorts(old)].filter((n) => newPorts.has(n)));
    // Ports are matched by name: the user may have changed anything else about a port.
    const byName = new Map((old.ports ?? []).map((p) => [p.name ?? '', p.nodePort ?? 0]));
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const prev = byName.get(p.name ?? '') ?? 0;
      if (prev && !used.has(prev)) p.nodePort = prev;
    }
  }
  if (
    needsHealthCheckNodePort(old) &&
    needsHealthCheckNodePort(spec) &&
    !spec.healthCheckNodePort &&
    old.healthCheckNodePort
  ) {
    spec.healthCheckNodePort = old.healthCheckNodePort;
  }
}

/**
 * Clears what the old type needed and the new one does not, unless the client also changed it (then
 * validation decides): cluster IPs and families when switching to ExternalName, node ports when leaving
 * NodePort/LoadBalancer, and so on (upstream's dropTypeDependentFields).
 */
export function dropTypeDependentFields(svc: Service, old: Service): void {
  const spec = specOf(svc);
  const prev = (old.spec ?? {}) as ServiceSpec;
  const same = (a: unknown, b: unknown) => isDeepStrictEqual(a ?? null, b ?? null);
  if (needsClusterIP(prev) && !needsClusterIP(spec)) {
    if (same(spec.clusterIP, prev.clusterIP) && same(spec.clusterIPs, prev.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (same(spec.ipFamilies, prev.ipFamilies)) delete spec.ipFamilies;
    if (same(spec.ipFamilyPolicy, prev.ipFamilyPolicy)) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(prev) && !needsNodePort(spec)) {
    const oldPorts = (prev.ports ?? []).map((p) => p.nodePort ?? 0);
    const newPorts = (spec.ports ?? []).map((p) => p.nodePort ?? 0);
    if (isDeepStrictEqual(oldPorts, newPorts)) for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (
    needsHealthCheckNodePort(prev) &&
    !needsHealthCheckNodePort(spec) &&
    spec.healthCheckNodePort === prev.healthCheckNodePort
  ) {
    delete spec.healthCheckNodePort;
  }
  if (prev.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (
      spec.allocateLoadBalancerNodePorts !== undefined &&
      spec.allocateLoadBalancerNodePorts === prev.allocateLoadBalancerNodePorts
    ) {
      delete spec.allocateLoadBalancerNodePorts;
    }
    if (same(spec.loadBalancerClass, prev.loadBalancerClass)) delete spec.loadBalancerClass;
  }
  if (
    externallyAccessible(prev) &&
    !externallyAccessible(spec) &&
    same(spec.externalTrafficPolicy, prev.externalTrafficPolicy)
  ) {
    delete spec.externalTrafficPolicy;
  }
  // Load-balancer status means nothing for other types; de-provisioning is not the user's concern.
  if (spec.type !== 'LoadBalancer' && svc.status && typeof svc.status === 'object') delete svc.status.loadBalancer;
}
