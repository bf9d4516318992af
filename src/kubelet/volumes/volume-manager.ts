/**
 * The kubelet's volume manager, reduced to the calls a pod worker makes: set up a pod's volumes before its
 * containers start (again later to refresh projected contents), turn volumeMounts into CRI mounts, and tear
 * everything down once the pod is gone. Teardown is driven by what is on disk, not by memory, so after a
 * kubelet restart `cleanupOrphanedPods` still finds every leftover volume, subPath bind and tmpfs.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { silentLogger, type Logger } from '../../util/log.js';
import type { Mount } from '../cri/types-runtime.js';
import { makeContainerMounts, type MountedVolume } from './container-mounts.js';
import { PodVolumesError, stampVolumeError, VolumeError } from './errors.js';
import { isNotFoundError, removeIfEmpty, removeVolumeDir, type VolumeUsage } from './fs-util.js';
import type { Mounter } from './mounter.js';
import { PodVolumePaths, unescapeQualifiedName } from './paths.js';
import { registryFromMap, VolumePluginRegistry, type MountContext, type VolumePlugin } from './plugin.js';
import type { Container, Pod, Volume } from './types.js';
import { resolveVolumeSpec, type PersistentVolumeLookup } from './volume-spec.js';

export interface VolumeManagerOptions {
  /** The kubelet's --root-dir; volumes live under `<root>/pods/<uid>/`. */
  kubeletRoot: string;
  /** The plugins, as a registry or a name → plugin Map built by the caller. */
  plugins: VolumePluginRegistry | ReadonlyMap<string, VolumePlugin>;
  mounter: Mounter;
  /** Resolves claims to volumes; pods with claims fail to mount without it. */
  claims?: PersistentVolumeLookup;
  logger?: Logger;
}

/** The runAsUser every container shares, if they all set the same one (upstream's FsUserFrom). */
export function fsUserFrom(pod: Pod): number | undefined {
  const containers = [
    ...(pod.spec.initContainers ?? []),
    ...(pod.spec.containers ?? []),
    ...(pod.spec.ephemeralContainers ?? []),
  ];
  let user: number | undefined;
  for (const c of containers) {
    const runAsUser = c.securityContext?.runAsUser ?? pod.spec.securityContext?.runAsUser;
    if (runAsUser === undefined || (user !== undefined && user !== runAsUser)) return undefined;
    user = runAsUser;
  }
  return user;
}

