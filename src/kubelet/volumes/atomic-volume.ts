/**
 * What configMap, secret, downwardAPI and projected volumes share: collect a payload, lay an emptyDir under it
 * (memory-backed for secrets and projected volumes, so secret bytes never reach a disk), and publish it with
 * the AtomicWriter. `refresh` is the same sync on a live volume; containers see old or new files, never a mix.
 */
import type { Clock } from '../../util/clock.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { AtomicWriter, type Payload } from './atomic-writer.js';
import { memoryVolumeSize, setUpDiskDir, setUpTmpfsDir } from './empty-dir.js';
import { lstatOrUndefined, removeVolumeDir, setVolumeOwnership } from './fs-util.js';
import type { Mounter } from './mounter.js';
import type { MountContext, MountResult, TearDownTarget, VolumePlugin, VolumeSpec } from './plugin.js';
import { machineAllocatable, type NodeAllocatableSource } from './resources.js';
import type { Pod } from './types.js';

export interface AtomicVolumeOptions {
  mounter: Mounter;
  /** Names the timestamped data directories. */
  clock?: Clock;
  logger?: Logger;
  /** Sizes memory-backed volumes; defaults to the machine's memory. */
  nodeAllocatable?: NodeAllocatableSource;
}

/** Base of the four projecting plugins. Calls for one volume must be serialized (the manager does). */
export abstract class AtomicVolumePlugin implements VolumePlugin {
  abstract readonly name: string;
  /** Whether the wrapped emptyDir is a tmpfs. */
  protected abstract readonly memoryBacked: boolean;
  protected readonly logger: Logger;
  protected readonly allocatable: NodeAllocatableSource;

  constructor(protected readonly base: AtomicVolumeOptions) {
    this.logger = base.logger ?? silentLogger;
    this.allocatable = base.nodeAllocatable ?? machineAllocatable;
  }

  abstract canSupport(spec: VolumeSpec): boolean;

  /** The files the volume must hold now. Throws VolumeErrors with upstream's messages. */
  protected abstract collect(pod: Pod, spec: VolumeSpec, ctx: MountContext): Promise<Payload>;

  setUp(pod: Pod, spec: VolumeSpec, ctx: MountContext): Promise<MountResult> {
    return this.sync(pod, spec, ctx, true);
  }

  refresh(pod: Pod, spec: VolumeSpec, ctx: MountContext): Promise<MountResult> {
    return this.sync(pod, spec, ctx, false);
  }

  async tearDown(target: TearDownTarget): Promise<void> {
    await removeVolumeDir(this.base.mounter, target.dir);
  }

  private async sync(pod: Pod, spec: VolumeSpec, ctx: MountContext, initial: boolean): Promise<MountResult> {
    // Collect first: a missing configMap then fails before anything is created or mounted, and a failed
    // refresh leaves the running containers' files as they were.
    const payload = await this.collect(pod, spec, ctx);
    const existed = (await lstatOrUndefined(ctx.dir)) !== undefined;
    try {
      if (this.memoryBacked) {
        await setUpTmpfsDir(this.base.mounter, ctx.dir, await memoryVolumeSize(this.allocatable, undefined, pod));
      } else {
        await setUpDiskDir(ctx.dir);
      }
      const writer = new AtomicWriter(ctx.dir, { clock: this.base.clock, logger: this.logger });
      const wrote = await writer.write(payload, () =>
        setVolumeOwnership(ctx.dir, ctx.fsGroup, { readOnly: true, changePolicy: ctx.fsGroupChangePolicy }),
      );
      if (wrote) this.logger.debug('volume contents updated', { pod: pod.metadata.uid, volume: spec.name });
    } catch (err) {
      if (initial && !existed) {
        await removeVolumeDir(this.base.mounter, ctx.dir).catch((cleanupErr: unknown) =>
          this.logger.warn('cleaning up a failed volume setup failed', { dir: ctx.dir, err: cleanupErr }),
        );
      }
      throw err;
    }
    return { hostPath: ctx.dir, readOnly: true };
  }
}
