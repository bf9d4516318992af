/**
 * The volume plugin contract and its registry (upstream's pkg/volume VolumePlugin/Mounter/Unmounter and
 * VolumePluginMgr, narrowed to what a kubelet without attach/detach needs).
 */
import { goQuote } from '../../apimachinery/go-format.js';
import { VolumeError } from './errors.js';
import type { VolumeUsage } from './fs-util.js';
import type { ConfigMap, PersistentVolume, Pod, Secret, Volume } from './types.js';

/**
 * A pod volume resolved for mounting (upstream's volume.Spec): either the pod's inline volume, or the
 * PersistentVolume its claim is bound to.
 */
export interface VolumeSpec {
  /** The spec name: the pod volume's name, or the PV's name for claims. Names the directory and events. */
  readonly name: string;
  /** The pod's own volume name, which volumeMounts refer to (upstream's InnerVolumeSpecName). */
  readonly podVolumeName: string;
  /** Set for inline volumes. */
  readonly volume?: Volume;
  /** Set for claims (and generic ephemeral volumes). */
  readonly persistentVolume?: PersistentVolume;
  /** The claim reference's readOnly. */
  readonly readOnly: boolean;
}

/** What a plugin gets besides the pod and spec. */
export interface MountContext {
  /** The volume's directory, `<root>/pods/<uid>/volumes/<escaped plugin>/<spec name>`; may not exist yet. */
  readonly dir: string;
  /** The pod's fsGroup (securityContext.fsGroup); files get this group. */
  readonly fsGroup?: number;
  /** The pod's fsGroupChangePolicy. */
  readonly fsGroupChangePolicy?: string;
  /** The runAsUser shared by every container, when they all share one (upstream's FsUserFrom). */
  readonly fsUser?: number;
}

/** Where a volume is on the host, and whether containers must see it read-only. */
export interface MountResult {
  readonly hostPath: string;
  /** The plugin's own read-only attribute (configMap & co., read-only claims); OR-ed with the mount's. */
  readonly readOnly: boolean;
}

/** What tearDown gets: the directory of a volume, possibly found on disk after a restart with no spec. */
export interface TearDownTarget {
  readonly podUid: string;
  /** The directory's name: the spec name. */
  readonly specName: string;
  readonly dir: string;
}

/**
 * One kind of volume.
 *
 * Contract:
 * - `setUp` is idempotent: on an already set-up volume it returns the same result and changes nothing that
 *   containers could observe except by a `refresh`-style atomic update.
 * - `tearDown` is idempotent and needs no spec (after a kubelet restart only the directory is known); it
 *   leaves no mount and no directory behind.
 * - Calls for one volume are serialized by the manager; calls for different volumes may run concurrently.
 * - Errors are `VolumeError`s whose message is upstream's cause text; the manager adds the volume name.
 */
export interface VolumePlugin {
  /** Qualified name, e.g. `kubernetes.io/empty-dir`; its escaped form names the directory. */
  readonly name: string;
  canSupport(spec: VolumeSpec): boolean;
  setUp(pod: Pod, spec: VolumeSpec, ctx: MountContext): Promise<MountResult>;
  /**
   * Re-syncs contents that follow an API object (configMap, secret, projected, downwardAPI): atomic, and a
   * no-op when nothing changed. Plugins without it need no resync.
   */
  refresh?(pod: Pod, spec: VolumeSpec, ctx: MountContext): Promise<MountResult>;
  tearDown(target: TearDownTarget): Promise<void>;
  /** Disk usage of a set-up volume (emptyDir), for eviction. */
  usage?(dir: string): Promise<VolumeUsage>;
}

/**
 * Reads the objects volumes project. The kubelet backs it with its informer caches; tests with a fake.
 * Resolves undefined when the object does not exist (a thrown NotFound StatusError means the same).
 * May be called concurrently.
 */
export interface ObjectSource {
  getConfigMap(namespace: string, name: string): Promise<ConfigMap | undefined>;
  getSecret(namespace: string, name: string): Promise<Secret | undefined>;
}

/** A request for a projected service account token, as the kubelet's token manager takes it. */
export interface ServiceAccountTokenRequest {
  readonly namespace: string;
  readonly serviceAccountName: string;
  readonly audiences: readonly string[];
  readonly expirationSeconds: number;
  readonly boundPod: { readonly name: string; readonly uid: string };
}

/**
 * Issues service account tokens (the kubelet wraps TokenRequest with its cache and refresh). `forget` drops
 * cached tokens of a pod whose volumes were torn down.
 */
export interface ServiceAccountTokenSource {
  getToken(request: ServiceAccountTokenRequest): Promise<string>;
  forget?(podUid: string): void;
}

/**
 * Plugins by name. Registering a name twice throws; `list()` is sorted. Built by the caller (cmd/kubelet),
 * never a process-wide default. Reads after construction are safe from anywhere.
 */
export class VolumePluginRegistry {
  private readonly plugins = new Map<string, VolumePlugin>();

  constructor(plugins: Iterable<VolumePlugin> = []) {
    for (const p of plugins) this.register(p);
  }

  register(plugin: VolumePlugin): void {
    if (this.plugins.has(plugin.name)) throw new Error(`volume plugin ${goQuote(plugin.name)} registered twice`);
    this.plugins.set(plugin.name, plugin);
  }

  get(name: string): VolumePlugin | undefined {
    return this.plugins.get(name);
  }

  list(): string[] {
    return [...this.plugins.keys()].sort();
  }

  /** The one plugin supporting `spec` (upstream's FindPluginBySpec and its messages). */
  findPluginBySpec(spec: VolumeSpec): VolumePlugin {
    const matches = this.list()
      .map((n) => this.plugins.get(n)!)
      .filter((p) => p.canSupport(spec));
    if (matches.length === 1) return matches[0]!;
    const err =
      matches.length === 0
        ? 'no volume plugin matched'
        : `multiple volume plugins matched: ${matches.map((p) => p.name).join(',')}`;
    throw new VolumeError(
      'NoPlugin',
      `failed to get Plugin from volumeSpec for volume ${goQuote(spec.name)} err=${err}`,
      {
        volumeName: spec.name,
        operation: 'process',
      },
    );
  }
}

/** Turns a registry Map the caller built into a registry, checking each key names its plugin. */
export function registryFromMap(map: ReadonlyMap<string, VolumePlugin>): VolumePluginRegistry {
  const registry = new VolumePluginRegistry();
  for (const [name, plugin] of map) {
    if (name !== plugin.name)
      throw new Error(`volume plugin registered as ${goQuote(name)} is named ${goQuote(plugin.name)}`);
    registry.register(plugin);
  }
  return registry;
}
