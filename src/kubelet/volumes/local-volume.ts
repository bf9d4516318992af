/**
 * local PVs (pkg/volume/local), filesystem mode: the PV's node path is bind-mounted at the pod's volume
 * directory (read-only when the claim is), so several pods can mount the same volume and each pod's view goes
 * away with an unmount. Block-mode local volumes are not supported.
 */
import { goQuote } from '../../apimachinery/go-format.js';
import { mkdir, rmdir } from 'node:fs/promises';
import { VolumeError } from './errors.js';
import { hasBacksteps, isMountPoint, removeVolumeDir, setVolumeOwnership } from './fs-util.js';
import type { Mounter } from './mounter.js';
import type { MountContext, MountResult, TearDownTarget, VolumePlugin, VolumeSpec } from './plugin.js';
import type { Pod } from './types.js';

export const LOCAL_VOLUME_PLUGIN_NAME = 'kubernetes.io/local-volume';

export interface LocalVolumePluginOptions {
  mounter: Mounter;
}

export class LocalVolumePlugin implements VolumePlugin {
  readonly name = LOCAL_VOLUME_PLUGIN_NAME;

  constructor(private readonly options: LocalVolumePluginOptions) {}

  canSupport(spec: VolumeSpec): boolean {
    return spec.persistentVolume?.spec?.local !== undefined && spec.persistentVolume.spec.local !== null;
  }

  async setUp(_pod: Pod, spec: VolumeSpec, ctx: MountContext): Promise<MountResult> {
    const pv = spec.persistentVolume!;
    const localPath = pv.spec!.local!.path;
    if (!localPath) throw new VolumeError('InvalidPath', `LocalVolume volume ${goQuote(spec.name)} path is empty`);
    if (hasBacksteps(localPath))
      throw new VolumeError('InvalidPath', `invalid path: ${localPath} must not contain '..'`);
    if (pv.spec!.volumeMode === 'Block') {
      throw new VolumeError('Unsupported', `local volume ${spec.name} in Block mode is not supported by this kubelet`);
    }
    const result = { hostPath: ctx.dir, readOnly: spec.readOnly };
    if (await isMountPoint(this.options.mounter, ctx.dir)) return result;

    await mkdir(ctx.dir, { recursive: true, mode: 0o750 });
    const options = ['bind', ...(spec.readOnly ? ['ro'] : []), ...(pv.spec!.mountOptions ?? [])];
    try {
      await this.options.mounter.mount(localPath, ctx.dir, '', options);
    } catch (err) {
      // Leave no empty mount point behind; rmdir (not rm -r) cannot touch anything that did get mounted.
      await rmdir(ctx.dir).catch(() => undefined);
      throw err;
    }
    if (!spec.readOnly) {
      await setVolumeOwnership(ctx.dir, ctx.fsGroup, { readOnly: false, changePolicy: ctx.fsGroupChangePolicy });
    }
    return result;
  }

  async tearDown(target: TearDownTarget): Promise<void> {
    await removeVolumeDir(this.options.mounter, target.dir);
  }
}
