/**
 * Filesystem usage as the garbage collectors and the eviction manager read it (cadvisor's FsInfo, the part
 * the kubelet uses): bytes and inodes of the filesystem holding a path, from statfs(2).
 */
import { statfs } from 'node:fs/promises';

/** Usage of one filesystem. All values are counts (bytes or inodes); none is negative. */
export interface FsStats {
  capacityBytes: number;
  /** Bytes an unprivileged writer can still use (statfs `bavail`), as `df` reports "Avail". */
  availableBytes: number;
  inodes: number;
  inodesFree: number;
}

/** The subset of Node's StatFs result {@link fsStatsFromStatfs} reads. */
export interface StatfsLike {
  bsize: number;
  blocks: number;
  bavail: number;
  files: number;
  ffree: number;
}

/** Converts a statfs result into {@link FsStats}. */
export function fsStatsFromStatfs(s: StatfsLike): FsStats {
  return {
    capacityBytes: s.blocks * s.bsize,
    availableBytes: s.bavail * s.bsize,
    inodes: s.files,
    inodesFree: s.ffree,
  };
}

/** A function that measures the filesystem holding `path` (injected so tests need no real disk). */
export type StatfsFn = (path: string) => Promise<StatfsLike>;

/** statfs(2) of `path`, as {@link FsStats}. */
export async function readFsStats(path: string, fn: StatfsFn = statfs): Promise<FsStats> {
  return fsStatsFromStatfs(await fn(path));
}
