/**
 * emptyDir (pkg/volume/emptydir): a directory that lives as long as the pod. On disk it is a plain 0777
 * directory whose size limit eviction enforces (hence `usage`); with medium "Memory" it is a tmpfs sized to the
 * smallest of node allocatable memory, the pod's memory limit and the volume's sizeLimit. Secret and projected
 * volumes sit on the same memory-backed directory, so the setup is exported for them.
 */
import { goQuote } from '../../apimachinery/go-format.js';
import { chmod, lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseQuantity, type Quantity } from '../../apimachinery/quantity.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { VolumeError } from './errors.js';
import { canonicalPath, diskUsage, removeVolumeDir, setVolumeOwnership, type VolumeUsage } from './fs-util.js';
import type { Mounter } from './mounter.js';
import type { MountContext, MountResult, TearDownTarget, VolumePlugin, VolumeSpec } from './plugin.js';
import { machineAllocatable, podMemoryLimit, type NodeAllocatableSource } from './resources.js';
import type { Pod } from './types.js';

export const EMPTY_DIR_PLUGIN_NAME = 'kubernetes.io/empty-dir';
const EMPTY_DIR_PERM = 0o777;

/** Creates `dir` with mode 0777 whatever the umask (emptyDir's setupDir). Idempotent. */
export async function setUpDiskDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: EMPTY_DIR_PERM });
  const st = await lstat(dir);
  if ((st.mode & 0o777) !== EMPTY_DIR_PERM) await chmod(dir, EMPTY_DIR_PERM);
}

/**
 * Makes `dir` a tmpfs mount point (emptyDir's setupTmpfs). Idempotent: a tmpfs already mounted there is kept,
 * so its contents survive a second setUp. `sizeBytes` (when > 0) becomes the `size=` option; without it the
 * kernel's default of half the RAM applies.
 */
export async function setUpTmpfsDir(mounter: Mounter, dir: string, sizeBytes: bigint | undefined): Promise<void> {
  await setUpDiskDir(dir);
  const names = new Set([path.resolve(dir), await canonicalPath(dir)]);
  const mounts = (await mounter.listMounts()).filter((m) => names.has(m.path));
  if (mounts.length > 0 && mounts[mounts.length - 1]!.fsType === 'tmpfs') return;
  const options = sizeBytes !== undefined && sizeBytes > 0n ? [`size=${sizeBytes}`] : [];
  await mounter.mount('tmpfs', dir, 'tmpfs', options);
}

/**
 * The size of a memory-backed emptyDir (calculateEmptyDirMemorySize): node allocatable memory, lowered to the
 * pod's memory limit and then to the volume's sizeLimit when those are positive and smaller.
 */
export function emptyDirMemorySize(
  nodeAllocatableMemory: Quantity | undefined,
  sizeLimit: string | undefined,
  pod: Pod,
): Quantity | undefined {
  let size = nodeAllocatableMemory;
  const podLimit = podMemoryLimit(pod);
  if (podLimit && podLimit.sign() > 0 && (!size || podLimit.cmp(size) <= 0)) size = podLimit;
  if (sizeLimit !== undefined) {
    const volumeLimit = parseQuantity(sizeLimit);
    if (volumeLimit.sign() > 0 && (!size || volumeLimit.cmp(size) <= 0)) size = volumeLimit;
  }
  return size;
}

/** The tmpfs size for a memory-backed volume of `pod` with an optional sizeLimit. */
export async function memoryVolumeSize(
  allocatable: NodeAllocatableSource,
  sizeLimit: string | undefined,
  pod: Pod,
): Promise<bigint | undefined> {
  const memory = (await allocatable()).memory;
  const size = emptyDirMemorySize(memory === undefined ? undefined : parseQuantity(memory), sizeLimit, pod);
  return size ? BigInt(size.value()) : undefined;
}

export interface EmptyDirPluginOptions {
  mounter: Mounter;
  /** Node allocatable, for sizing memory-backed volumes; defaults to the machine's memory. */
  nodeAllocatable?: NodeAllocatableSource;
  logger?: Logger;
}

/** emptyDir. Safe for concurrent calls on different volumes. */
export class EmptyDirPlugin implements VolumePlugin {
  readonly name = EMPTY_DIR_PLUGIN_NAME;
  private readonly allocatable: NodeAllocatableSource;
  private readonly logger: Logger;

  constructor(private readonly options: EmptyDirPluginOptions) {
    this.allocatable = options.nodeAllocatable ?? machineAllocatable;
    this.logger = options.logger ?? silentLogger;
  }

  canSupport(spec: VolumeSpec): boolean {
    return spec.volume?.emptyDir !== undefined && spec.volume.emptyDir !== null;
  }

  async setUp(pod: Pod, spec: VolumeSpec, ctx: MountContext): Promise<MountResult> {
    const source = spec.volume!.emptyDir!;
    const medium = source.medium ?? '';
    if (medium === '') {
      await setUpDiskDir(ctx.dir);
    } else if (medium === 'Memory') {
      const size = await memoryVolumeSize(this.allocatable, source.sizeLimit, pod);
      this.logger.debug('mounting tmpfs', { pod: pod.metadata.uid, volume: spec.name, size: size?.toString() });
      await setUpTmpfsDir(this.options.mounter, ctx.dir, size);
    } else if (medium === 'HugePages' || medium.startsWith('HugePages-')) {
      throw new VolumeError('Unsupported', `medium ${medium}: hugePages storage is not supported by this kubelet`);
    } else {
      throw new VolumeError('Unsupported', `unknown storage medium ${goQuote(medium)}`);
    }
    await setVolumeOwnership(ctx.dir, ctx.fsGroup, { readOnly: false, changePolicy: ctx.fsGroupChangePolicy });
    return { hostPath: ctx.dir, readOnly: false };
  }

  async tearDown(target: TearDownTarget): Promise<void> {
    await removeVolumeDir(this.options.mounter, target.dir);
  }

  usage(dir: string): Promise<VolumeUsage> {
    return diskUsage(dir);
  }
}
