/**
 * Image garbage collection (pkg/kubelet/images/image_gc_manager.go): when the image filesystem's usage
 * reaches HighThresholdPercent, remove unused images, least recently used first, until usage is back at
 * LowThresholdPercent.
 *
 * The manager remembers, per image id, when it first saw the image and when a container last used it
 * (records live in memory only, so after a restart every image counts as new and is protected by MinAge).
 * Never removed: images any container uses (running or not: a dead container's image is what its restart
 * needs), pinned images (CRI `pinned`, and the sandbox image we configure), images younger than MinAge.
 */
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import type { ImageService, RuntimeService } from '../cri/service.js';
import type { Image } from '../cri/types-image.js';
import { normalizeImageName } from '../images/reference.js';
import type { FsStats } from './fs-stats.js';

/** Upstream ImageGCPolicy (kubelet flags in parentheses). */
export interface ImageGCPolicy {
  /** Usage (percent of capacity) at which GC starts (`--image-gc-high-threshold`, 85; 100 disables GC). */
  highThresholdPercent: number;
  /** Usage GC frees down to (`--image-gc-low-threshold`, 80). */
  lowThresholdPercent: number;
  /** Images first seen less than this ago are kept (`--minimum-image-gc-age`, 2 min). */
  minAgeMs: number;
  /** Unused images are removed this long after last use, whatever the usage (`--image-maximum-gc-age`, 0 = off). */
  maxAgeMs: number;
}

export const defaultImageGCPolicy: ImageGCPolicy = {
  highThresholdPercent: 85,
  lowThresholdPercent: 80,
  minAgeMs: 2 * 60_000,
  maxAgeMs: 0,
};

/** Checks a policy as upstream's constructor does; the message names the offending flag. */
export function validateImageGCPolicy(p: ImageGCPolicy): void {
  if (!(p.highThresholdPercent >= 0 && p.highThresholdPercent <= 100)) {
    throw new Error(`invalid --image-gc-high-threshold ${p.highThresholdPercent}, must be in range [0-100]`);
  }
  if (!(p.lowThresholdPercent >= 0 && p.lowThresholdPercent <= 100)) {
    throw new Error(`invalid --image-gc-low-threshold ${p.lowThresholdPercent}, must be in range [0-100]`);
  }
  if (p.lowThresholdPercent > p.highThresholdPercent) {
    throw new Error(
      `--image-gc-low-threshold ${p.lowThresholdPercent} can not be higher than --image-gc-high-threshold ${p.highThresholdPercent}`,
    );
  }
}

/** The CRI calls image GC makes. */
export type ImageGCRuntime = Pick<ImageService, 'listImages' | 'removeImage'> & Pick<RuntimeService, 'listContainers'>;

/** Options of {@link ImageGCManager}. */
export interface ImageGCManagerOptions {
  cri: ImageGCRuntime;
  /** Capacity and availability of the filesystem holding the images (statfs of containerd's root). */
  imageFsStats: () => Promise<FsStats>;
  /** Image names never removed besides CRI-pinned ones: the sandbox (pause) image. */
  pinnedImages?: string[];
  policy?: Partial<ImageGCPolicy>;
  /** Node events (FreeDiskSpaceFailed, ImageGCFailed); optional. */
  nodeEvent?: (type: 'Normal' | 'Warning', reason: string, message: string) => void;
  clock: Clock;
  logger: Logger;
  /** How often `run` collects (upstream ImageGCPeriod, 5 min). */
  periodMs?: number;
}

interface ImageRecord {
  firstDetected: number;
  /** 0: never seen in use. */
  lastUsed: number;
  size: number;
  pinned: boolean;
  inUse: boolean;
}

/** What one pass did. */
export interface ImageGCResult {
  removed: string[];
  freedBytes: number;
}

/**
 * See the module comment. `run` serializes its own passes; the eviction manager may call
 * `deleteUnusedImages` concurrently, which is harmless: both only remove unused images, and CRI RemoveImage
 * of an image already gone succeeds.
 */
export class ImageGCManager {
  readonly policy: ImageGCPolicy;
  private readonly records = new Map<string, ImageRecord>();
  private readonly pinnedNames: Set<string>;

  constructor(private readonly o: ImageGCManagerOptions) {
    this.policy = { ...defaultImageGCPolicy, ...o.policy };
    validateImageGCPolicy(this.policy);
    this.pinnedNames = new Set((o.pinnedImages ?? []).map(normalizeOrKeep));
  }

  /** Refreshes the records from the runtime: new images, images in use now, images gone. */
  async detectImages(now: number, signal?: AbortSignal): Promise<void> {
    const [{ images }, { containers }] = await Promise.all([
      this.o.cri.listImages({}, { signal }),
      this.o.cri.listContainers({}, { signal }),
    ]);
    const inUse = new Set<string>();
    for (const c of containers) {
      if (c.image_ref) inUse.add(c.image_ref);
      if (c.image?.image) inUse.add(normalizeOrKeep(c.image.image));
    }
    const seen = new Set<string>();
    for (const img of images) {
      seen.add(img.id);
      const rec = this.records.get(img.id) ?? { firstDetected: now, lastUsed: 0, size: 0, pinned: false, inUse: false };
      rec.size = Number(img.size) || 0;
      rec.pinned = img.pinned || this.isPinnedName(img);
      rec.inUse = inUse.has(img.id) || img.repo_tags.some((t) => inUse.has(t)) || img.repo_digests.some((d) => inUse.has(d));
      if (rec.inUse) rec.lastUsed = now;
      this.records.set(img.id, rec);
    }
    for (const id of [...this.records.keys()]) if (!seen.has(id)) this.records.delete(id);
  }

