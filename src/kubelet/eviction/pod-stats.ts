/**
 * Per-pod usage the eviction manager ranks pods by (the pod part of upstream's stats summary): memory
 * working set and writable-layer usage per container from CRI ListContainerStats, plus container log usage
 * from the kubelet's pod log directory (`<dir>/<ns>_<name>_<uid>/<container>/<attempt>.log`).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RuntimeService } from '../cri/service.js';
import { int64ToNumber } from '../cri/types-common.js';
import type { ContainerStats } from '../cri/types-stats.js';
import { CONTAINER_NAME_LABEL, POD_UID_LABEL } from '../kuberuntime/labels.js';

/** One container's usage; a field is undefined when nothing reported it. */
export interface ContainerUsage {
  name: string;
  memoryWorkingSetBytes?: number;
  /** Writable layer. */
  rootfsUsedBytes?: number;
  rootfsInodesUsed?: number;
  logsUsedBytes?: number;
  logsInodesUsed?: number;
}

/** One pod's usage. */
export interface PodStats {
  uid: string;
  containers: ContainerUsage[];
  /** Bytes and inodes of local volumes (emptyDir, hostPath); optional. */
  localVolumesUsedBytes?: number;
  localVolumesInodesUsed?: number;
  processCount?: number;
}

/** Pod stats by uid; a pod without an entry is "no stats found", which upstream ranks first. */
export type PodStatsByUid = ReadonlyMap<string, PodStats>;

/** Usage of files under a directory tree. */
export interface DirUsage {
  bytes: number;
  inodes: number;
}

/** Sums file sizes (and counts entries) under `dir`; a missing dir is zero. */
export async function dirUsage(dir: string): Promise<DirUsage> {
  const total: DirUsage = { bytes: 0, inodes: 0 };
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return total;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    total.inodes++;
    if (e.isDirectory()) {
      const sub = await dirUsage(p);
      total.bytes += sub.bytes;
      total.inodes += sub.inodes;
    } else if (e.isFile()) {
      total.bytes += await stat(p).then((s) => s.size, () => 0);
    }
  }
  return total;
}

/**
 * Log usage per pod uid and container name, from the pod log directory layout. Directories that do not
 * look like `<ns>_<name>_<uid>` are ignored.
 */
export async function podLogUsage(podLogsDir: string): Promise<Map<string, Map<string, DirUsage>>> {
  const out = new Map<string, Map<string, DirUsage>>();
  let pods: string[];
  try {
    pods = await readdir(podLogsDir);
  } catch {
    return out;
  }
  for (const podDir of pods) {
    const parts = podDir.split('_');
    if (parts.length !== 3 || !parts[2]) continue;
    const byContainer = new Map<string, DirUsage>();
    const containers = await readdir(join(podLogsDir, podDir)).catch(() => [] as string[]);
    for (const c of containers) byContainer.set(c, await dirUsage(join(podLogsDir, podDir, c)));
    out.set(parts[2], byContainer);
  }
  return out;
}

/**
 * containerd also reports exited containers (without memory); as upstream's CRI stats provider does, only the
 * latest attempt of each container of a pod counts. Keyed by pod uid and container name.
 */
export function latestAttempts(stats: readonly ContainerStats[]): ContainerStats[] {
  const latest = new Map<string, ContainerStats>();
  for (const s of stats) {
    const labels = s.attributes?.labels ?? {};
    const key = `${labels[POD_UID_LABEL] ?? ''}/${labels[CONTAINER_NAME_LABEL] ?? s.attributes?.metadata?.name ?? ''}`;
    const prev = latest.get(key);
    if (!prev || (prev.attributes?.metadata?.attempt ?? 0) < (s.attributes?.metadata?.attempt ?? 0)) latest.set(key, s);
  }
  return [...latest.values()];
}

/** Options of {@link collectPodStats}. */
export interface PodStatsSources {
  cri: Pick<RuntimeService, 'listContainerStats'>;
  /** The kubelet's pod log directory; omitted: no log usage. */
  podLogsDir?: string;
  signal?: AbortSignal;
}

/** Stats of every pod the runtime reports containers of, one entry per container name. */
export async function collectPodStats(o: PodStatsSources): Promise<Map<string, PodStats>> {
  const { stats } = await o.cri.listContainerStats({}, { signal: o.signal });
  const logs = o.podLogsDir ? await podLogUsage(o.podLogsDir) : new Map<string, Map<string, DirUsage>>();
  const out = new Map<string, PodStats>();
  for (const s of latestAttempts(stats)) {
    const labels = s.attributes?.labels ?? {};
    const uid = labels[POD_UID_LABEL];
    const name = labels[CONTAINER_NAME_LABEL] ?? s.attributes?.metadata?.name;
    if (!uid || !name) continue;
    const pod = out.get(uid) ?? { uid, containers: [] };
    const log = logs.get(uid)?.get(name);
    const u: ContainerUsage = { name };
    if (s.memory?.working_set_bytes) u.memoryWorkingSetBytes = int64ToNumber(s.memory.working_set_bytes.value);
    if (s.writable_layer?.used_bytes) u.rootfsUsedBytes = int64ToNumber(s.writable_layer.used_bytes.value);
    if (s.writable_layer?.inodes_used) u.rootfsInodesUsed = int64ToNumber(s.writable_layer.inodes_used.value);
    if (log) {
      u.logsUsedBytes = log.bytes;
      u.logsInodesUsed = log.inodes;
    }
    pod.containers.push(u);
    out.set(uid, pod);
  }
  return out;
}
