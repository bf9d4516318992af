/**
 * The image store behind {@link FakeCriClient}: images present in the runtime, plus images a pull can
 * fetch (the "registry"). Names are normalized the way containerd does (`busybox` is
 * `docker.io/library/busybox:latest`), and an image can also be found by its id.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../util/clock.js';
import { normalizeImageName, imageRepository } from '../images/reference.js';
import type { Image } from './types-image.js';

/** See the module comment. */
export class FakeImageStore {
  private readonly present = new Map<string, Image>();
  private readonly pullable = new Map<string, { size: number }>();

  /** `pullAny`: every well-formed name can be pulled (a registry that has everything). */
  constructor(
    private readonly clock: Clock,
    private readonly options: { pullAny?: boolean } = {},
  ) {}

  /** Puts an image into the runtime (as `ctr images import` would); returns it. Re-adding a name retags. */
  add(name: string, options: { size?: number } = {}): Image {
    const full = normalizeImageName(name);
    this.untag(full);
    const id = `sha256:${createHash('sha256').update(`image:${full}:${this.clock.now()}`).digest('hex')}`;
    const image: Image = {
      id,
      repo_tags: [full],
      repo_digests: [`${imageRepository(full)}@${id}`],
      size: String(options.size ?? 1_000_000),
      uid: null,
      username: '',
      spec: { image: id, annotations: {}, user_specified_image: '', runtime_handler: '' },
      pinned: false,
    };
    this.present.set(id, image);
    return image;
  }

  /** Makes `name` available to PullImage without being present yet. */
  addPullable(name: string, options: { size?: number } = {}): void {
    this.pullable.set(normalizeImageName(name), { size: options.size ?? 1_000_000 });
  }

  /** Finds an image by name (normalized), by id, or by repo digest; undefined when absent. */
  find(ref: string): Image | undefined {
    if (!ref) return undefined;
    const byId = this.present.get(ref) ?? this.present.get(`sha256:${ref}`);
    if (byId) return byId;
    let full: string;
    try {
      full = normalizeImageName(ref);
    } catch {
      return undefined;
    }
    for (const img of this.present.values()) {
      if (img.repo_tags.includes(full) || img.repo_digests.includes(full)) return img;
    }
    return undefined;
  }

  /** Pulls: already present → that image; pullable → added; otherwise undefined (the caller's NOT_FOUND). */
  pull(ref: string): Image | undefined {
    const existing = this.find(ref);
    if (existing) return existing;
    let full: string;
    try {
      full = normalizeImageName(ref);
    } catch {
      return undefined;
    }
    const source = this.pullable.get(full) ?? (this.options.pullAny ? { size: 1_000_000 } : undefined);
    return source ? this.add(full, source) : undefined;
  }

  /** Removes the image a reference resolves to; absent images are not an error (as in CRI). */
  remove(ref: string): void {
    const img = this.find(ref);
    if (img) this.present.delete(img.id);
  }

  /** Images whose tags include `ref` (normalized), or every image when `ref` is empty. */
  list(ref: string): Image[] {
    const all = [...this.present.values()];
    if (!ref) return all.map((i) => structuredClone(i));
    const img = this.find(ref);
    return img ? [structuredClone(img)] : [];
  }

  totalSize(): number {
    let sum = 0;
    for (const img of this.present.values()) sum += Number(img.size);
    return sum;
  }

  private untag(full: string): void {
    for (const [id, img] of this.present) {
      img.repo_tags = img.repo_tags.filter((t) => t !== full);
      if (img.repo_tags.length === 0) this.present.delete(id);
    }
  }
}
