/**
 * A container's volumeMounts as CRI mounts (the kubelet's makeMounts): the volume's host path, or a prepared
 * subPath bind of it; read-only when the mount or the volume says so; propagation is always private here.
 */
import { goQuote } from '../../apimachinery/go-format.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { silentLogger, type Logger } from '../../util/log.js';
import type { Mount } from '../cri/types-runtime.js';
import { stampVolumeError, VolumeError } from './errors.js';
import { hasBacksteps, statOrUndefined } from './fs-util.js';
import type { Mounter } from './mounter.js';
import type { PodVolumePaths } from './paths.js';
import type { VolumeSpec } from './plugin.js';
import { expandSubPathExpr, expandVariables, prepareSafeSubPath, safeMakeDir } from './subpath.js';
import type { Container, Pod } from './types.js';

/** A set-up volume of a pod, keyed by the pod's volume name. */
export interface MountedVolume {
  readonly spec: VolumeSpec;
  readonly pluginName: string;
  readonly hostPath: string;
  /** The plugin's read-only attribute. */
  readonly readOnly: boolean;
}

export interface ContainerMountsOptions {
  mounter: Mounter;
  paths: PodVolumePaths;
  /**
   * The container's environment as the kubelet resolved it, for subPathExpr. Defaults to the literal `value`s
   * of container.env (each may refer to earlier ones with $(VAR)).
   */
  env?: ReadonlyMap<string, string>;
  logger?: Logger;
}

/** container.env's literal values, expanded in order as the kubelet does for plain values. */
export function literalEnv(container: Container): Map<string, string> {
  const env = new Map<string, string>();
  for (const e of container.env ?? []) {
    if (e.value === undefined) continue;
    env.set(
      e.name,
      expandVariables(e.value, (name) => env.get(name) ?? `$(${name})`),
    );
  }
  return env;
}

function mountError(code: 'SubPath' | 'InvalidPath' | 'NotMounted', message: string, volumeName: string): VolumeError {
  return new VolumeError(code, message, { volumeName, operation: 'containerMounts' });
}

/**
 * Resolves every volumeMount of `container`. Fails on the first mount that cannot be satisfied, with upstream's
 * messages; detailed subPath errors are only logged, as they describe the host's file system.
 */
export async function makeContainerMounts(
  pod: Pod,
  container: Container,
  volumes: ReadonlyMap<string, MountedVolume>,
  options: ContainerMountsOptions,
): Promise<Mount[]> {
  const logger = options.logger ?? silentLogger;
  const mounts: Mount[] = [];
  const volumeMounts = container.volumeMounts ?? [];
  for (let i = 0; i < volumeMounts.length; i++) {
    const vm = volumeMounts[i]!;
    const vol = volumes.get(vm.name);
    if (!vol) {
      throw mountError(
        'NotMounted',
        `cannot find volume ${goQuote(vm.name)} to mount into container ${goQuote(container.name)}`,
        vm.name,
      );
    }
    let hostPath = vol.hostPath;
    let subPath = vm.subPath ?? '';
    if (vm.subPathExpr) {
      try {
        subPath = expandSubPathExpr(vm.subPathExpr, options.env ?? literalEnv(container));
      } catch (err) {
        throw stampVolumeError(err, vm.name, 'containerMounts');
      }
    }
    if (subPath) {
      if (path.isAbsolute(subPath)) {
        throw mountError('InvalidPath', `error SubPath \`${subPath}\` must not be an absolute path`, vm.name);
      }
      if (hasBacksteps(subPath)) {
        throw mountError('InvalidPath', `unable to provision SubPath \`${subPath}\`: must not contain '..'`, vm.name);
      }
      const volumePath = hostPath;
      hostPath = path.join(volumePath, subPath);
      const quoted = `volumeMount ${goQuote(vm.name)} of container ${goQuote(container.name)}`;
      if (!(await statOrUndefined(hostPath))) {
        // Created now, with the volume's mode, rather than later by the runtime with the wrong one.
        try {
          const perm = (await stat(volumePath)).mode & 0o7777;
          await safeMakeDir(subPath, volumePath, perm);
        } catch (err) {
          logger.error('failed to create subPath directory', { pod: pod.metadata.uid, container: container.name, err });
          throw mountError('SubPath', `failed to create subPath directory for ${quoted}`, vm.name);
        }
      }
      try {
        hostPath = await prepareSafeSubPath(options.mounter, {
          volumePath,
          path: hostPath,
          target: options.paths.subPathTarget(pod.metadata.uid ?? '', vol.spec.podVolumeName, container.name, i),
        });
      } catch (err) {
        logger.error('failed to prepare subPath', { pod: pod.metadata.uid, container: container.name, err });
        throw mountError('SubPath', `failed to prepare subPath for ${quoted}`, vm.name);
      }
    }
    const containerPath = path.isAbsolute(vm.mountPath) ? vm.mountPath : path.posix.join('/', vm.mountPath);
    mounts.push({
      container_path: containerPath,
      host_path: hostPath,
      readonly: vm.readOnly === true || vol.readOnly,
      selinux_relabel: false,
      propagation: 'PROPAGATION_PRIVATE',
    });
  }
  return mounts;
}
