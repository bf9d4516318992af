/**
 * subPath support (pkg/volume/util/subpath, subpath_linux.go): a volumeMount may expose one path inside a
 * volume. Containers can plant symlinks in their volumes, so the path is resolved once, checked to stay inside
 * the volume, opened without following a final symlink, re-checked through /proc/self/fd (what the descriptor
 * really is, whatever got renamed meanwhile), and the descriptor itself is bind-mounted to
 * `volume-subpaths/<volume>/<container>/<index>`. The runtime mounts that bind, which no later symlink swap can
 * redirect.
 */
import { goQuote } from '../../apimachinery/go-format.js';
import { constants } from 'node:fs';
import { chmod, lstat, mkdir, open, readlink, realpath, rmdir, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { VolumeError } from './errors.js';
import { isMountPoint, isNotFoundError, lstatOrUndefined, pathWithinBase } from './fs-util.js';
import type { Mounter } from './mounter.js';

/** O_PATH on Linux (x86, arm, arm64, riscv, ...); Node does not export it. */
const O_PATH = 0o10000000; // libuv adds O_CLOEXEC itself

/**
 * Kubernetes' $(VAR) expansion (third_party/forked/golang/expansion): `$(NAME)` → mapping(NAME), `$$` → `$`,
 * anything else (a lone `$`, an unclosed `$(`) is kept literally.
 */
export function expandVariables(input: string, mapping: (name: string) => string): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let advance = 1;
    if (rest[0] === '$') {
      out += '$';
    } else if (rest[0] === '(') {
      const close = rest.indexOf(')', 1);
      if (close >= 0) {
        out += mapping(rest.slice(1, close));
        advance = close + 1;
      } else {
        out += '$(';
      }
    } else {
      out += '$' + rest[0];
    }
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/**
 * A volumeMount's subPathExpr with the container's environment (ExpandContainerVolumeMounts). Variables that
 * are missing or empty fail with `missing value for A, B` (sorted).
 */
export function expandSubPathExpr(expr: string, env: ReadonlyMap<string, string>): string {
  const missing = new Set<string>();
  const expanded = expandVariables(expr, (name) => {
    const value = env.get(name);
    if (!value) missing.add(name);
    return value ?? '';
  });
  if (missing.size) throw new VolumeError('SubPath', `missing value for ${[...missing].sort().join(', ')}`);
  return expanded;
}

/**
 * Creates `subPath` (and missing parents) under `base` with mode `perm`, refusing to create anything when an
 * existing component resolves outside `base` (SafeMakeDir). Existing components may be symlinks that stay
 * inside the volume.
 */
export async function safeMakeDir(subPath: string, base: string, perm: number): Promise<void> {
  const realBase = await realpath(base);
  const full = path.join(realBase, subPath);
  if (!pathWithinBase(full, realBase)) throw new Error(`path ${full} is outside of allowed base ${realBase}`);
  let current = realBase;
  for (const component of path.relative(realBase, full).split('/').filter(Boolean)) {
    const next = path.join(current, component);
    const st = await lstatOrUndefined(next);
    if (st?.isSymbolicLink()) {
      const resolved = await realpath(next);
      if (!pathWithinBase(resolved, realBase)) throw new Error(`path ${next} is outside of allowed base ${realBase}`);
      current = resolved;
      continue;
    }
    if (st) {
      if (!st.isDirectory()) throw new Error(`${next} is not a directory`);
      current = next;
      continue;
    }
    await mkdir(next, { mode: perm });
    // Whatever now sits at `next` must be the directory just made, not a link someone raced in.
    const made = await lstat(next);
    if (!made.isDirectory()) throw new Error(`${next} changed while being created`);
    await chmod(next, perm & 0o7777);
    current = next;
  }
}

export interface SubPathRequest {
  /** The volume's host path. */
  readonly volumePath: string;
  /** The subPath's host path, `volumePath` joined with the subPath. */
  readonly path: string;
  /** Where to bind it: `<pod>/volume-subpaths/<volume>/<container>/<index>`. */
  readonly target: string;
}

/**
 * Bind-mounts the subPath at `request.target` and returns the target (PrepareSafeSubpath). Idempotent: an
 * existing bind at the target is reused, as a restarted container gets the same index.
 */
export async function prepareSafeSubPath(mounter: Mounter, request: SubPathRequest): Promise<string> {
  const volumePath = await realpath(request.volumePath).catch((err: unknown) => {
    throw new Error(`error resolving symlinks in ${goQuote(request.volumePath)}: ${(err as Error).message}`);
  });
  const resolved = await realpath(request.path).catch((err: unknown) => {
    throw new Error(`error resolving symlinks in ${goQuote(request.path)}: ${(err as Error).message}`);
  });
  if (!pathWithinBase(resolved, volumePath)) {
    throw new Error(`subpath ${goQuote(resolved)} not within volume path ${goQuote(volumePath)}`);
  }

  let handle: FileHandle | undefined;
  try {
    handle = await open(resolved, O_PATH | constants.O_NOFOLLOW);
    const fdPath = `/proc/self/fd/${handle.fd}`;
    const actual = await readlink(fdPath);
    const st = await handle.stat();
    if (st.isSymbolicLink() || !pathWithinBase(actual, volumePath)) {
      throw new Error(`subpath ${goQuote(actual)} not within volume path ${goQuote(volumePath)}`);
    }

    await mkdir(path.dirname(request.target), { recursive: true, mode: 0o750 });
    if (await isMountPoint(mounter, request.target)) return request.target;
    const existed = (await lstatOrUndefined(request.target)) !== undefined;
    if (!existed) {
      if (st.isDirectory()) await mkdir(request.target, { mode: 0o750 });
      else await (await open(request.target, 'a', 0o640)).close();
    }
    try {
      // mount(8) runs in another process: name the descriptor through this process's pid, and keep mount
      // from canonicalizing the magic link back into a path that could have been swapped.
      await mounter.mount(`/proc/${process.pid}/fd/${handle.fd}`, request.target, '', ['bind'], ['--no-canonicalize']);
    } catch (err) {
      if (!existed) await (st.isDirectory() ? rmdir(request.target) : unlink(request.target)).catch(() => undefined);
      throw err;
    }
    return request.target;
  } catch (err) {
    if (err instanceof VolumeError) throw err;
    if (isNotFoundError(err)) {
      throw new Error(`subpath ${goQuote(request.path)} vanished while being prepared`, { cause: err });
    }
    throw err;
  } finally {
    await handle?.close();
  }
}
