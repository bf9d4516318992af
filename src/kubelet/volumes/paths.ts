/**
 * The kubelet's on-disk layout for pod volumes, as upstream lays it out under --root-dir:
 *
 *   <root>/pods/<uid>/volumes/<escaped plugin>/<spec name>          the volume (what containers see)
 *   <root>/pods/<uid>/volume-subpaths/<volume>/<container>/<index>  bind mounts of prepared subPaths
 *
 * Plugin names are qualified (`kubernetes.io/empty-dir`) and escaped for the file system by replacing `/` with
 * `~` (utilstrings.EscapeQualifiedName), so a directory name maps back to its plugin after a restart.
 */
import path from 'node:path';

export const PODS_DIR = 'pods';
export const VOLUMES_DIR = 'volumes';
export const VOLUME_SUBPATHS_DIR = 'volume-subpaths';

/** `kubernetes.io/empty-dir` → `kubernetes.io~empty-dir`. */
export function escapeQualifiedName(name: string): string {
  return name.replaceAll('/', '~');
}

/** `kubernetes.io~empty-dir` → `kubernetes.io/empty-dir`. */
export function unescapeQualifiedName(name: string): string {
  return name.replaceAll('~', '/');
}

/** Paths of one kubelet root. A value, not a singleton: each manager gets its own. */
export class PodVolumePaths {
  constructor(readonly root: string) {}

  podsDir(): string {
    return path.join(this.root, PODS_DIR);
  }

  podDir(podUid: string): string {
    return path.join(this.podsDir(), checkSegment(podUid, 'pod uid'));
  }

  podVolumesDir(podUid: string): string {
    return path.join(this.podDir(podUid), VOLUMES_DIR);
  }

  pluginVolumesDir(podUid: string, pluginName: string): string {
    return path.join(this.podVolumesDir(podUid), escapeQualifiedName(pluginName));
  }

  volumeDir(podUid: string, pluginName: string, specName: string): string {
    return path.join(this.pluginVolumesDir(podUid, pluginName), checkSegment(specName, 'volume name'));
  }

  podSubPathsDir(podUid: string): string {
    return path.join(this.podDir(podUid), VOLUME_SUBPATHS_DIR);
  }

  volumeSubPathsDir(podUid: string, podVolumeName: string): string {
    return path.join(this.podSubPathsDir(podUid), checkSegment(podVolumeName, 'volume name'));
  }

  subPathTarget(podUid: string, podVolumeName: string, containerName: string, mountIndex: number): string {
    return path.join(
      this.volumeSubPathsDir(podUid, podVolumeName),
      checkSegment(containerName, 'container name'),
      String(mountIndex),
    );
  }
}

/**
 * Names that become one path segment must be exactly one: uids, volume and container names are DNS labels in a
 * valid pod, but the kubelet may be handed anything, and a `..` here would point outside the pod's directory.
 */
function checkSegment(segment: string, what: string): string {
  if (!segment || segment === '.' || segment === '..' || segment.includes('/') || segment.includes('\0')) {
    throw new Error(`invalid ${what} ${JSON.stringify(segment)} for a path segment`);
  }
  return segment;
}
