/**
 * Which pod to evict first (pkg/kubelet/eviction/helpers.go rank functions): for memory, pods using more
 * than they requested first, then lower priority, then larger usage above request; for disk the same over
 * the measured filesystems; for pids, lower priority then more processes. Pods without stats go first.
 */
import { Quantity } from '../../apimachinery/quantity.js';
import type { ApiContainer, ApiPod } from '../kuberuntime/pod-types.js';
import type { PodStats, PodStatsByUid } from './pod-stats.js';

/** The filesystems a disk signal measures pods on (upstream fsStatsType). */
export type FsStatsType = 'root' | 'logs' | 'localVolumeSource';

/** Pods sorted in place by eviction order. */
export type RankFunc = (pods: ApiPod[], stats: PodStatsByUid) => void;

type Cmp = (a: ApiPod, b: ApiPod) => number;

/** The pod's priority (`spec.priority`, 0 when unset). */
export function podPriority(pod: ApiPod): number {
  const p = pod.spec.priority;
  return typeof p === 'number' ? p : 0;
}

function request(c: ApiContainer, resource: string): number {
  const v = c.resources?.requests?.[resource];
  return v ? Quantity.parse(v).value() : 0;
}

/**
 * The pod's effective request of `resource` (v1resource.GetResourceRequestQuantity): the sum over app
 * containers, or the largest init container's request when that is bigger.
 */
export function podRequest(pod: ApiPod, resource: string): number {
  let sum = 0;
  for (const c of pod.spec.containers) sum += request(c, resource);
  for (const c of pod.spec.initContainers ?? []) sum = Math.max(sum, request(c, resource));
  return sum;
}

/** The pod's memory working set. */
export function podMemoryUsage(stats: PodStats): number {
  return stats.containers.reduce((n, c) => n + (c.memoryWorkingSetBytes ?? 0), 0);
}

/** The pod's disk usage (`ephemeral-storage` bytes or `inodes`) over the measured filesystems. */
export function podDiskUsage(stats: PodStats, measure: readonly FsStatsType[], resource: 'ephemeral-storage' | 'inodes'): number {
  const bytes = resource === 'ephemeral-storage';
  let n = 0;
  for (const c of stats.containers) {
    if (measure.includes('root')) n += (bytes ? c.rootfsUsedBytes : c.rootfsInodesUsed) ?? 0;
    if (measure.includes('logs')) n += (bytes ? c.logsUsedBytes : c.logsInodesUsed) ?? 0;
  }
  if (measure.includes('localVolumeSource')) n += (bytes ? stats.localVolumesUsedBytes : stats.localVolumesInodesUsed) ?? 0;
  return n;
}

/** true before false. */
function cmpBool(a: boolean, b: boolean): number {
  return a === b ? 0 : a ? -1 : 1;
}

/** Lower priority is evicted first. */
const byPriority: Cmp = (a, b) => podPriority(a) - podPriority(b);

/** Wraps a stats-based comparison so that pods without stats come first. */
function withStats(stats: PodStatsByUid, cmp: (a: PodStats, b: PodStats, pa: ApiPod, pb: ApiPod) => number): Cmp {
  return (pa, pb) => {
    const a = stats.get(pa.metadata.uid);
    const b = stats.get(pb.metadata.uid);
    if (!a || !b) return cmpBool(!a, !b);
    return cmp(a, b, pa, pb);
  };
}

function orderedBy(...cmps: Cmp[]): (pods: ApiPod[]) => void {
  return (pods) =>
    pods.sort((a, b) => {
      for (const c of cmps) {
        const r = c(a, b);
        if (r !== 0) return r;
      }
      return 0;
    });
}

/** Memory pressure: exceeds requests, then priority, then usage above request (largest first). */
export const rankMemoryPressure: RankFunc = (pods, stats) =>
  orderedBy(
    withStats(stats, (a, b, pa, pb) =>
      cmpBool(podMemoryUsage(a) > podRequest(pa, 'memory'), podMemoryUsage(b) > podRequest(pb, 'memory')),
    ),
    byPriority,
    withStats(stats, (a, b, pa, pb) => podMemoryUsage(b) - podRequest(pb, 'memory') - (podMemoryUsage(a) - podRequest(pa, 'memory'))),
  )(pods);

/** PID pressure: priority, then process count (largest first). */
export const rankPIDPressure: RankFunc = (pods, stats) =>
  orderedBy(byPriority, withStats(stats, (a, b) => (b.processCount ?? 0) - (a.processCount ?? 0)))(pods);

/** Disk pressure over the given filesystems, for bytes (`ephemeral-storage`) or `inodes`. */
export function rankDiskPressure(measure: readonly FsStatsType[], resource: 'ephemeral-storage' | 'inodes'): RankFunc {
  return (pods, stats) =>
    orderedBy(
      withStats(stats, (a, b, pa, pb) =>
        cmpBool(
          podDiskUsage(a, measure, resource) > podRequest(pa, resource),
          podDiskUsage(b, measure, resource) > podRequest(pb, resource),
        ),
      ),
      byPriority,
      // Upstream subtracts the ephemeral-storage request even when ranking inodes; kept for parity.
      withStats(
        stats,
        (a, b, pa, pb) =>
          podDiskUsage(b, measure, resource) -
          podRequest(pb, 'ephemeral-storage') -
          (podDiskUsage(a, measure, resource) - podRequest(pa, 'ephemeral-storage')),
      ),
    )(pods);
}