function describePod(pod: Pod): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} (${pod.metadata.uid ?? ''})`;
}

/**
 * Sets up, refreshes and tears down pod volumes.
 *
 * Concurrency: every call for one pod uid is queued behind the previous one (the AtomicWriter and mount
 * checks need that); different pods proceed in parallel. Idempotency: `mountPodVolumes` on a mounted pod
 * refreshes what can be refreshed and keeps the rest; `unmountPodVolumes` and `cleanupOrphanedPods` on a
 * clean state do nothing. Errors are per volume: the others are still set up or torn down, then a
 * `PodVolumesError` lists every failure with its event reason and message.
 */
export class VolumeManager {
  readonly paths: PodVolumePaths;
  readonly plugins: VolumePluginRegistry;
  private readonly mounter: Mounter;
  private readonly claims: PersistentVolumeLookup | undefined;
  private readonly logger: Logger;
  /** Set-up volumes by pod uid, then by the pod's volume name. */
  private readonly mounted = new Map<string, Map<string, MountedVolume>>();
  /** The tail of each pod's queue of operations. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(options: VolumeManagerOptions) {
    this.paths = new PodVolumePaths(options.kubeletRoot);
    this.plugins = options.plugins instanceof VolumePluginRegistry ? options.plugins : registryFromMap(options.plugins);
    this.mounter = options.mounter;
    this.claims = options.claims;
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * Sets up every volume of `pod` (or refreshes it when already set up) and resolves the pod's volumes by
   * volume name. Rejects with a PodVolumesError when any volume failed; the ones that worked stay set up.
   */
  mountPodVolumes(pod: Pod): Promise<ReadonlyMap<string, MountedVolume>> {
    return this.serialize(podUid(pod), () => this.syncPodVolumes(pod, true));
  }

  /** Re-syncs the contents of the pod's already set-up configMap/secret/downwardAPI/projected volumes. */
  refreshPodVolumes(pod: Pod): Promise<ReadonlyMap<string, MountedVolume>> {
    return this.serialize(podUid(pod), () => this.syncPodVolumes(pod, false));
  }

  /** The volumes set up for a pod by this process, by the pod's volume name. */
  getMountedVolumes(uid: string): ReadonlyMap<string, MountedVolume> {
    return new Map(this.mounted.get(uid) ?? []);
  }

  /**
   * The CRI mounts for one container of a set-up pod, preparing subPath binds as needed. `env` is the
   * container's resolved environment for subPathExpr (defaults to its literal values).
   */
  containerMounts(
    pod: Pod,
    container: Container,
    options: { env?: ReadonlyMap<string, string> } = {},
  ): Promise<Mount[]> {
    const uid = podUid(pod);
    return this.serialize(uid, () =>
      makeContainerMounts(pod, container, this.mounted.get(uid) ?? new Map(), {
        mounter: this.mounter,
        paths: this.paths,
        env: options.env,
        logger: this.logger,
      }),
    );
  }

  /** Tears down everything the pod has on disk: subPath binds, volumes, mounts. Works without any memory. */
  unmountPodVolumes(uid: string): Promise<void> {
    return this.serialize(uid, () => this.tearDownPod(uid));
  }

  /**
   * Tears down the volumes of every pod directory whose uid is not in `activePodUids` (a restarted kubelet's
   * leftovers, or pods deleted while it was down). Resolves the uids it cleaned; failures of one pod do not
   * stop the others and are reported together afterwards.
   */
  async cleanupOrphanedPods(activePodUids: Iterable<string>): Promise<string[]> {
    const active = new Set(activePodUids);
    for (const uid of [...this.mounted.keys()]) if (!active.has(uid)) this.mounted.delete(uid);
    const cleaned: string[] = [];
    const failures: VolumeError[] = [];
    for (const uid of await listDir(this.paths.podsDir())) {
      if (active.has(uid)) continue;
      try {
        await this.unmountPodVolumes(uid);
        cleaned.push(uid);
      } catch (err) {
        failures.push(...(err instanceof PodVolumesError ? err.errors : [stampVolumeError(err, uid, 'tearDown')]));
      }
    }
    if (failures.length) throw new PodVolumesError('orphaned pods', failures);
    return cleaned;
  }

  /** Disk usage of the pod's volumes whose plugin measures it (emptyDir), by the pod's volume name. */
  async volumeUsage(uid: string): Promise<Map<string, VolumeUsage>> {
    const out = new Map<string, VolumeUsage>();
    for (const [name, vol] of this.mounted.get(uid) ?? []) {
      const plugin = this.plugins.get(vol.pluginName);
      if (plugin?.usage) out.set(name, await plugin.usage(vol.hostPath));
    }
    return out;
  }

  private async syncPodVolumes(pod: Pod, setUpMissing: boolean): Promise<ReadonlyMap<string, MountedVolume>> {
    const uid = podUid(pod);
    let podVolumes = this.mounted.get(uid);
    if (!podVolumes) this.mounted.set(uid, (podVolumes = new Map()));
    const ctx = {
      fsGroup: pod.spec.securityContext?.fsGroup,
      fsGroupChangePolicy: pod.spec.securityContext?.fsGroupChangePolicy,
      fsUser: fsUserFrom(pod),
    };
    const failures: VolumeError[] = [];
    const volumes = (pod.spec.volumes ?? []).filter((v) => setUpMissing || podVolumes.has(v.name));
    // Volumes are independent; set them up side by side like upstream's reconciler does.
    const results = await Promise.allSettled(volumes.map((v) => this.syncVolume(pod, v, podVolumes, ctx)));
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') podVolumes.set(volumes[i]!.name, r.value);
      else failures.push(stampVolumeError(r.reason, volumes[i]!.name, 'setUp'));
    });
    for (const f of failures)
      this.logger.warn('volume setup failed', { pod: uid, reason: f.reason, message: f.eventMessage() });
    if (failures.length) throw new PodVolumesError(describePod(pod), failures);
    return new Map(podVolumes);
  }

  private async syncVolume(
    pod: Pod,
    volume: Volume,
    podVolumes: Map<string, MountedVolume>,
    base: Omit<MountContext, 'dir'>,
  ): Promise<MountedVolume> {
    const existing = podVolumes.get(volume.name);
    // Only plugins that follow API objects are re-synced (upstream's RequiresRemount); the others were set
    // up once and need neither another claim lookup nor another type check.
    if (existing && !this.plugins.get(existing.pluginName)?.refresh) return existing;
    const spec = await resolveVolumeSpec(pod, volume, this.claims);
    const plugin = this.plugins.findPluginBySpec(spec);
    const ctx: MountContext = { ...base, dir: this.paths.volumeDir(podUid(pod), plugin.name, spec.name) };
    try {
      if (existing && existing.pluginName === plugin.name && existing.spec.name === spec.name && plugin.refresh) {
        const result = await plugin.refresh(pod, spec, ctx);
        return { ...existing, spec, hostPath: result.hostPath, readOnly: result.readOnly };
      }
      const result = await plugin.setUp(pod, spec, ctx);
      this.logger.debug('volume set up', { pod: podUid(pod), volume: spec.name, plugin: plugin.name });
      return { spec, pluginName: plugin.name, hostPath: result.hostPath, readOnly: result.readOnly };
    } catch (err) {
      throw stampVolumeError(err, spec.name, 'setUp');
    }
  }

  private async tearDownPod(uid: string): Promise<void> {
    const failures: VolumeError[] = [];
    // SubPath binds point into the volumes: they go first, or a volume's removal would find them mounted.
    try {
      await removeVolumeDir(this.mounter, this.paths.podSubPathsDir(uid));
    } catch (err) {
      failures.push(stampVolumeError(err, 'volume-subpaths', 'tearDown'));
    }
    const volumesDir = this.paths.podVolumesDir(uid);
    for (const escaped of await listDir(volumesDir)) {
      const pluginDir = path.join(volumesDir, escaped);
      const plugin = this.plugins.get(unescapeQualifiedName(escaped));
      for (const specName of await listDir(pluginDir)) {
        const dir = path.join(pluginDir, specName);
        try {
          // A directory of a plugin this kubelet no longer has is still unmounted and removed safely.
          if (plugin) await plugin.tearDown({ podUid: uid, specName, dir });
          else await removeVolumeDir(this.mounter, dir);
          this.logger.debug('volume torn down', { pod: uid, volume: specName, plugin: escaped });
        } catch (err) {
          failures.push(stampVolumeError(err, specName, 'tearDown'));
        }
      }
      await removeIfEmpty(pluginDir);
    }
    await removeIfEmpty(volumesDir);
    await removeIfEmpty(this.paths.podDir(uid));
    this.mounted.delete(uid);
    if (failures.length) throw new PodVolumesError(uid, failures);
  }

  /** Runs `fn` after every earlier operation on the same pod has settled. */
  private serialize<T>(uid: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(uid) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.queues.set(uid, tail);
    void tail.then(() => {
      if (this.queues.get(uid) === tail) this.queues.delete(uid);
    });
    return run;
  }
}

function podUid(pod: Pod): string {
  const uid = pod.metadata.uid;
  if (!uid)
    throw new VolumeError('Internal', `pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} has no uid`);
  return uid;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (err) {
    if (isNotFoundError(err) || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw err;
  }
}
