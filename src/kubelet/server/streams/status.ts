/**
 * The metav1.Status values an exec/attach session ends with, and how each protocol version carries them on
 * the error stream (channel 3 over WebSocket).
 */
import { asStatusError, internal } from '../../../apimachinery/errors.js';
import type { StatusDetails } from '../../../apimachinery/meta.js';
import { RemoteCommandProtocol } from './protocols.js';

/**
 * metav1.Status as the kubelet marshals it for a finished command: no kind/apiVersion, `metadata: {}`, and
 * the reason `NonZeroExitCode` (which the API's StatusReason list does not include) for a failed command.
 */
export interface StreamStatus {
  kind?: 'Status';
  apiVersion?: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code?: number;
}

/** Reason and cause type kubectl looks for to turn a Status into an exit code. */
export const NON_ZERO_EXIT_CODE_REASON = 'NonZeroExitCode';
export const EXIT_CODE_CAUSE_TYPE = 'ExitCode';

/** `{"metadata":{},"status":"Success"}`: the command exited 0. */
export function successStatus(): StreamStatus {
  return { metadata: {}, status: 'Success' };
}

/**
 * The status of a command that exited with `exitCode`: Success for 0, otherwise NonZeroExitCode with the code
 * as the single ExitCode cause, which kubectl prints as `command terminated with exit code N` and exits with.
 */
export function exitStatus(exitCode: number, command: readonly string[] = []): StreamStatus {
  if (exitCode === 0) return successStatus();
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${exitCode}`,
    reason: NON_ZERO_EXIT_CODE_REASON,
    details: { causes: [{ reason: EXIT_CODE_CAUSE_TYPE, message: String(exitCode) }] },
  };
}

/**
 * The status for a runner that failed without an exit code: a StatusError keeps its own Status, anything else
 * becomes InternalError `error executing command in container: <err>` (the kubelet's wording).
 */
export function errorStatus(err: unknown): StreamStatus {
  const se = asStatusError(err);
  const status =
    se?.status ??
    internal(new Error(`error executing command in container: ${err instanceof Error ? err.message : String(err)}`))
      .status;
  const { kind: _kind, apiVersion: _apiVersion, metadata: _metadata, ...rest } = status;
  return { metadata: {}, ...rest, status: 'Failure' };
}

/**
 * The bytes to write on the error stream for `status` under `protocol`, or `undefined` for nothing. v4 and v5
 * send the Status as JSON (even on success); v1–v3 send only the message text, and only on failure.
 */
export function encodeStatusForProtocol(protocol: string, status: StreamStatus): Buffer | undefined {
  if (
    protocol === RemoteCommandProtocol.V4 ||
    protocol === RemoteCommandProtocol.V5 ||
    protocol === RemoteCommandProtocol.V4_BASE64
  ) {
    return Buffer.from(JSON.stringify(status));
  }
  if (status.status === 'Success') return undefined;
  return Buffer.from(status.message ?? 'error');
}
