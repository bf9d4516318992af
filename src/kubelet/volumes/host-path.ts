/**
 * hostPath volumes and hostPath PVs (pkg/volume/hostpath): the node's own path, handed to the container
 * runtime as is. Nothing is created under the pod's directory, so tearDown has nothing to do. The `type` check
 * runs on every setUp with upstream's wording ("hostPath type check failed: /x is not a directory"); the
 * *OrCreate types create a missing directory (0755) or empty file (0644) first.
 */
import { mkdir, open } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { VolumeError } from './errors.js';
import { goPathErrorMessage, hasBacksteps, statOrUndefined } from './fs-util.js';
import type { MountContext, MountResult, TearDownTarget, VolumePlugin, VolumeSpec } from './plugin.js';
import type { HostPathVolumeSource, Pod } from './types.js';

export const HOST_PATH_PLUGIN_NAME = 'kubernetes.io/host-path';

/** What hostutil.GetFileType reports (following symlinks); FIFOs and anything else count as "File". */
export type HostFileType = 'Directory' | 'File' | 'Socket' | 'CharDevice' | 'BlockDevice';

export function hostFileType(st: Stats): HostFileType {
  if (st.isDirectory()) return 'Directory';
  if (st.isSocket()) return 'Socket';
  if (st.isCharacterDevice()) return 'CharDevice';
  if (st.isBlockDevice()) return 'BlockDevice';
  return 'File';
}

const WANT: Record<string, { type: HostFileType; noun: string }> = {
  Directory: { type: 'Directory', noun: 'directory' },
  DirectoryOrCreate: { type: 'Directory', noun: 'directory' },
  File: { type: 'File', noun: 'file' },
  FileOrCreate: { type: 'File', noun: 'file' },
  Socket: { type: 'Socket', noun: 'socket file' },
  CharDevice: { type: 'CharDevice', noun: 'character device' },
  BlockDevice: { type: 'BlockDevice', noun: 'block device' },
};

/** checkType: validates (and for *OrCreate, creates) `p` as `pathType`. */
export async function checkHostPathType(p: string, pathType: string): Promise<void> {
  if (pathType === '') return;
  const want = WANT[pathType];
  if (!want) throw new VolumeError('HostPathType', `${pathType} is an invalid volume type`);
  const st = await statOrUndefined(p);
  if (!st && pathType === 'DirectoryOrCreate') {
    try {
      await mkdir(p, { recursive: true, mode: 0o755 });
    } catch (err) {
      throw new VolumeError('HostPathType', goPathErrorMessage(err, 'mkdir', p), { cause: err });
    }
    return;
  }
  if (!st && pathType === 'FileOrCreate') {
    try {
      await (await open(p, 'a', 0o644)).close();
    } catch (err) {
      throw new VolumeError('HostPathType', goPathErrorMessage(err, 'open', p), { cause: err });
    }
    return;
  }
  if (!st || hostFileType(st) !== want.type) {
    throw new VolumeError('HostPathType', `hostPath type check failed: ${p} is not a ${want.noun}`);
  }
}

function sourceOf(spec: VolumeSpec): HostPathVolumeSource | undefined {
  return spec.volume?.hostPath ?? spec.persistentVolume?.spec?.hostPath ?? undefined;
}

export class HostPathPlugin implements VolumePlugin {
  readonly name = HOST_PATH_PLUGIN_NAME;

  canSupport(spec: VolumeSpec): boolean {
    return sourceOf(spec) !== undefined;
  }

  async setUp(_pod: Pod, spec: VolumeSpec, _ctx: MountContext): Promise<MountResult> {
    const source = sourceOf(spec)!;
    if (hasBacksteps(source.path)) {
      throw new VolumeError('InvalidPath', `invalid HostPath \`${source.path}\`: must not contain '..'`);
    }
    await checkHostPathType(source.path, source.type ?? '');
    return { hostPath: source.path, readOnly: spec.readOnly };
  }

  async tearDown(_target: TearDownTarget): Promise<void> {
    // The path belongs to the node; nothing of the pod's to remove.
  }
}
