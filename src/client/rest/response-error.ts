/**
 * Turns a failed HTTP response into a {@link StatusError}: the server's own Status when the body is one,
 * otherwise a Status built from the code the way client-go's NewGenericServerResponse does, so `isNotFound`
 * and friends work on both.
 */
import { fromStatus, type StatusError } from '../../apimachinery/errors.js';
import type { Status, StatusReason } from '../../apimachinery/meta.js';

const GENERIC: Readonly<Record<number, [StatusReason, string]>> = {
  400: ['BadRequest', 'the server rejected our request for an unknown reason'],
  401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
  403: ['Forbidden', 'the server does not allow access to the requested resource'],
  404: ['NotFound', 'the server could not find the requested resource'],
  405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
  406: ['NotAcceptable', 'the server was unable to respond with a content type that the client supports'],
  409: ['Conflict', 'the server reported a conflict'],
  410: ['Gone', 'the server reported that the resource is gone'],
  415: ['UnsupportedMediaType', 'the server was unable to accept the content type the client sent'],
  422: ['Invalid', 'the server rejected our request due to an error in our request'],
  429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
  500: ['InternalError', 'an error on the server has prevented the request from succeeding'],
  503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
  504: [
    'Timeout',
    'the server was unable to return a response in the time allotted, but may still be processing the request',
  ],
};

/** Whether a parsed JSON body is a metav1.Status. */
export function isStatus(body: unknown): body is Status {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'Status';
}

/**
 * The error for a response with HTTP `code` and raw `body`. `retryAfterSeconds` (from the Retry-After header)
 * is recorded in details when the Status lacks it.
 */
export function responseError(code: number, body: Buffer, retryAfterSeconds?: number): StatusError {
  let parsed: unknown;
  try {
    parsed = body.length ? JSON.parse(body.toString('utf8')) : undefined;
  } catch {
    parsed = undefined;
  }
  if (isStatus(parsed)) {
    const status: Status = { ...parsed };
    if (!status.code) status.code = code;
    if (status.status === undefined) status.status = 'Failure';
    return fromStatus(status);
  }
  const [reason, text] = GENERIC[code] ?? [
    code >= 500 ? 'InternalError' : '',
    `the server responded with the status code ${code} but did not return more information`,
  ];
  const raw = body.toString('utf8').trim();
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    // client-go appends the body text when it is short and printable; it is often the only clue.
    message: raw && raw.length <= 512 ? `${text} (${raw})` : text,
    reason,
    code,
  };
  if (retryAfterSeconds) status.details = { retryAfterSeconds };
  return fromStatus(status);
}
