/**
 * Volume errors with a stable `name` and `code`, and the event reason and message the kubelet records for them.
 * Plugins throw a `VolumeError` carrying only the cause ("configmap \"x\" not found"); the manager stamps the
 * operation and the volume's spec name on it, so `eventMessage()` reads exactly as upstream's events:
 * `MountVolume.SetUp failed for volume "cfg" : configmap "x" not found`.
 */

import { goQuote } from '../../apimachinery/go-format.js';

/** Event reasons as upstream's kubelet emits them (pkg/kubelet/events). */
export type VolumeEventReason = 'FailedMount' | 'FailedAttachVolume' | 'FailedUnMount' | 'FailedMapVolume';

export type VolumeErrorCode =
  /** A referenced configMap/secret does not exist and the reference is not optional. */
  | 'ObjectNotFound'
  /** Reading a configMap/secret/token failed for another reason. */
  | 'ObjectLookup'
  /** An item references a key the object does not have. */
  | 'KeyNotFound'
  /** A hostPath exists with the wrong type, or is missing for a non-creating type. */
  | 'HostPathType'
  /** A path is not acceptable (backsteps, absolute, escaping the volume). */
  | 'InvalidPath'
  /** A downward API field or resource could not be resolved. */
  | 'DownwardAPI'
  /** The claim or its volume is missing, unbound, being deleted or bound elsewhere. */
  | 'ClaimNotReady'
  /** No plugin, or more than one, supports the volume. */
  | 'NoPlugin'
  /** A subPath could not be created or prepared. */
  | 'SubPath'
  /** A volumeMount names a volume that is not set up. */
  | 'NotMounted'
  /** The volume source is recognised but a feature of it is not supported here. */
  | 'Unsupported'
  /** mount(8)/umount(8) failed. */
  | 'Mount'
  /** Anything else (filesystem errors and the like). */
  | 'Internal';

/** Which step failed; it picks the event's wording. */
export type VolumeOperation = 'process' | 'setUp' | 'tearDown' | 'containerMounts';

export interface VolumeErrorOptions {
  reason?: VolumeEventReason;
  cause?: unknown;
  /** The volume's spec name (the PV name for claims), as events name it. */
  volumeName?: string;
  operation?: VolumeOperation;
}

/** One failure of one volume. `message` is the bare cause, as upstream's plugin error text. */
export class VolumeError extends Error {
  override readonly name = 'VolumeError';
  readonly code: VolumeErrorCode;
  /** Stamped by the manager when the plugin did not know it. */
  volumeName: string | undefined;
  /** Stamped by the manager when the plugin did not know it. */
  operation: VolumeOperation | undefined;
  private readonly explicitReason: VolumeEventReason | undefined;

  constructor(code: VolumeErrorCode, message: string, options: VolumeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.explicitReason = options.reason;
    this.volumeName = options.volumeName;
    this.operation = options.operation;
  }

  /** The event reason: as given, else FailedUnMount for teardown and FailedMount for everything else. */
  get reason(): VolumeEventReason {
    return this.explicitReason ?? (this.operation === 'tearDown' ? 'FailedUnMount' : 'FailedMount');
  }

  /**
   * The text of the Warning event upstream records for this error: for SetUp failures
   * `MountVolume.SetUp failed for volume "<spec name>" : <message>` (operation_generator's GenerateError),
   * for teardown `UnmountVolume.TearDown failed for volume "<spec name>" : <message>`; anything else is the
   * bare message (the kubelet wraps those into its "Unable to attach or mount volumes" event).
   */
  eventMessage(): string {
    const volume = goQuote(this.volumeName ?? 'nil');
    if (this.operation === 'setUp') return `MountVolume.SetUp failed for volume ${volume} : ${this.message}`;
    if (this.operation === 'tearDown') return `UnmountVolume.TearDown failed for volume ${volume} : ${this.message}`;
    return this.message;
  }
}

/** Every volume of a pod that failed in one pass; the others were set up (or torn down) regardless. */
export class PodVolumesError extends Error {
  override readonly name = 'PodVolumesError';
  readonly code = 'PodVolumes';
  readonly errors: readonly VolumeError[];

  constructor(podDescription: string, errors: readonly VolumeError[]) {
    // Go's %v of a []string: "[a b]".
    const names = `[${errors.map((e) => e.volumeName ?? '').join(' ')}]`;
    super(`pod ${podDescription}: volumes=${names}: ${aggregateMessage(errors.map((e) => e.message))}`, {
      cause: errors[0],
    });
    this.errors = errors;
  }
}

/** utilerrors.NewAggregate's message: the single message, or `[a, b]` for several. */
export function aggregateMessage(messages: readonly string[]): string {
  if (messages.length === 1) return messages[0]!;
  return `[${messages.join(', ')}]`;
}

/** Fills in the volume name and operation of an error unless it already carries them. */
export function stampVolumeError(err: unknown, volumeName: string, operation: VolumeOperation): VolumeError {
  const e = asVolumeError(err);
  e.volumeName ??= volumeName;
  e.operation ??= operation;
  return e;
}

/** Wraps anything thrown into a VolumeError (keeping VolumeErrors as they are). */
export function asVolumeError(err: unknown, code: VolumeErrorCode = 'Internal'): VolumeError {
  if (err instanceof VolumeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new VolumeError(code, message, { cause: err });
}
