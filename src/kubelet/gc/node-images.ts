/**
 * Node.status.images (pkg/kubelet/nodestatus Images setter): the images on the node, largest first, at most
 * `maxImages` of them (`--node-status-max-images`, default 50), each with at most 5 names (digests first,
 * then tags), as upstream reports them.
 */
import type { ImageService } from '../cri/service.js';
import type { Image } from '../cri/types-image.js';

/** core/v1 ContainerImage. */
export interface ContainerImage {
  names: string[];
  sizeBytes: number;
}

/** Upstream MaxNamesPerImageInNodeStatus. */
export const MAX_NAMES_PER_IMAGE_IN_NODE_STATUS = 5;
export const DEFAULT_NODE_STATUS_MAX_IMAGES = 50;

/** Pure: the status list for `images` (any order). A negative `maxImages` means no limit. */
export function nodeStatusImages(images: readonly Image[], maxImages = DEFAULT_NODE_STATUS_MAX_IMAGES): ContainerImage[] {
  const sorted = [...images].sort((a, b) => {
    const d = Number(b.size) - Number(a.size);
    // Equal sizes: a stable order so the status does not flap between reports.
    return d !== 0 ? d : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  });
  const kept = maxImages >= 0 ? sorted.slice(0, maxImages) : sorted;
  return kept.map((img) => ({
    names: [...img.repo_digests, ...img.repo_tags].slice(0, MAX_NAMES_PER_IMAGE_IN_NODE_STATUS),
    sizeBytes: Number(img.size) || 0,
  }));
}

/** Lists the runtime's images and builds {@link nodeStatusImages} from them. */
export async function listNodeStatusImages(
  cri: Pick<ImageService, 'listImages'>,
  maxImages = DEFAULT_NODE_STATUS_MAX_IMAGES,
  signal?: AbortSignal,
): Promise<ContainerImage[]> {
  const { images } = await cri.listImages({}, { signal });
  return nodeStatusImages(images, maxImages);
}
