/**
 * What the node is made of (cadvisor's MachineInfo, the small part the kubelet reports): CPUs, memory, root
 * filesystem size, kernel and OS. Parsing is pure and tested; `readMachineInfo` does the I/O.
 */
import { readFileSync, statfsSync } from 'node:fs';
import { cpus, release, arch as osArch } from 'node:os';

/** The machine facts node status is built from. */
export interface MachineInfo {
  /** Logical CPUs usable by the kubelet. */
  numCores: number;
  /** Bytes: the smaller of MemTotal and the cgroup memory limit. */
  memoryCapacity: number;
  /** Bytes of the filesystem that holds the kubelet's root dir. */
  filesystemCapacity: number;
  machineID: string;
  bootID: string;
  kernelVersion: string;
  osImage: string;
  /** GOARCH spelling (amd64, arm64), as in the kubernetes.io/arch label. */
  architecture: string;
}

/** MemTotal from /proc/meminfo text, in bytes (0 if absent). */
export function parseMemTotal(meminfo: string): number {
  const m = /^MemTotal:\s+(\d+)\s*kB/m.exec(meminfo);
  return m ? Number(m[1]) * 1024 : 0;
}

/**
 * A cgroup memory limit file (v1 `memory.limit_in_bytes` or v2 `memory.max`) in bytes; undefined for
 * "no limit" (v2 `max`, or v1's near-2^63 page-rounded sentinel).
 */
export function parseCgroupMemoryLimit(text: string | undefined): number | undefined {
  const t = text?.trim();
  if (!t || t === 'max') return undefined;
  const n = Number(t);
  // v1 reports "unlimited" as LONG_MAX rounded down to a page; anything above 2^60 is that sentinel.
  if (!Number.isFinite(n) || n <= 0 || n >= 2 ** 60) return undefined;
  return n;
}

/** PRETTY_NAME from os-release text, falling back to a generic name. */
export function parseOsImage(osRelease: string | undefined): string {
  const m = /^PRETTY_NAME=("?)(.*)\1$/m.exec(osRelease ?? '');
  return m?.[2] || 'Linux';
}

/** Node's process.arch → GOARCH. */
export function goArch(nodeArch: string): string {
  const table: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' };
  return table[nodeArch] ?? nodeArch;
}

function tryRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Reads the machine facts; `rootDir` is where pods' data lives (its filesystem's size is ephemeral-storage). */
export function readMachineInfo(rootDir: string): MachineInfo {
  const memTotal = parseMemTotal(tryRead('/proc/meminfo') ?? '');
  const limit =
    parseCgroupMemoryLimit(tryRead('/sys/fs/cgroup/memory/memory.limit_in_bytes')) ??
    parseCgroupMemoryLimit(tryRead('/sys/fs/cgroup/memory.max'));
  let filesystemCapacity = 0;
  try {
    const s = statfsSync(rootDir);
    filesystemCapacity = s.blocks * s.bsize;
  } catch {
    // An unreadable dir leaves the capacity at 0 rather than failing registration.
  }
  return {
    numCores: Math.max(1, cpus().length),
    memoryCapacity: limit !== undefined && limit < memTotal ? limit : memTotal,
    filesystemCapacity,
    machineID: (tryRead('/etc/machine-id') ?? '').trim(),
    bootID: (tryRead('/proc/sys/kernel/random/boot_id') ?? '').trim(),
    kernelVersion: release(),
    osImage: parseOsImage(tryRead('/etc/os-release')),
    architecture: goArch(osArch()),
  };
}
