/**
 * Pods and stats for the eviction tests: a compact way to say "pod p, priority 5, container c requesting
 * 100Mi and using 200Mi".
 */
import type { ApiPod } from '../kuberuntime/pod-types.js';
import type { ContainerUsage, PodStats } from './pod-stats.js';

export const Mi = 1024 * 1024;

/** A container of {@link testPod}: requests by resource name, and its usage. */
export interface TestContainer {
  name: string;
  requests?: Record<string, string>;
  usage?: Omit<ContainerUsage, 'name'>;
}

/** A pod named `name` (uid `uid-<name>`) in `default`. */
export function testPod(
  name: string,
  o: { priority?: number; containers?: TestContainer[]; annotations?: Record<string, string>; tolerations?: unknown[] } = {},
): ApiPod {
  const containers = o.containers ?? [{ name: 'c' }];
  return {
    metadata: { name, namespace: 'default', uid: `uid-${name}`, annotations: o.annotations },
    spec: {
      containers: containers.map((c) => ({ name: c.name, image: 'busybox', resources: c.requests ? { requests: c.requests } : undefined })),
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
    },
  };
}

/** The stats of pods made by {@link testPod} from their containers' `usage`; pods in `without` get none. */
export function testStats(pods: { pod: ApiPod; containers?: TestContainer[] }[], without: string[] = []): Map<string, PodStats> {
  const out = new Map<string, PodStats>();
  for (const { pod, containers } of pods) {
    if (without.includes(pod.metadata.name)) continue;
    const cs = containers ?? [{ name: 'c' }];
    out.set(pod.metadata.uid, { uid: pod.metadata.uid, containers: cs.map((c) => ({ name: c.name, ...c.usage })) });
  }
  return out;
}

/** Builds pods and their stats together from one description. */
export function podsWithStats(
  specs: { name: string; priority?: number; containers: TestContainer[]; annotations?: Record<string, string> }[],
  without: string[] = [],
): { pods: ApiPod[]; stats: Map<string, PodStats> } {
  const pods = specs.map((s) => testPod(s.name, s));
  const stats = testStats(
    specs.map((s, i) => ({ pod: pods[i]!, containers: s.containers })),
    without,
  );
  return { pods, stats };
}
