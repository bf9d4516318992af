/**
 * Upstream's AtomicWriter (pkg/volume/util/atomic_writer.go): projects a set of files into a directory so that
 * readers only ever see a complete old or a complete new set.
 *
 *   <dir>/..2026_11_23_13_02_01.123456789/   the real files of one version (never modified once visible)
 *   <dir>/..data -> ..2026_11_23_13_02_01.123456789
 *   <dir>/<name> -> ..data/<name>             one symlink per top-level name of the payload
 *
 * An update writes a new timestamped directory, points `..data_tmp` at it and renames that over `..data`
 * (rename(2) replaces a symlink atomically), then adds links for new names, drops links for removed names and
 * deletes the previous directory.
 */
import { randomInt } from 'node:crypto';
import {
  chmod,
  chown,
  lstat,
  mkdir,
  readFile,
  readdir,
  readlink,
  rename,
  rm,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { realClock, type Clock } from '../../util/clock.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { VolumeError } from './errors.js';
import { goClean, isNotFoundError } from './fs-util.js';

export const DATA_DIR_NAME = '..data';
export const NEW_DATA_DIR_NAME = '..data_tmp';
const MAX_FILE_NAME_LENGTH = 255;
const MAX_PATH_LENGTH = 4096;

/** One file of a payload. */
export interface FileProjection {
  readonly data: Uint8Array | string;
  /** Permission bits, applied regardless of the umask. */
  readonly mode: number;
  /** Owner to give the file (projected service account tokens when all containers share a runAsUser). */
  readonly fsUser?: number;
}

/** Relative path → file. Paths are cleaned; `a/b` creates directory `a` inside the data directory. */
export type Payload = ReadonlyMap<string, FileProjection>;

export interface AtomicWriterOptions {
  /** Names the timestamped directories; defaults to the real clock. */
  clock?: Clock;
  logger?: Logger;
  /** The random suffix of a timestamped directory (Go's MkdirTemp uses a decimal uint32). */
  randomSuffix?: () => string;
}

/**
 * Returns why a payload path is unacceptable, or undefined when it is fine. Paths may not be empty, absolute,
 * contain a `..` element, start with `..` (the writer's own names) or exceed 4096 / 255 characters.
 */
export function invalidPayloadPath(targetPath: string): string | undefined {
  if (targetPath === '') return `invalid path: must not be empty: ""`;
  if (path.posix.isAbsolute(targetPath)) return `invalid path: must be relative path: ${targetPath}`;
  if (targetPath.length > MAX_PATH_LENGTH) {
    return `invalid path: must be less than or equal to ${MAX_PATH_LENGTH} characters`;
  }
  const items = targetPath.split('/');
  for (const item of items) {
    if (item === '..') return `invalid path: must not contain '..': ${targetPath}`;
    if (item.length > MAX_FILE_NAME_LENGTH) {
      return `invalid path: filenames must be less than or equal to ${MAX_FILE_NAME_LENGTH} characters`;
    }
  }
  if (items[0]!.startsWith('..') && items[0]!.length > 2)
    return `invalid path: must not start with '..': ${targetPath}`;
  return undefined;
}

/** `..2006_01_02_15_04_05.` of the given instant, in UTC as upstream formats it. */
export function timestampDirPrefix(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `..${d.getUTCFullYear()}_${p2(d.getUTCMonth() + 1)}_${p2(d.getUTCDate())}_${p2(d.getUTCHours())}_${p2(
    d.getUTCMinutes(),
  )}_${p2(d.getUTCSeconds())}.`;
}

function toBuffer(data: Uint8Array | string): Buffer {
  return typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Writes payloads into one target directory.
 *
 * Not safe for concurrent `write` calls on the same directory: callers serialize them (the volume manager
 * does, per pod). Readers may read at any time. `write` is idempotent: an unchanged payload touches nothing.
 */
export class AtomicWriter {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly randomSuffix: () => string;

  constructor(
    readonly targetDir: string,
    options: AtomicWriterOptions = {},
  ) {
    this.clock = options.clock ?? realClock;
    this.logger = options.logger ?? silentLogger;
    this.randomSuffix = options.randomSuffix ?? (() => String(randomInt(0, 2 ** 32)));
  }

  /**
   * Makes the target directory hold exactly `payload`. `setPerms` runs on the new timestamped directory's name
   * after its files are written and before it becomes visible (ownership changes for fsGroup). Resolves true
   * when a new version was published, false when the directory already held the payload.
   */
  async write(payload: Payload, setPerms?: (tsDirName: string) => Promise<void>): Promise<boolean> {
    const clean = new Map<string, FileProjection>();
    for (const [p, file] of payload) {
      const invalid = invalidPayloadPath(p);
      if (invalid) throw new VolumeError('InvalidPath', invalid);
      clean.set(goClean(p), file);
    }

    const dataDirPath = path.join(this.targetDir, DATA_DIR_NAME);
    let oldTsDir = '';
    try {
      oldTsDir = await readlink(dataDirPath);
    } catch (err) {
      if (!isNotFoundError(err)) throw err;
    }
    const oldTsPath = path.join(this.targetDir, oldTsDir);

    let toRemove = new Set<string>();
    let shouldWrite = true;
    if (oldTsDir) {
      toRemove = await this.pathsToRemove(clean, oldTsPath);
      if (!(await this.payloadDiffers(clean, oldTsPath)) && toRemove.size === 0) {
        // Up to date; still (re)create the user-visible links below in case one was deleted (upstream #121472).
        shouldWrite = false;
        oldTsDir = '';
      }
    }

    if (shouldWrite) {
      const tsDir = await this.newTimestampDir();
      const tsDirName = path.basename(tsDir);
      try {
        await this.writePayloadToDir(clean, tsDir);
        if (setPerms) await setPerms(tsDirName);
        const newDataDirPath = path.join(this.targetDir, NEW_DATA_DIR_NAME);
        // A crash between symlink and rename leaves ..data_tmp behind; it is ours to replace.
        await rm(newDataDirPath, { force: true });
        await symlink(tsDirName, newDataDirPath);
        await rename(newDataDirPath, dataDirPath);
      } catch (err) {
        await rm(tsDir, { recursive: true, force: true });
        throw err;
      }
      this.logger.debug('published new data directory', { dir: this.targetDir, tsDir: tsDirName });
    }

    await this.createUserVisibleFiles(clean);
    await this.removeUserVisiblePaths(toRemove);
    if (oldTsDir && oldTsDir !== DATA_DIR_NAME) await rm(oldTsPath, { recursive: true, force: true });
    return shouldWrite;
  }

  /** Paths present in the old version that the new payload does not keep (not even as a parent directory). */
  private async pathsToRemove(payload: Map<string, FileProjection>, oldTsPath: string): Promise<Set<string>> {
    const existing = new Set<string>();
    const walk = async (dir: string, rel: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if (isNotFoundError(err)) return;
        throw err;
      }
      for (const e of entries) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        existing.add(r);
        if (e.isDirectory()) await walk(path.join(dir, e.name), r);
      }
    };
    await walk(oldTsPath, '');
    const keep = new Set<string>();
    for (const file of payload.keys()) {
      for (let sub = file; sub && sub !== '.'; sub = path.posix.dirname(sub)) keep.add(sub);
    }
    return new Set([...existing].filter((p) => !keep.has(p)));
  }

  private async payloadDiffers(payload: Map<string, FileProjection>, oldTsPath: string): Promise<boolean> {
    for (const [p, file] of payload) {
      const full = path.join(oldTsPath, p);
      try {
        await lstat(full);
      } catch (err) {
        if (isNotFoundError(err)) return true;
        throw err;
      }
      if (!toBuffer(file.data).equals(await readFile(full))) return true;
    }
    return false;
  }

  private async newTimestampDir(): Promise<string> {
    const prefix = timestampDirPrefix(this.clock.now());
    for (let attempt = 0; ; attempt++) {
      const dir = path.join(this.targetDir, prefix + this.randomSuffix());
      try {
        await mkdir(dir, { mode: 0o755 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 100) continue;
        throw err;
      }
      // 0755 lets group and other traverse whatever the process umask is.
      await chmod(dir, 0o755);
      return dir;
    }
  }

  private async writePayloadToDir(payload: Map<string, FileProjection>, dir: string): Promise<void> {
    for (const [p, file] of payload) {
      const full = path.join(dir, p);
      await mkdir(path.dirname(full), { recursive: true, mode: 0o777 });
      await writeFile(full, toBuffer(file.data), { mode: file.mode });
      // writeFile's mode is filtered by the umask; the requested mode must hold exactly.
      await chmod(full, file.mode);
      if (file.fsUser !== undefined) await chown(full, file.fsUser, -1);
    }
  }

  private async createUserVisibleFiles(payload: Map<string, FileProjection>): Promise<void> {
    for (const p of payload.keys()) {
      const linkName = p.split('/')[0]!;
      const visible = path.join(this.targetDir, linkName);
      try {
        await readlink(visible);
      } catch (err) {
        if (!isNotFoundError(err)) continue; // something that is not a link is in the way; upstream leaves it
        await symlink(path.posix.join(DATA_DIR_NAME, linkName), visible);
      }
    }
  }

  private async removeUserVisiblePaths(paths: Set<string>): Promise<void> {
    let lastErr: unknown;
    for (const p of paths) {
      // Only top-level names are links in the target dir; nested ones vanished with the old data directory.
      if (p.includes('/')) continue;
      try {
        await unlink(path.join(this.targetDir, p));
      } catch (err) {
        if (!isNotFoundError(err)) lastErr = err;
      }
    }
    if (lastErr) throw lastErr;
  }
}
