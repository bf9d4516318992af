/**
 * API errors: a {@link StatusError} carries the metav1.Status the API server sends back. Factories reproduce
 * upstream's reason, code, details and message text exactly (kubectl prints `Error from server (<reason>):
 * <message>`); predicates test the reason, so they work the same on errors made here and on errors a client
 * rebuilt from a response body.
 */
import { aggregateMessage, errorBody, type FieldError } from './field-errors.js';
import { goQuote } from './go-format.js';
import {
  groupKindString,
  groupResourceString,
  type GroupKind,
  type GroupResource,
  type Status,
  type StatusCause,
  type StatusDetails,
  type StatusReason,
} from './meta.js';

/** An error whose whole meaning is a metav1.Status. `message` is the Status message. */
export class StatusError extends Error {
  override readonly name = 'StatusError';
  constructor(
    readonly status: Status,
    options?: { cause?: unknown },
  ) {
    super(status.message ?? '', options);
  }

  /** The Status reason (`''` when unknown). */
  get reason(): StatusReason {
    return this.status.reason ?? '';
  }

  /** The HTTP code the Status is sent with. */
  get code(): number {
    return this.status.code ?? 0;
  }
}

function failure(
  code: number,
  reason: StatusReason,
  message: string,
  details?: StatusDetails,
  cause?: unknown,
): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason };
  if (details) status.details = details;
  status.code = code;
  return new StatusError(status, cause === undefined ? undefined : { cause });
}

// Go omits empty strings and zero numbers from StatusDetails (omitempty); so do we, in Go's field order.
function details(d: StatusDetails): StatusDetails {
  const out: StatusDetails = {};
  if (d.name) out.name = d.name;
  if (d.group) out.group = d.group;
  if (d.kind) out.kind = d.kind;
  if (d.uid) out.uid = d.uid;
  if (d.causes?.length) out.causes = d.causes;
  if (d.retryAfterSeconds) out.retryAfterSeconds = d.retryAfterSeconds;
  return out;
}

const grDetails = (gr: GroupResource, name: string, extra: StatusDetails = {}) =>
  details({ name, group: gr.group, kind: gr.resource, ...extra });

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** 404 NotFound: `deployments.apps "x" not found`. */
export function notFound(gr: GroupResource, name: string): StatusError {
  return failure(404, 'NotFound', `${groupResourceString(gr)} ${goQuote(name)} not found`, grDetails(gr, name));
}

/** 409 AlreadyExists: `pods "x" already exists`. */
export function alreadyExists(gr: GroupResource, name: string): StatusError {
  return failure(
    409,
    'AlreadyExists',
    `${groupResourceString(gr)} ${goQuote(name)} already exists`,
    grDetails(gr, name),
  );
}

/** 409 AlreadyExists when every generated name collided; the client should retry after a delay. */
export function generateNameConflict(gr: GroupResource, name: string, retryAfterSeconds: number): StatusError {
  return failure(
    409,
    'AlreadyExists',
    `${groupResourceString(gr)} ${goQuote(name)} already exists, the server was not able to generate a unique name for the object`,
    grDetails(gr, name, { retryAfterSeconds }),
  );
}

/** The text upstream passes as the inner error of an optimistic-concurrency conflict. */
export const OPTIMISTIC_LOCK_ERROR_MSG =
  'the object has been modified; please apply your changes to the latest version and try again';

