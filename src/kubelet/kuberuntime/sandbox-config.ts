/**
 * The CRI PodSandboxConfig of a pod (kuberuntime_sandbox.go generatePodSandboxConfig): identity, hostname,
 * log directory, DNS, host ports, cgroup parent and namespace modes. Pure.
 */
import type { CriInput } from '../cri/types-common.js';
import type { DNSConfig, PodSandboxConfig, PortMapping, Protocol } from '../cri/types-runtime.js';
import { sandboxLabels } from './labels.js';
import type { ApiPod } from './pod-types.js';

/** Node-wide settings sandbox configs depend on. */
export interface SandboxSettings {
  /** Where pod log directories go (upstream /var/log/pods). */
  podLogsDir: string;
  /** Parent of the per-pod cgroup, e.g. `/k8ts/<node>`; pods get `<root>/pod<uid>`. */
  cgroupRoot: string;
  /** Cluster DNS servers; empty means pods use the node's resolv.conf. */
  clusterDNS?: string[];
  clusterDomain?: string;
}

/** `<podLogsDir>/<namespace>_<name>_<uid>`, upstream's layout (kubectl logs relies on it via the kubelet). */
export function podLogsDirectory(podLogsDir: string, pod: ApiPod): string {
  return `${podLogsDir}/${pod.metadata.namespace ?? 'default'}_${pod.metadata.name}_${pod.metadata.uid}`;
}

export function podCgroupParent(cgroupRoot: string, uid: string): string {
  return `${cgroupRoot.replace(/\/$/, '')}/pod${uid}`;
}

/** DNS per dnsPolicy; null lets the runtime use the node's resolv.conf. */
export function podDNSConfig(pod: ApiPod, s: SandboxSettings): DNSConfig | null {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const custom = pod.spec['dnsConfig'] as { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] } | undefined;
  const opts = (custom?.options ?? []).map((o) => (o.value !== undefined ? `${o.name}:${o.value}` : o.name));
  if (policy === 'None') return { servers: custom?.nameservers ?? [], searches: custom?.searches ?? [], options: opts };
  const clusterFirst = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec.hostNetwork);
  if (!clusterFirst || !s.clusterDNS?.length) return null;
  const domain = s.clusterDomain ?? 'cluster.local';
  const ns = pod.metadata.namespace ?? 'default';
  return {
    servers: [...s.clusterDNS, ...(custom?.nameservers ?? [])],
    searches: [`${ns}.svc.${domain}`, `svc.${domain}`, domain, ...(custom?.searches ?? [])],
    options: ['ndots:5', ...opts],
  };
}

/** hostPort mappings of every container (only ports with a hostPort). */
export function podPortMappings(pod: ApiPod): PortMapping[] {
  const out: PortMapping[] = [];
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort) continue;
      out.push({ protocol: (p.protocol ?? 'TCP') as Protocol, container_port: p.containerPort, host_port: p.hostPort, host_ip: p.hostIP ?? '' });
    }
  }
  return out;
}

export function generatePodSandboxConfig(pod: ApiPod, attempt: number, s: SandboxSettings): CriInput<PodSandboxConfig> {
  const hostNetwork = pod.spec.hostNetwork === true;
  // A NODE-network sandbox shares the host's UTS namespace, where the runtime refuses to set a hostname.
  const hostname = hostNetwork ? '' : (pod.spec.hostname || pod.metadata.name).slice(0, 63).replace(/[-.]+$/, '');
  return {
    metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace ?? 'default', uid: pod.metadata.uid, attempt },
    hostname,
    log_directory: podLogsDirectory(s.podLogsDir, pod),
    dns_config: podDNSConfig(pod, s),
    port_mappings: podPortMappings(pod),
    labels: sandboxLabels(pod),
    annotations: { ...pod.metadata.annotations },
    linux: {
      cgroup_parent: podCgroupParent(s.cgroupRoot, pod.metadata.uid),
      security_context: {
        namespace_options: {
          network: hostNetwork ? 'NODE' : 'POD',
          pid: pod.spec['hostPID'] ? 'NODE' : pod.spec['shareProcessNamespace'] ? 'POD' : 'CONTAINER',
          ipc: pod.spec['hostIPC'] ? 'NODE' : 'POD',
        },
      },
    },
  };
}
