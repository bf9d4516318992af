/**
 * File-system helpers shared by the plugins: safe removal of volume directories (never through a mount),
 * disk usage, Go's path cleaning, and fsGroup ownership (upstream's SetVolumeOwnership).
 */
import { chmod, lchown, lstat, readdir, realpath, rm, rmdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { VolumeError } from './errors.js';
import { mountsUnder, type Mounter } from './mounter.js';

/** Go's filepath.Clean: normalized, no trailing slash, "" → ".". */
export function goClean(p: string): string {
  let c = path.posix.normalize(p === '' ? '.' : p);
  if (c.length > 1 && c.endsWith('/')) c = c.slice(0, -1);
  return c;
}

/** validation.ValidatePathNoBacksteps: no `..` element. */
export function hasBacksteps(p: string): boolean {
  return p.split('/').includes('..');
}

/** True if `fullPath` is `base` or inside it, compared lexically on cleaned absolute paths (PathWithinBase). */
export function pathWithinBase(fullPath: string, base: string): boolean {
  const rel = path.relative(path.resolve(base), path.resolve(fullPath));
  return rel === '' || (rel !== '..' && !rel.startsWith('../') && !path.isAbsolute(rel));
}

export function isNotFoundError(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** lstat, or undefined when the path does not exist. */
export async function lstatOrUndefined(p: string): Promise<Stats | undefined> {
  try {
    return await lstat(p);
  } catch (err) {
    if (isNotFoundError(err)) return undefined;
    throw err;
  }
}

/** stat (following symlinks), or undefined when the path (or its target) does not exist. */
export async function statOrUndefined(p: string): Promise<Stats | undefined> {
  try {
    return await stat(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return undefined;
    throw err;
  }
}

/**
 * The path as the mount table spells it: symlinks in its existing part resolved (mountinfo lists real paths,
 * so a kubelet root under a symlink would otherwise never match its own mounts).
 */
export async function canonicalPath(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await realpath(abs);
  } catch (err) {
    if (!isNotFoundError(err)) throw err;
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(await canonicalPath(parent), path.basename(abs));
  }
}

/** Whether `dir` itself is a mount point. */
export async function isMountPoint(mounter: Mounter, dir: string): Promise<boolean> {
  const paths = new Set([path.resolve(dir), await canonicalPath(dir)]);
  return (await mounter.listMounts()).some((m) => paths.has(m.path));
}

/** The mounts at or below `dir`, deepest first, matching both its given and its canonical spelling. */
export async function mountsAtOrBelow(mounter: Mounter, dir: string): Promise<ReturnType<typeof mountsUnder>> {
  const all = await mounter.listMounts();
  const canonical = await canonicalPath(dir);
  const found = new Map(mountsUnder(all, dir).map((m) => [m.id, m]));
  if (canonical !== path.resolve(dir)) for (const m of mountsUnder(all, canonical)) found.set(m.id, m);
  return mountsUnder([...found.values()], '/');
}

/** Unmounts every mount at `dir` or below it, deepest first. Returns how many it unmounted. */
export async function unmountAllUnder(mounter: Mounter, dir: string): Promise<number> {
  const mounts = await mountsAtOrBelow(mounter, dir);
  for (const m of mounts) await mounter.unmount(m.path);
  return mounts.length;
}

/**
 * Unmounts whatever is mounted at or below `dir` and then removes it. A recursive delete descends into mount
 * points, so it would wipe a bind-mounted local volume's data or a host path: removal only proceeds once the
 * mount table shows nothing left under `dir`. A missing `dir` is fine (idempotent).
 */
export async function removeVolumeDir(mounter: Mounter, dir: string): Promise<void> {
  if (!(await lstatOrUndefined(dir))) return;
  await unmountAllUnder(mounter, dir);
  const left = await mountsAtOrBelow(mounter, dir);
  if (left.length > 0) {
    throw new VolumeError('Mount', `refusing to remove ${dir}: still mounted at ${left.map((m) => m.path).join(', ')}`);
  }
  await rm(dir, { recursive: true, force: true });
}

/** Removes `dir` if it exists and is empty; leaves it otherwise. */
export async function removeIfEmpty(dir: string): Promise<boolean> {
  try {
    await rmdir(dir);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') return false;
    throw err;
  }
}

/** Bytes on disk and inodes used below a directory (upstream's du-based MetricsDu). */
export interface VolumeUsage {
  /** Allocated bytes (blocks × 512), hard links counted once. */
  readonly bytes: number;
  readonly inodes: number;
}

/** Walks `dir` without following symlinks or crossing into other file systems, like `du -x`. */
export async function diskUsage(dir: string): Promise<VolumeUsage> {
  const root = await lstatOrUndefined(dir);
  if (!root) return { bytes: 0, inodes: 0 };
  const seen = new Set<string>();
  let bytes = 0;
  let inodes = 0;
  const visit = async (p: string, st: Stats): Promise<void> => {
    const key = `${st.dev}:${st.ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    inodes++;
    bytes += st.blocks * 512;
    if (!st.isDirectory() || st.dev !== root.dev) return;
    let names: string[];
    try {
      names = await readdir(p);
    } catch (err) {
      if (isNotFoundError(err)) return; // removed while walking
      throw err;
    }
    for (const name of names) {
      const child = path.join(p, name);
      const cst = await lstatOrUndefined(child);
      if (cst && cst.dev === root.dev) await visit(child, cst);
    }
  };
  await visit(dir, root);
  return { bytes, inodes };
}

const RW_MASK = 0o660;
const RO_MASK = 0o440;
const EXEC_MASK = 0o110;
const SETGID = 0o2000;

/**
 * Gives `fsGroup` ownership of everything below `dir` (upstream's SetVolumeOwnership): each entry's group
 * becomes fsGroup; files gain group read (and write unless `readOnly`), directories also setgid and search.
 * Symlinks are re-grouped but never chmod-ed, as a chmod would land on the target and override the mode the
 * plugin chose for it. With policy `OnRootMismatch` nothing happens when the root already has the group and
 * the permissions.
 */
export async function setVolumeOwnership(
  dir: string,
  fsGroup: number | undefined,
  options: { readOnly: boolean; changePolicy?: string },
): Promise<void> {
  if (fsGroup === undefined) return;
  const mask = options.readOnly ? RO_MASK : RW_MASK;
  if (options.changePolicy === 'OnRootMismatch') {
    const st = await lstat(dir);
    const want = mask | EXEC_MASK | SETGID;
    if (st.gid === fsGroup && (st.mode & want) === want) return;
  }
  const visit = async (p: string): Promise<void> => {
    const st = await lstatOrUndefined(p);
    if (!st) return;
    await lchown(p, -1, fsGroup);
    if (st.isSymbolicLink()) return;
    const add = st.isDirectory() ? mask | EXEC_MASK | SETGID : mask;
    await chmod(p, (st.mode & 0o7777) | add);
    if (st.isDirectory()) for (const name of await readdir(p)) await visit(path.join(p, name));
  };
  await visit(dir);
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'file exists',
  EISDIR: 'is a directory',
  EROFS: 'read-only file system',
  ELOOP: 'too many levels of symbolic links',
};

/** An fs error as Go's *PathError prints it: `open /x/y: no such file or directory`. */
export function goPathErrorMessage(err: unknown, op: string, p: string): string {
  const e = err as NodeJS.ErrnoException;
  const text = (e.code && ERRNO_TEXT[e.code]) ?? e.message;
  return `${op} ${p}: ${text}`;
}