/** 409 Conflict: `Operation cannot be fulfilled on deployments.apps "x": <err>`. */
export function conflict(gr: GroupResource, name: string, err: unknown = OPTIMISTIC_LOCK_ERROR_MSG): StatusError {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${groupResourceString(gr)} ${goQuote(name)}: ${messageOf(err)}`,
    grDetails(gr, name),
    err instanceof Error ? err : undefined,
  );
}

/** 409 Conflict from server-side apply, with one cause per conflicting field. */
export function applyConflict(causes: StatusCause[], message: string): StatusError {
  return failure(409, 'Conflict', message, details({ causes }));
}

/**
 * 422 Invalid: `Deployment.apps "x" is invalid: [spec.replicas: Invalid value: -1: ..., ...]`, with one cause
 * per field error (reason = error type, message = error body, field = path).
 */
export function invalid(gk: GroupKind, name: string, errs: readonly FieldError[]): StatusError {
  const causes: StatusCause[] = errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }));
  const agg = aggregateMessage(errs);
  const head = `${groupKindString(gk)} ${goQuote(name)} is invalid`;
  return failure(
    422,
    'Invalid',
    agg === undefined ? head : `${head}: ${agg}`,
    details({ name, group: gk.group, kind: gk.kind, causes }),
  );
}

/** 400 BadRequest with the given message. */
export function badRequest(message: string): StatusError {
  return failure(400, 'BadRequest', message);
}

/** 405 MethodNotAllowed: `<action> is not supported on resources of kind "pods"`. */
export function methodNotSupported(gr: GroupResource, action: string): StatusError {
  return failure(
    405,
    'MethodNotAllowed',
    `${action} is not supported on resources of kind ${goQuote(groupResourceString(gr))}`,
    details({ group: gr.group, kind: gr.resource }),
  );
}

/** 406 NotAcceptable from content negotiation on Accept. */
export function notAcceptable(accepted: readonly string[]): StatusError {
  return failure(406, 'NotAcceptable', `only the following media types are accepted: ${accepted.join(', ')}`);
}

/** 415 UnsupportedMediaType from content negotiation on Content-Type. */
export function unsupportedMediaType(accepted: readonly string[]): StatusError {
  return failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}

/** 413 RequestEntityTooLarge: `Request entity too large: <message>`. */
export function requestEntityTooLarge(message: string): StatusError {
  return failure(413, 'RequestEntityTooLarge', `Request entity too large: ${message}`);
}

/** 410 Gone (deprecated upstream in favour of {@link expired}, still sent by some paths). */
export function gone(message: string): StatusError {
  return failure(410, 'Gone', message);
}

/** 410 Expired: the requested resourceVersion or continue token is no longer available. */
export function expired(message: string): StatusError {
  return failure(410, 'Expired', message);
}

/** 410 Expired from the watch cache: `too old resource version: <requested> (<oldest available>)`. */
export function tooOldResourceVersion(requested: number | string, oldest: number | string): StatusError {
  return expired(`too old resource version: ${requested} (${oldest})`);
}

/** 429 TooManyRequests; `retryAfterSeconds` goes to details and tells the client when to come back. */
export function tooManyRequests(
  retryAfterSeconds: number,
  message = 'Too many requests, please try again later.',
): StatusError {
  return failure(429, 'TooManyRequests', message, details({ retryAfterSeconds }));
}

/** 500 InternalError: `Internal error occurred: <err>`, with the error text as the single cause. */
export function internal(err: unknown): StatusError {
  const msg = messageOf(err);
  return failure(500, 'InternalError', `Internal error occurred: ${msg}`, { causes: [{ message: msg }] }, err);
}

/** 503 ServiceUnavailable with the given message. */
export function serviceUnavailable(message: string): StatusError {
  return failure(503, 'ServiceUnavailable', message);
}

/**
 * 403 Forbidden. The message names what was refused: `forbidden: <err>` with no resource, `pods is forbidden:
 * <err>` with no name, `pods "x" is forbidden: <err>` otherwise.
 */
export function forbidden(gr: GroupResource | undefined, name: string, err: unknown): StatusError {
  const g = gr ?? { group: '', resource: '' };
  const what = groupResourceString(g);
  let message: string;
  if (!g.group && !g.resource) message = `forbidden: ${messageOf(err)}`;
  else if (!name) message = `${what} is forbidden: ${messageOf(err)}`;
  else message = `${what} ${goQuote(name)} is forbidden: ${messageOf(err)}`;
  return failure(403, 'Forbidden', message, grDetails(g, name));
}

/** 401 Unauthorized; the message defaults to `not authorized`. */
export function unauthorized(reason = ''): StatusError {
  return failure(401, 'Unauthorized', reason || 'not authorized');
}

/** 504 Timeout: `Timeout: <message>`; the operation may still complete. */
export function timeout(message: string, retryAfterSeconds = 0): StatusError {
  return failure(504, 'Timeout', `Timeout: ${message}`, details({ retryAfterSeconds }));
}

/** 500 ServerTimeout: a transient failure of `operation` on a resource; the client should retry. */
export function serverTimeout(gr: GroupResource, operation: string, retryAfterSeconds: number): StatusError {
  return failure(
    500,
    'ServerTimeout',
    `The ${operation} operation against ${groupResourceString(gr)} could not be completed at this time, please try again.`,
    grDetails(gr, operation, { retryAfterSeconds }),
  );
}

/** Rebuilds an error from a Status a server sent (client side). */
export function fromStatus(status: Status): StatusError {
  return new StatusError(status);
}

/** Finds the StatusError in `err` or its `cause` chain (upstream's errors.As), if any. */
export function asStatusError(err: unknown): StatusError | undefined {
  for (let e = err, depth = 0; e !== null && e !== undefined && depth < 16; depth++) {
    if (e instanceof StatusError) return e;
    e = e instanceof Error ? e.cause : undefined;
  }
  return undefined;
}

/** The Status to send for any thrown value: a StatusError's own, or 500 InternalError for anything else. */
export function toStatus(err: unknown): Status {
  return (asStatusError(err) ?? internal(err)).status;
}

/** The reason of a StatusError (`''` for anything else). */
export function reasonForError(err: unknown): StatusReason {
  return asStatusError(err)?.reason ?? '';
}

const KNOWN_REASONS: ReadonlySet<string> = new Set<StatusReason>([
  'Unauthorized',
  'Forbidden',
  'NotFound',
  'AlreadyExists',
  'Conflict',
  'Gone',
  'Invalid',
  'ServerTimeout',
  'StoreReadError',
  'Timeout',
  'TooManyRequests',
  'BadRequest',
  'MethodNotAllowed',
  'NotAcceptable',
  'RequestEntityTooLarge',
  'UnsupportedMediaType',
  'InternalError',
  'Expired',
  'ServiceUnavailable',
]);

// Upstream also accepts a bare HTTP code when the reason is one it does not know (old or foreign servers).
function hasReason(err: unknown, reason: StatusReason, code?: number): boolean {
  const se = asStatusError(err);
  if (!se) return false;
  if (se.reason === reason) return true;
  return code !== undefined && !KNOWN_REASONS.has(se.reason) && se.code === code;
}

/** NotFound (or an unknown reason with code 404). */
export const isNotFound = (err: unknown): boolean => hasReason(err, 'NotFound', 404);
/** AlreadyExists. */
export const isAlreadyExists = (err: unknown): boolean => hasReason(err, 'AlreadyExists');
/** Conflict (or an unknown reason with code 409). */
export const isConflict = (err: unknown): boolean => hasReason(err, 'Conflict', 409);
/** Invalid (or an unknown reason with code 422). */
export const isInvalid = (err: unknown): boolean => hasReason(err, 'Invalid', 422);
/** Gone (or an unknown reason with code 410). */
export const isGone = (err: unknown): boolean => hasReason(err, 'Gone', 410);
/** Expired: a resourceVersion or continue token too old to serve. */
export const isResourceExpired = (err: unknown): boolean => hasReason(err, 'Expired');
/** BadRequest (or an unknown reason with code 400). */
export const isBadRequest = (err: unknown): boolean => hasReason(err, 'BadRequest', 400);
/** Unauthorized (or an unknown reason with code 401). */
export const isUnauthorized = (err: unknown): boolean => hasReason(err, 'Unauthorized', 401);
/** Forbidden (or an unknown reason with code 403). */
export const isForbidden = (err: unknown): boolean => hasReason(err, 'Forbidden', 403);
/** MethodNotAllowed (or an unknown reason with code 405). */
export const isMethodNotSupported = (err: unknown): boolean => hasReason(err, 'MethodNotAllowed', 405);
/** NotAcceptable (or an unknown reason with code 406). */
export const isNotAcceptable = (err: unknown): boolean => hasReason(err, 'NotAcceptable', 406);
/** UnsupportedMediaType (or an unknown reason with code 415). */
export const isUnsupportedMediaType = (err: unknown): boolean => hasReason(err, 'UnsupportedMediaType', 415);
/** Timeout (or an unknown reason with code 504). */
export const isTimeout = (err: unknown): boolean => hasReason(err, 'Timeout', 504);
/** ServerTimeout (reason only: no HTTP code is specific to it). */
export const isServerTimeout = (err: unknown): boolean => hasReason(err, 'ServerTimeout');
/** InternalError (or an unknown reason with code 500). */
export const isInternalError = (err: unknown): boolean => hasReason(err, 'InternalError', 500);
/** ServiceUnavailable (or an unknown reason with code 503). */
export const isServiceUnavailable = (err: unknown): boolean => hasReason(err, 'ServiceUnavailable', 503);

/** TooManyRequests, or code 429 whatever the reason (upstream keeps this older, looser check). */
export function isTooManyRequests(err: unknown): boolean {
  const se = asStatusError(err);
  return !!se && (se.reason === 'TooManyRequests' || se.code === 429);
}

/** RequestEntityTooLarge, or code 413 whatever the reason. */
export function isRequestEntityTooLarge(err: unknown): boolean {
  const se = asStatusError(err);
  return !!se && (se.reason === 'RequestEntityTooLarge' || se.code === 413);
}

/** The delay the server asked for, if any (ServerTimeout always asks, possibly for 0 seconds). */
export function suggestsClientDelay(err: unknown): number | undefined {
  const d = asStatusError(err)?.status;
  if (!d?.details) return undefined;
  if (d.reason === 'ServerTimeout') return d.details.retryAfterSeconds ?? 0;
  const s = d.details.retryAfterSeconds ?? 0;
  return s > 0 ? s : undefined;
}
