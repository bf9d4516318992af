/**
 * Host cleanup for a containerd instance k8ts ran: what remains when containerd itself is gone — its shims
 * and their container processes, mounts under its data dir (rootfs overlays, shm, network namespaces), and
 * the pod cgroups under the cgroup root the kubelet used. Every function is idempotent and touches only
 * things that belong to the given socket, directory or cgroup root.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where cgroup v1 hierarchies are mounted. */
export const CGROUP_V1_ROOT = '/sys/fs/cgroup';

/** A process as read from /proc. */
interface ProcEntry {
  pid: number;
  ppid: number;
  argv: string[];
}

async function listProcesses(): Promise<ProcEntry[]> {
  const out: ProcEntry[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: the ppid is the 2nd field after ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const argv = (await readFile(`/proc/${name}/cmdline`, 'utf8')).split('\0').filter((a) => a !== '');
      out.push({ pid: Number(name), ppid, argv });
    } catch {
      // The process exited while we looked.
    }
  }
  return out;
}

/** Pids of the containerd shims serving the containerd whose socket is `socket`. */
export async function findShims(socket: string): Promise<number[]> {
  const procs = await listProcesses();
  return procs.filter((p) => isShimOf(p.argv, socket)).map((p) => p.pid);
}

function isShimOf(argv: string[], socket: string): boolean {
  if (!argv[0]?.includes('containerd-shim')) return false;
  const i = argv.indexOf('-address');
  return i >= 0 && argv[i + 1] === socket;
}

/**
 * SIGKILLs every shim of `socket` and all their descendants (the container processes), children first so
 * that nothing is re-parented and missed. Returns how many processes were signalled.
 */
export async function killShims(socket: string): Promise<number> {
  const procs = await listProcesses();
  const children = new Map<number, number[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const order: number[] = [];
  const visit = (pid: number) => {
    for (const c of children.get(pid) ?? []) visit(c);
    order.push(pid);
  };
  for (const p of procs) if (isShimOf(p.argv, socket)) visit(p.pid);
  for (const pid of order) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return order.length;
}

/** Mount points at or under `dir`, deepest first (the order to unmount them in). */
export async function mountsUnder(dir: string): Promise<string[]> {
  const prefix = dir.replace(/\/+$/, '');
  const info = await readFile('/proc/self/mountinfo', 'utf8');
  const points: string[] = [];
  for (const line of info.split('\n')) {
    const fields = line.split(' ');
    // mountinfo escapes spaces and other specials in paths as octal (\040).
    const point = fields[4]?.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
    if (point && (point === prefix || point.startsWith(`${prefix}/`))) points.push(point);
  }
  return [...new Set(points)].sort((a, b) => b.split('/').length - a.split('/').length || b.localeCompare(a));
}

/**
 * Unmounts everything under `dir`, deepest first; a busy mount is detached lazily. Returns the mount points
 * that were there.
 */
export async function unmountUnder(dir: string): Promise<string[]> {
  const points = await mountsUnder(dir);
  for (const point of points) {
    try {
      await run('umount', [point]);
    } catch {
      await run('umount', ['-l', point]).catch(() => undefined);
    }
  }
  return points;
}

/**
 * Removes the cgroup directories at and below `cgroupRoot` (e.g. `/k8ts-node1`) in every cgroup v1
 * hierarchy, deepest first. Only empty cgroups can be removed (the kernel refuses otherwise), so call this
 * after the processes are gone; returns the directories that could not be removed.
 */
export async function removeCgroups(cgroupRoot: string, hierarchyRoot: string = CGROUP_V1_ROOT): Promise<string[]> {
  const rel = cgroupRoot.replace(/^\/+|\/+$/g, '');
  if (!rel) throw new Error('removeCgroups: refusing to remove the root cgroup');
  const failed: string[] = [];
  let hierarchies: string[];
  try {
    hierarchies = await readdir(hierarchyRoot);
  } catch {
    return failed;
  }
  for (const h of hierarchies) {
    const top = join(hierarchyRoot, h, rel);
    for (const dir of await subdirsDeepestFirst(top)) {
      try {
        await rmdir(dir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') failed.push(dir);
      }
    }
  }
  return failed;
}

async function subdirsDeepestFirst(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) if (e.isDirectory()) out.push(...(await subdirsDeepestFirst(join(dir, e.name))));
  out.push(dir);
  return out;
}
