/**
 * Image pulls per imagePullPolicy (kuberuntime image manager): Never uses only what is present,
 * IfNotPresent pulls when absent, Always pulls every time. Failures become the waiting reasons upstream
 * shows (ErrImageNeverPull, ErrImagePull), and {@link ImageManager} adds upstream's per-(pod, image)
 * pull back-off (ImagePullBackOff) and the Pulling/Pulled/Failed/BackOff events.
 */
import { CriError } from '../cri/errors.js';
import type { CriClient } from '../cri/service.js';
import type { BackOff } from '../lifecycle/backoff.js';
import { containerRef, type EventRecorder } from '../prober/events.js';
import { goDuration } from '../prober/probe-result.js';
import type { ApiContainer, ApiPod } from './pod-types.js';
import { credentialsFor } from './pull-secrets.js';
import type { AuthConfig } from '../cri/types-image.js';

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
  onPullError?: (err: unknown) => void,
  /** Credentials from the pod's imagePullSecrets for this image, tried in order (none: an anonymous pull). */
  auths: readonly AuthConfig[] = [],
): Promise<{ imageRef: string; fallback?: boolean } | { reason: string; message: string }> {
  const image = container.image ?? '';
  if (!image) return { reason: 'InvalidImageName', message: 'container has no image' };
  const policy = imagePullPolicy(container);
  const present = (await cri.imageStatus({ image: { image } }, { signal })).image;
  if (present && policy !== 'Always') return { imageRef: present.id };
  if (!present && policy === 'Never') {
    return { reason: 'ErrImageNeverPull', message: `Container image "${image}" is not present with pull policy of Never` };
  }
  // As upstream: with matching credentials each is tried in turn (no anonymous attempt); the errors add up.
  const errors: unknown[] = [];
  for (const auth of auths.length ? auths : [null]) {
    try {
      return { imageRef: (await cri.pullImage({ image: { image }, auth }, { signal })).image_ref };
    } catch (err) {
      errors.push(err);
    }
  }
  // Offline nodes (this project's machines) keep working with images imported locally: a failed Always
  // pull of an image that is present falls back to it instead of failing the pod.
  if (present) return { imageRef: present.id, fallback: true };
  onPullError?.(errors[0]);
  const messages = errors.map(grpcErrorString);
  return { reason: 'ErrImagePull', message: messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]` };
}

/** Go's names of gRPC codes (`codes.Code.String()`), by number. */
const GO_CODE_NAMES = [
  'OK', 'Canceled', 'Unknown', 'InvalidArgument', 'DeadlineExceeded', 'NotFound', 'AlreadyExists', 'PermissionDenied',
  'ResourceExhausted', 'FailedPrecondition', 'Aborted', 'OutOfRange', 'Unimplemented', 'Internal', 'Unavailable',
  'DataLoss', 'Unauthenticated',
];

/** A failed CRI call as grpc-go prints it (`rpc error: code = Unknown desc = …`), the text upstream shows. */
export function grpcErrorString(err: unknown): string {
  if (err instanceof CriError) return `rpc error: code = ${GO_CODE_NAMES[err.code] ?? `Code(${err.code})`} desc = ${err.details}`;
  return err instanceof Error ? err.message : String(err);
}

/** The runtime's own message of a failed CRI call (grpc status.Message()), without our method prefix. */
export function grpcMessage(err: unknown): string {
  if (err instanceof CriError) return err.details;
  return err instanceof Error ? err.message : String(err);
}

export interface ImageManagerOptions {
  cri: Pick<CriClient, 'imageStatus' | 'pullImage'>;
  /** Pull back-off per `<pod uid>_<image>` (upstream: 10 s doubling to 5 min). */
  backOff: BackOff;
  recorder?: EventRecorder;
  /** The pod's imagePullSecrets as Secret objects (missing ones left out); default none. */
  pullSecrets?: (pod: ApiPod, signal?: AbortSignal) => Promise<{ type?: string; data?: Record<string, string> }[]>;
}

/**
 * EnsureImageExists with upstream's back-off and events: a failed pull records `Warning Failed "Failed to pull
 * image …"` and starts a back-off; while it lasts the container waits in ImagePullBackOff with the previous
 * error in its message (`Back-off pulling image "x": ErrImagePull: …`) and `Normal BackOff` is recorded.
 *
 * Contract: calls for one pod must not overlap (the pod worker serializes them); pods are independent.
 */
export class ImageManager {
  /** The last pull error per back-off key, shown while the back-off lasts. */
  private readonly prevPullError = new Map<string, string>();

  constructor(private readonly o: ImageManagerOptions) {}

  async ensureImageExists(pod: ApiPod, container: ApiContainer, signal?: AbortSignal): Promise<{ imageRef: string } | { reason: string; message: string }> {
    const ref = containerRef(pod as never, container);
    const image = container.image ?? '';
    const event = (type: 'Normal' | 'Warning', reason: string, message: string) => this.o.recorder?.event(ref, type, reason, message);
    const policy = imagePullPolicy(container);
    if (image) {
      const present = (await this.o.cri.imageStatus({ image: { image } }, { signal })).image;
      if (present && policy !== 'Always') {
        event('Normal', 'Pulled', `Container image ${JSON.stringify(image)} already present on machine`);
        return { imageRef: present.id };
      }
      if (!present && policy === 'Never') {
        const message = `Container image ${JSON.stringify(image)} is not present with pull policy of Never`;
        event('Warning', 'ErrImageNeverPull', message);
        return { reason: 'ErrImageNeverPull', message };
      }
    }
    const { backOff } = this.o;
    const key = `${pod.metadata.uid}_${image}`;
    const now = backOff.clock.now();
    if (backOff.isInBackOffSinceUpdate(key, now)) {
      const msg = `Back-off pulling image ${JSON.stringify(image)}`;
      event('Normal', 'BackOff', msg);
      const prev = this.prevPullError.get(key);
      return { reason: 'ImagePullBackOff', message: prev ? `${msg}: ${prev}` : msg };
    }
    this.prevPullError.delete(key);
    if (image) event('Normal', 'Pulling', `Pulling image ${JSON.stringify(image)}`);
    const started = backOff.clock.now();
    const secrets = (await this.o.pullSecrets?.(pod, signal)) ?? [];
    const pulled = await pullImage(
      this.o.cri,
      container,
      signal,
      (err) => event('Warning', 'Failed', `Failed to pull image ${JSON.stringify(image)}: ${grpcErrorString(err)}`),
      credentialsFor(image, secrets),
    );
    if ('reason' in pulled) {
      backOff.next(key, backOff.clock.now());
      this.prevPullError.set(key, `${pulled.reason}: ${pulled.message}`);
      return pulled;
    }
    if (!pulled.fallback) {
      const took = goDuration(backOff.clock.now() - started);
      const size = (await this.o.cri.imageStatus({ image: { image } }, { signal }).catch(() => undefined))?.image?.size;
      event('Normal', 'Pulled', `Successfully pulled image ${JSON.stringify(image)} in ${took} (${took} including waiting). Image size: ${size ?? 0} bytes.`);
    } else {
      event('Normal', 'Pulled', `Container image ${JSON.stringify(image)} already present on machine`);
    }
    backOff.gc();
    return { imageRef: pulled.imageRef };
  }
}