  /**
   * One pass: frees images when usage is at or above the high threshold, and removes images unused for
   * longer than maxAge. Throws when it could not free the required amount (after removing what it could).
   */
  async garbageCollect(signal?: AbortSignal): Promise<ImageGCResult> {
    const now = this.o.clock.now();
    const result: ImageGCResult = { removed: [], freedBytes: 0 };
    if (this.policy.maxAgeMs > 0) {
      await this.detectImages(now, signal);
      for (const [id, rec] of this.records) {
        if (rec.inUse || rec.pinned || rec.lastUsed === 0 || now - rec.lastUsed <= this.policy.maxAgeMs) continue;
        if (await this.remove(id, signal)) {
          result.removed.push(id);
          result.freedBytes += rec.size;
        }
      }
    }
    const fs = await this.o.imageFsStats();
    const capacity = fs.capacityBytes;
    if (capacity <= 0) throw new Error(`invalid capacity ${capacity} on image filesystem`);
    const available = Math.min(fs.availableBytes, capacity);
    const usagePercent = 100 - Math.trunc((available * 100) / capacity);
    if (usagePercent < this.policy.highThresholdPercent) return result;
    const amountToFree = Math.trunc((capacity * (100 - this.policy.lowThresholdPercent)) / 100) - available;
    this.o.logger.info('image filesystem usage over the high threshold, freeing images', {
      usagePercent,
      highThresholdPercent: this.policy.highThresholdPercent,
      amountToFree,
    });
    const freed = await this.freeSpace(amountToFree, now, signal);
    result.removed.push(...freed.removed);
    result.freedBytes += freed.freedBytes;
    if (freed.freedBytes < amountToFree) {
      const message = `Failed to garbage collect required amount of images. Attempted to free ${amountToFree} bytes, but only found ${freed.freedBytes} bytes eligible to free.`;
      this.o.nodeEvent?.('Warning', 'FreeDiskSpaceFailed', message);
      throw new Error(message);
    }
    return result;
  }

  /** Removes every unused image old enough, whatever the usage (the eviction manager's disk reclaim). */
  async deleteUnusedImages(signal?: AbortSignal): Promise<ImageGCResult> {
    return this.freeSpace(Number.MAX_SAFE_INTEGER, this.o.clock.now(), signal);
  }

  /** Collects every `periodMs` until `signal` aborts. A high threshold of 100 disables image GC. */
  async run(signal: AbortSignal): Promise<void> {
    if (this.policy.highThresholdPercent >= 100) {
      this.o.logger.info('image GC high threshold is 100, image garbage collection disabled');
      return;
    }
    const period = this.o.periodMs ?? 5 * 60_000;
    let prevFailed = false;
    while (!signal.aborted) {
      try {
        const r = await this.garbageCollect(signal);
        if (r.removed.length > 0) this.o.logger.info('image GC', { ...r });
        prevFailed = false;
      } catch (err) {
        if (!signal.aborted) {
          this.o.logger.warn('image garbage collection failed', { err });
          // As upstream: one failure can be a transient; the event is for failures in a row.
          if (prevFailed) this.o.nodeEvent?.('Warning', 'ImageGCFailed', err instanceof Error ? err.message : String(err));
          prevFailed = true;
        }
      }
      await this.o.clock.sleep(period, signal).catch(() => undefined);
    }
  }

  /** Removes unused images, least recently used first (ties: first detected first), until `bytesToFree`. */
  private async freeSpace(bytesToFree: number, freeTime: number, signal?: AbortSignal): Promise<ImageGCResult> {
    await this.detectImages(freeTime, signal);
    const candidates = [...this.records.entries()]
      .filter(([, r]) => !r.inUse && !r.pinned)
      .sort(([, a], [, b]) => a.lastUsed - b.lastUsed || a.firstDetected - b.firstDetected);
    const result: ImageGCResult = { removed: [], freedBytes: 0 };
    const failures: string[] = [];
    for (const [id, rec] of candidates) {
      if (result.freedBytes >= bytesToFree) break;
      // A just-pulled image is probably about to be used: leave it alone for MinAge.
      if (freeTime - rec.firstDetected < this.policy.minAgeMs) continue;
      if (await this.remove(id, signal, failures)) {
        result.removed.push(id);
        result.freedBytes += rec.size;
      }
    }
    if (failures.length > 0) {
      throw new Error(
        `wanted to free ${bytesToFree} bytes, but freed ${result.freedBytes} bytes space with errors in image deletion: ${failures.join('; ')}`,
      );
    }
    return result;
  }

  private async remove(id: string, signal?: AbortSignal, failures?: string[]): Promise<boolean> {
    try {
      await this.o.cri.removeImage({ image: { image: id } }, { signal });
      this.records.delete(id);
      this.o.logger.info('removed image', { imageID: id });
      return true;
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      failures?.push(msg);
      this.o.logger.warn('failed to remove image', { imageID: id, err });
      return false;
    }
  }

  private isPinnedName(img: Image): boolean {
    if (this.pinnedNames.size === 0) return false;
    return this.pinnedNames.has(img.id) || img.repo_tags.some((t) => this.pinnedNames.has(normalizeOrKeep(t)));
  }
}

/** Image names compare in containerd's normal form; ids and unparsable strings compare as given. */
function normalizeOrKeep(name: string): string {
  if (name.startsWith('sha256:')) return name;
  try {
    return normalizeImageName(name);
  } catch {
    return name;
  }
}
