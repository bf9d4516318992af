/**
 * `/stats/summary` (statsapi.Summary): the node's cpu, memory and root filesystem from /proc and statfs, and
 * per pod the containers' cpu, memory and writable layer from CRI ListContainerStats (what containerd 1.6
 * answers; pod figures are the sums of their containers). usageNanoCores comes from the runtime when it
 * reports it, else from the difference to the previous sample this provider took.
 */
import { readFile, statfs } from 'node:fs/promises';
import type { Clock } from '../../util/clock.js';
import type { CriClient } from '../cri/service.js';
import type { ContainerStats } from '../cri/types-stats.js';
import { CONTAINER_NAME_LABEL, POD_NAME_LABEL, POD_NAMESPACE_LABEL, POD_UID_LABEL } from '../kuberuntime/labels.js';
import { latestAttempts } from '../eviction/pod-stats.js';
import type { KubeletServerHost } from './host.js';

export interface CPUStats {
  time: string;
  usageNanoCores?: number;
  usageCoreNanoSeconds?: number;
}
export interface MemoryStats {
  time: string;
  availableBytes?: number;
  usageBytes?: number;
  workingSetBytes?: number;
  rssBytes?: number;
  pageFaults?: number;
  majorPageFaults?: number;
}
export interface FsStats {
  time: string;
  availableBytes?: number;
  capacityBytes?: number;
  usedBytes?: number;
  inodesFree?: number;
  inodes?: number;
  inodesUsed?: number;
}
export interface ContainerStatsSummary {
  name: string;
  startTime?: string;
  cpu?: CPUStats;
  memory?: MemoryStats;
  rootfs?: FsStats;
}
export interface PodStats {
  podRef: { name: string; namespace: string; uid: string };
  startTime?: string;
  containers: ContainerStatsSummary[];
  cpu?: CPUStats;
  memory?: MemoryStats;
}
export interface Summary {
  node: { nodeName: string; startTime?: string; cpu?: CPUStats; memory?: MemoryStats; fs?: FsStats };
  pods: PodStats[];
}

/** The node's own counters (a seam for tests). */
export interface NodeUsage {
  /** Cumulative cpu time of all cores, ns. */
  cpuCoreNanoSeconds: number;
  memoryTotalBytes: number;
  memoryAvailableBytes: number;
  memoryFreeBytes: number;
  /** Seconds since the epoch the machine booted. */
  bootTimeSeconds: number;
}

const USER_HZ_NS = 10_000_000; // /proc/stat counts in USER_HZ (100 per second)

/** Reads /proc/stat and /proc/meminfo. */
export async function readProcNodeUsage(): Promise<NodeUsage> {
  const [stat, meminfo] = await Promise.all([readFile('/proc/stat', 'utf8'), readFile('/proc/meminfo', 'utf8')]);
  const cpu = (/^cpu\s+(.*)$/m.exec(stat)?.[1] ?? '').trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal: busy = everything but idle and iowait.
  const busy = [0, 1, 2, 5, 6, 7].reduce((sum, i) => sum + (cpu[i] ?? 0), 0);
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(meminfo)?.[1] ?? 0) * 1024;
  return {
    cpuCoreNanoSeconds: busy * USER_HZ_NS,
    memoryTotalBytes: kb('MemTotal'),
    memoryAvailableBytes: kb('MemAvailable'),
    memoryFreeBytes: kb('MemFree'),
    bootTimeSeconds: Number(/^btime\s+(\d+)/m.exec(stat)?.[1] ?? 0),
  };
}

/** Options of {@link StatsProvider}. */
export interface StatsProviderOptions {
  cri: Pick<CriClient, 'listContainerStats'>;
  host: KubeletServerHost;
  nodeName: string;
  clock: Clock;
  /** The filesystem the node's fs stats describe (the kubelet root dir). */
  rootDir: string;
  /** Default: {@link readProcNodeUsage}. */
  readNode?: () => Promise<NodeUsage>;
}

const num = (v: { value?: string | number } | null | undefined): number | undefined =>
  v?.value === undefined ? undefined : Number(v.value);

/**
 * Builds summaries on demand. Keeps the previous cpu sample per container and for the node to derive
 * usageNanoCores; calls may overlap (the last one to finish wins the sample).
 */
export class StatsProvider {
  private lastNode: { atMs: number; ns: number } | undefined;
  private readonly lastContainer = new Map<string, { atMs: number; ns: number }>();

  constructor(private readonly o: StatsProviderOptions) {}

  private rate(prev: { atMs: number; ns: number } | undefined, atMs: number, ns: number): number | undefined {
    if (!prev || atMs <= prev.atMs || ns < prev.ns) return undefined;
    return Math.round(((ns - prev.ns) * 1000) / (atMs - prev.atMs));
  }

