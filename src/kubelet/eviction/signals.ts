/**
 * Observing the eviction signals on this machine (upstream gets them from cadvisor's summary):
 *  - memory.available = memory capacity − working set, the working set being the root memory cgroup's usage
 *    minus its inactive file pages (cgroup v1 `memory.usage_in_bytes` and `memory.stat`, v2 `memory.current`
 *    and `memory.stat`), or from /proc/meminfo when no cgroup is readable;
 *  - nodefs.* from statfs of the kubelet's root dir, imagefs.* from statfs of the runtime's root;
 *  - pid.available = pid_max − processes (the second number of /proc/loadavg's 4th field).
 * Parsing is pure and tested over fixture texts; {@link NodeSignalReader} does the I/O through injected
 * functions.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../util/clock.js';
import { readFsStats, type FsStats, type StatfsFn } from '../gc/fs-stats.js';
import { Signal, type Observation } from './types.js';

/** The /proc/meminfo fields memory.available needs, in bytes (0 when absent). */
export interface Meminfo {
  memTotal: number;
  memFree: number;
  inactiveFile: number;
}

/** Parses /proc/meminfo text (`MemTotal:  16316412 kB`). */
export function parseMeminfo(text: string): Meminfo {
  const kb = (key: string) => {
    const m = new RegExp(`^${key.replace(/[()]/g, '\\$&')}:\\s+(\\d+)\\s*kB`, 'm').exec(text);
    return m ? Number(m[1]) * 1024 : 0;
  };
  return { memTotal: kb('MemTotal'), memFree: kb('MemFree'), inactiveFile: kb('Inactive(file)') };
}

/** One `key value` line's value from a cgroup `memory.stat` (undefined when absent). */
export function parseMemoryStat(text: string, key: string): number | undefined {
  const m = new RegExp(`^${key}\\s+(\\d+)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Working set from a root memory cgroup: usage minus inactive file pages (never negative). cgroup v1's root
 * reports hierarchical totals as `total_inactive_file`; v2 and non-root v1 use `inactive_file`.
 */
export function cgroupWorkingSet(usage: number, memoryStat: string): number {
  const inactive = parseMemoryStat(memoryStat, 'total_inactive_file') ?? parseMemoryStat(memoryStat, 'inactive_file') ?? 0;
  return Math.max(0, usage - inactive);
}

/** Working set from /proc/meminfo: used memory (page cache included, as cgroup usage is) minus inactive file. */
export function meminfoWorkingSet(m: Meminfo): number {
  return Math.max(0, m.memTotal - m.memFree - m.inactiveFile);
}

/** The process count of /proc/loadavg (`0.00 0.01 0.05 1/123 4567` → 123). */
export function parseLoadavgProcesses(text: string): number | undefined {
  const m = /^\S+\s+\S+\s+\S+\s+\d+\/(\d+)/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** How {@link NodeSignalReader} reaches the machine; every member is injectable for tests. */
export interface NodeSignalSources {
  /** Reads a whole text file; rejects when it is missing. Default: fs.readFile. */
  readFile?: (path: string) => Promise<string>;
  statfs?: StatfsFn;
  /** Default `/proc`. */
  procDir?: string;
  /** The memory cgroup the working set is read from; default `/sys/fs/cgroup/memory` (v1), then `/sys/fs/cgroup` (v2). */
  memoryCgroupDirs?: string[];
}

/** Options of {@link NodeSignalReader}. */
export interface NodeSignalReaderOptions extends NodeSignalSources {
  /** Machine memory capacity in bytes (MachineInfo.memoryCapacity); 0: MemTotal. */
  memoryCapacity: number;
  /** The kubelet's root dir (nodefs). */
  nodeFsPath: string;
  /** The runtime's root dir (imagefs); default: the same filesystem as nodefs. */
  imageFsPath?: string;
  clock: Clock;
}

/**
 * Reads every signal it can. A signal whose source is unreadable is left out (upstream skips signals it
 * has no observation for), so a missing file never evicts anything.
 */
export class NodeSignalReader {
  private readonly read: (path: string) => Promise<string>;
  private readonly procDir: string;

  constructor(private readonly o: NodeSignalReaderOptions) {
    this.read = o.readFile ?? ((p) => readFile(p, 'utf8'));
    this.procDir = o.procDir ?? '/proc';
  }

  async observe(): Promise<Map<Signal, Observation>> {
    const time = this.o.clock.now();
    const out = new Map<Signal, Observation>();
    const mem = await this.memory().catch(() => undefined);
    if (mem) out.set(Signal.MemoryAvailable, { ...mem, time });
    const nodeFs = await readFsStats(this.o.nodeFsPath, this.o.statfs).catch(() => undefined);
    if (nodeFs) this.addFs(out, nodeFs, Signal.NodeFsAvailable, Signal.NodeFsInodesFree, time);
    const imageFs = this.o.imageFsPath ? await readFsStats(this.o.imageFsPath, this.o.statfs).catch(() => undefined) : nodeFs;
    if (imageFs) this.addFs(out, imageFs, Signal.ImageFsAvailable, Signal.ImageFsInodesFree, time);
    const pids = await this.pids().catch(() => undefined);
    if (pids) out.set(Signal.PIDAvailable, { ...pids, time });
    return out;
  }

  private addFs(out: Map<Signal, Observation>, fs: FsStats, bytes: Signal, inodes: Signal, time: number): void {
    out.set(bytes, { available: fs.availableBytes, capacity: fs.capacityBytes, time });
    if (fs.inodes > 0) out.set(inodes, { available: fs.inodesFree, capacity: fs.inodes, time });
  }

  private async memory(): Promise<{ available: number; capacity: number } | undefined> {
    const dirs = this.o.memoryCgroupDirs ?? ['/sys/fs/cgroup/memory', '/sys/fs/cgroup'];
    let workingSet: number | undefined;
    for (const dir of dirs) {
      const usage = await this.firstNumber([join(dir, 'memory.usage_in_bytes'), join(dir, 'memory.current')]);
      if (usage === undefined) continue;
      const stat = await this.read(join(dir, 'memory.stat')).catch(() => '');
      workingSet = cgroupWorkingSet(usage, stat);
      break;
    }
    let capacity = this.o.memoryCapacity;
    if (workingSet === undefined || capacity <= 0) {
      const m = parseMeminfo(await this.read(join(this.procDir, 'meminfo')));
      workingSet ??= meminfoWorkingSet(m);
      if (capacity <= 0) capacity = m.memTotal;
    }
    if (capacity <= 0) return undefined;
    return { available: Math.max(0, capacity - workingSet), capacity };
  }

  private async pids(): Promise<{ available: number; capacity: number } | undefined> {
    const max = Number((await this.read(join(this.procDir, 'sys/kernel/pid_max'))).trim());
    const procs = parseLoadavgProcesses(await this.read(join(this.procDir, 'loadavg')));
    if (!Number.isFinite(max) || max <= 0 || procs === undefined) return undefined;
    return { available: max - procs, capacity: max };
  }

  private async firstNumber(paths: string[]): Promise<number | undefined> {
    for (const p of paths) {
      const text = await this.read(p).catch(() => undefined);
      const n = text === undefined ? NaN : Number(text.trim());
      if (Number.isFinite(n)) return n;
    }
    return undefined;
  }
}
