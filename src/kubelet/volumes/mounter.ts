/**
 * Mounting as a dependency: the plugins and the manager never run mount(8) themselves but go through a
 * `Mounter`, so unit tests swap in `FakeMounter` and only the root-only tests use `SystemMounter`.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VolumeError } from './errors.js';

/** One line of /proc/self/mountinfo, with the escapes (`\040` for a space) decoded. */
export interface MountPoint {
  readonly id: number;
  readonly parentId: number;
  /** The mount point. */
  readonly path: string;
  /** The path within the mounted file system that is mounted here (`/` unless a bind of a subtree). */
  readonly root: string;
  readonly fsType: string;
  readonly source: string;
  readonly options: readonly string[];
}

/**
 * Mounts and unmounts file systems and lists what is mounted.
 *
 * Calls are independent and may run concurrently; a `mount` over an existing mount stacks (callers check
 * `listMounts` first to stay idempotent). `unmount` of a path that is not a mount point rejects.
 */
export interface Mounter {
  /**
   * Mounts `source` at `target`. `options` are `-o` options; a `bind` option makes it a bind mount, and
   * `bind` with `ro` is done as mount-utils does it: a bind, then a read-only remount of the bind.
   * `flags` are extra command-line flags (`--no-canonicalize`).
   */
  mount(
    source: string,
    target: string,
    fsType: string,
    options: readonly string[],
    flags?: readonly string[],
  ): Promise<void>;
  unmount(target: string): Promise<void>;
  /** Everything mounted in this mount namespace, in mountinfo order (parents before children). */
  listMounts(): Promise<MountPoint[]>;
}

/** Decodes mountinfo's octal escapes (`\040` space, `\011` tab, `\012` newline, `\134` backslash). */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

/** Parses /proc/<pid>/mountinfo (proc(5)); malformed lines are skipped. */
export function parseMountInfo(text: string): MountPoint[] {
  const out: MountPoint[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const fields = line.split(' ');
    const sep = fields.indexOf('-', 6);
    if (fields.length < 10 || sep < 0 || fields.length < sep + 3) continue;
    out.push({
      id: Number(fields[0]),
      parentId: Number(fields[1]),
      root: unescapeMountField(fields[3]!),
      path: unescapeMountField(fields[4]!),
      options: fields[5]!.split(','),
      fsType: fields[sep + 1]!,
      source: unescapeMountField(fields[sep + 2]!),
    });
  }
  return out;
}

/** The mount points at `dir` or below it, deepest first (the order to unmount them in). */
export function mountsUnder(mounts: readonly MountPoint[], dir: string): MountPoint[] {
  const base = path.resolve(dir);
  const prefix = base.endsWith('/') ? base : base + '/';
  return (
    mounts
      .filter((m) => m.path === base || m.path.startsWith(prefix))
      .map((m, i) => ({ m, i }))
      // Deeper paths first; among equal paths (stacked mounts) the later, upper one first.
      .sort((a, b) => b.m.path.split('/').length - a.m.path.split('/').length || b.i - a.i)
      .map(({ m }) => m)
  );
}

function run(file: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { encoding: 'utf8' }, (err, _stdout, stderr) => {
      if (!err) return resolve();
      const detail = (stderr || err.message).trim();
      reject(new VolumeError('Mount', `${file} ${args.join(' ')} failed: ${detail}`, { cause: err }));
    });
  });
}

/** The real thing: mount(8)/umount(8) and /proc/self/mountinfo. Needs root (CAP_SYS_ADMIN). */
export class SystemMounter implements Mounter {
  constructor(private readonly options: { mountBinary?: string; umountBinary?: string } = {}) {}

  async mount(
    source: string,
    target: string,
    fsType: string,
    options: readonly string[],
    flags: readonly string[] = [],
  ): Promise<void> {
    const mountBin = this.options.mountBinary ?? 'mount';
    const bind = options.includes('bind');
    const readOnly = options.includes('ro');
    if (bind && readOnly) {
      // A bind ignores "ro" on most kernels; mount-utils binds first, then remounts the bind read-only.
      const rest = options.filter((o) => o !== 'ro' && o !== 'bind');
      await run(mountBin, [...flags, '--bind', source, target]);
      await run(mountBin, [...flags, '-o', ['remount', 'bind', 'ro', ...rest].join(','), target]);
      return;
    }
    const args = [...flags];
    if (fsType) args.push('-t', fsType);
    if (options.length) args.push('-o', options.join(','));
    args.push(source, target);
    await run(mountBin, args);
  }

  async unmount(target: string): Promise<void> {
    await run(this.options.umountBinary ?? 'umount', [target]);
  }

  async listMounts(): Promise<MountPoint[]> {
    return parseMountInfo(await readFile('/proc/self/mountinfo', 'utf8'));
  }
}

/** A recorded call to a FakeMounter. */
export interface FakeMountCall {
  readonly op: 'mount' | 'unmount';
  readonly source?: string;
  readonly target: string;
  readonly fsType?: string;
  readonly options?: readonly string[];
  readonly flags?: readonly string[];
}

/**
 * An in-memory Mounter for unit tests: `mount` records a mount point (nothing happens on disk), `unmount`
 * removes the topmost one at that path and rejects when there is none, and every call is recorded in `calls`.
 */
export class FakeMounter implements Mounter {
  readonly calls: FakeMountCall[] = [];
  private readonly mounted: MountPoint[] = [];
  private nextId = 1000;

  async mount(
    source: string,
    target: string,
    fsType: string,
    options: readonly string[],
    flags: readonly string[] = [],
  ): Promise<void> {
    this.calls.push({ op: 'mount', source, target, fsType, options: [...options], flags: [...flags] });
    this.mounted.push({
      id: this.nextId++,
      parentId: 1,
      path: path.resolve(target),
      root: '/',
      fsType: fsType || (options.includes('bind') ? 'bind' : 'none'),
      source,
      options: [...options],
    });
  }

  async unmount(target: string): Promise<void> {
    this.calls.push({ op: 'unmount', target });
    const resolved = path.resolve(target);
    for (let i = this.mounted.length - 1; i >= 0; i--) {
      if (this.mounted[i]!.path === resolved) {
        this.mounted.splice(i, 1);
        return;
      }
    }
    throw new VolumeError('Mount', `umount ${target} failed: not mounted`);
  }

  async listMounts(): Promise<MountPoint[]> {
    return [...this.mounted];
  }
}
