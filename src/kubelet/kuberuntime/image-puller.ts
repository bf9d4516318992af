/**
 * Image pulls per imagePullPolicy (kuberuntime image manager): Never uses only what is present,
 * IfNotPresent pulls when absent, Always pulls every time. Failures become the waiting reasons upstream
 * shows (ErrImageNeverPull, ErrImagePull).
 */
import type { CriClient } from '../cri/service.js';
import type { ApiContainer } from './pod-types.js';

/** The default policy: Always for `:latest` or untagged images, IfNotPresent otherwise (API defaulting). */
export function imagePullPolicy(container: Pick<ApiContainer, 'image' | 'imagePullPolicy'>): string {
  if (container.imagePullPolicy) return container.imagePullPolicy;
  const image = container.image ?? '';
  if (image.includes('@')) return 'IfNotPresent';
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastPart.includes(':') ? lastPart.slice(lastPart.indexOf(':') + 1) : 'latest';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** Resolves the image ref to create the container with, or the waiting reason. */
export async function pullImage(
  cri: Pick<CriClient, 'imageStatus' | 'pullImage'>,
  container: Pick<ApiContainer, 'image' | 'imagePullPolicy'>,
  signal?: AbortSignal,
): Promise<{ imageRef: string } | { reason: string; message: string }> {
  const image = container.image ?? '';
  if (!image) return { reason: 'InvalidImageName', message: 'container has no image' };
  const policy = imagePullPolicy(container);
  const present = (await cri.imageStatus({ image: { image } }, { signal })).image;
  if (present && policy !== 'Always') return { imageRef: present.id };
  if (!present && policy === 'Never') {
    return { reason: 'ErrImageNeverPull', message: `Container image "${image}" is not present with pull policy of Never` };
  }
  try {
    return { imageRef: (await cri.pullImage({ image: { image } }, { signal })).image_ref };
  } catch (err) {
    // Offline nodes (this project's machines) keep working with images imported locally: a failed Always
    // pull of an image that is present falls back to it instead of failing the pod.
    if (present) return { imageRef: present.id };
    return { reason: 'ErrImagePull', message: err instanceof Error ? err.message : String(err) };
  }
}
