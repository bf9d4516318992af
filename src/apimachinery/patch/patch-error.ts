/**
 * The one error type every patch format throws. It carries both the detailed reason (`message`, the text
 * upstream's libraries produce) and what upstream's apiserver puts on the wire for it (`status`, `reason`,
 * `statusMessage`, `causes`), so the PATCH handler can render a metav1.Status without knowing which library
 * failed. The mapping follows apiserver's `endpoints/handlers/patch.go`:
 * - malformed patch bodies and SMP format errors → 400 BadRequest with the detail as message;
 * - JSON patch operations that do not apply (including a failed `test`) → 422 Invalid with the generic
 *   "the server rejected our request due to an error in our request" (upstream drops the detail);
 * - a patched object that cannot be decoded back (wrong JSON type for a field, unknown `$` directive keys) →
 *   422 Invalid shaped like `errors.NewInvalid` with one cause on field `patch`;
 * - other strategic-merge failures → 500 with reason "" (StatusReasonUnknown) and the detail as message.
 */
import { goFormat } from './go-format.js';
import type { JsonValue } from './json.js';

export type PatchErrorCode = 'BadRequest' | 'Invalid' | 'RequestEntityTooLarge' | 'Internal';
/** metav1.StatusReason values a patch failure maps to; '' is StatusReasonUnknown. */
export type PatchStatusReason = 'BadRequest' | 'Invalid' | 'RequestEntityTooLarge' | '';

/** metav1.StatusCause. */
export interface PatchStatusCause {
  readonly type: string;
  readonly message: string;
  readonly field: string;
}

/** What upstream's `NewGenericServerResponse(422, …)` reports: the detail never reaches the client. */
export const GENERIC_INVALID_MESSAGE = 'the server rejected our request due to an error in our request';

const STATUS: Record<PatchErrorCode, { status: 400 | 413 | 422 | 500; reason: PatchStatusReason }> = {
  BadRequest: { status: 400, reason: 'BadRequest' },
  Invalid: { status: 422, reason: 'Invalid' },
  RequestEntityTooLarge: { status: 413, reason: 'RequestEntityTooLarge' },
  Internal: { status: 500, reason: '' },
};

/** A patch could not be applied. Never thrown for programming errors (those are TypeErrors). */
export class PatchError extends Error {
  override readonly name = 'PatchError';
  /** HTTP status upstream's apiserver answers with. */
  readonly status: 400 | 413 | 422 | 500;
  /** metav1.Status.reason. */
  readonly reason: PatchStatusReason;
  /** metav1.Status.message as upstream sends it (may be less detailed than `message`). */
  readonly statusMessage: string;
  /** metav1.Status.details.causes (only for decode-style Invalid errors). */
  readonly causes: readonly PatchStatusCause[];

  constructor(
    readonly code: PatchErrorCode,
    message: string,
    options: { statusMessage?: string; causes?: readonly PatchStatusCause[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    ({ status: this.status, reason: this.reason } = STATUS[code]);
    this.statusMessage = options.statusMessage ?? message;
    this.causes = options.causes ?? [];
  }
}

export const isPatchError = (e: unknown, code?: PatchErrorCode): e is PatchError =>
  e instanceof PatchError && (code === undefined || e.code === code);

/** 400: the patch body itself is malformed. */
export const badRequest = (message: string, cause?: unknown) => new PatchError('BadRequest', message, { cause });

/** 422 with upstream's generic message: the patch is well-formed but does not apply to this object. */
export const notApplicable = (message: string, cause?: unknown) =>
  new PatchError('Invalid', message, { statusMessage: GENERIC_INVALID_MESSAGE, cause });

/** 500 with the detail as message: what upstream does with strategic-merge errors it does not classify. */
export const internal = (message: string) => new PatchError('Internal', message);

/**
 * 422 shaped like `errors.NewInvalid(schema.GroupKind{}, "", field.Invalid(field.NewPath("patch"), …))`, which
 * upstream returns when the patched map cannot be decoded into the typed object.
 */
export function invalidPatchedObject(patch: JsonValue, detail: string): PatchError {
  const body = `Invalid value: ${JSON.stringify(goFormat(patch))}: ${detail}`;
  return new PatchError('Invalid', detail, {
    // GroupKind{}.String() is empty, hence the leading space upstream also has.
    statusMessage: ` "" is invalid: patch: ${body}`,
    causes: [{ type: 'FieldValueInvalid', message: body, field: 'patch' }],
  });
}