  async summary(): Promise<Summary> {
    const nowMs = this.o.clock.now();
    const time = new Date(nowMs).toISOString();
    const [usage, fs, list] = await Promise.all([
      (this.o.readNode ?? readProcNodeUsage)(),
      statfs(this.o.rootDir).catch(() => undefined),
      this.o.cri.listContainerStats({}),
    ]);
    const nodeCores = this.rate(this.lastNode, nowMs, usage.cpuCoreNanoSeconds);
    this.lastNode = { atMs: nowMs, ns: usage.cpuCoreNanoSeconds };
    const node: Summary['node'] = {
      nodeName: this.o.nodeName,
      startTime: usage.bootTimeSeconds ? new Date(usage.bootTimeSeconds * 1000).toISOString() : undefined,
      cpu: { time, usageCoreNanoSeconds: usage.cpuCoreNanoSeconds, usageNanoCores: nodeCores },
      memory: {
        time,
        availableBytes: usage.memoryAvailableBytes,
        usageBytes: usage.memoryTotalBytes - usage.memoryFreeBytes,
        workingSetBytes: usage.memoryTotalBytes - usage.memoryAvailableBytes,
      },
      fs: fs && {
        time,
        capacityBytes: fs.blocks * fs.bsize,
        availableBytes: fs.bavail * fs.bsize,
        usedBytes: (fs.blocks - fs.bfree) * fs.bsize,
        inodes: fs.files,
        inodesFree: fs.ffree,
        inodesUsed: fs.files - fs.ffree,
      },
    };
    const byPod = new Map<string, PodStats>();
    const seen = new Set<string>();
    for (const s of latestAttempts(list.stats)) {
      const id = s.attributes?.id ?? '';
      seen.add(id);
      const labels = s.attributes?.labels ?? {};
      const uid = labels[POD_UID_LABEL];
      if (!uid) continue;
      let pod = byPod.get(uid);
      if (!pod) {
        const name = labels[POD_NAME_LABEL] ?? '';
        const namespace = labels[POD_NAMESPACE_LABEL] ?? '';
        const apiPod = this.o.host.getPod(namespace, name);
        pod = { podRef: { name, namespace, uid }, startTime: apiPod?.status?.startTime, containers: [] };
        byPod.set(uid, pod);
      }
      pod.containers.push(
        this.containerSummary(s, labels[CONTAINER_NAME_LABEL] ?? s.attributes?.metadata?.name ?? '', nowMs),
      );
    }
    for (const id of this.lastContainer.keys()) if (!seen.has(id)) this.lastContainer.delete(id);
    for (const pod of byPod.values()) {
      const sum = (pick: (c: ContainerStatsSummary) => number | undefined) => {
        const vals = pod.containers.map(pick).filter((v): v is number => v !== undefined);
        return vals.length ? vals.reduce((a, b) => a + b, 0) : undefined;
      };
      pod.cpu = {
        time,
        usageNanoCores: sum((c) => c.cpu?.usageNanoCores),
        usageCoreNanoSeconds: sum((c) => c.cpu?.usageCoreNanoSeconds),
      };
      pod.memory = {
        time,
        workingSetBytes: sum((c) => c.memory?.workingSetBytes),
        usageBytes: sum((c) => c.memory?.usageBytes),
      };
    }
    return {
      node,
      pods: [...byPod.values()].sort((a, b) =>
        `${a.podRef.namespace}/${a.podRef.name}`.localeCompare(`${b.podRef.namespace}/${b.podRef.name}`),
      ),
    };
  }

  private containerSummary(s: ContainerStats, name: string, nowMs: number): ContainerStatsSummary {
    const id = s.attributes?.id ?? '';
    const time = new Date(nowMs).toISOString();
    const coreNs = num(s.cpu?.usage_core_nano_seconds);
    let cores = num(s.cpu?.usage_nano_cores);
    if (coreNs !== undefined) {
      if (!cores) cores = this.rate(this.lastContainer.get(id), nowMs, coreNs) ?? cores;
      this.lastContainer.set(id, { atMs: nowMs, ns: coreNs });
    }
    const m = s.memory;
    const layer = s.writable_layer;
    return {
      name,
      cpu: { time, usageCoreNanoSeconds: coreNs, usageNanoCores: cores },
      memory: {
        time,
        workingSetBytes: num(m?.working_set_bytes),
        usageBytes: num(m?.usage_bytes),
        availableBytes: num(m?.available_bytes),
        rssBytes: num(m?.rss_bytes),
        pageFaults: num(m?.page_faults),
        majorPageFaults: num(m?.major_page_faults),
      },
      rootfs: layer ? { time, usedBytes: num(layer.used_bytes), inodesUsed: num(layer.inodes_used) } : undefined,
    };
  }
}
