/**
 * Errors of CRI calls. Every failed call — a status from the runtime, a missed deadline, an unreachable
 * socket — surfaces as one {@link CriError} carrying the gRPC status code, so callers branch on the code
 * (`isNotFound`) instead of parsing runtime-specific messages.
 */

/** gRPC status codes (they are part of the gRPC protocol, identical in every implementation). */
export const GrpcCode = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;

export type GrpcCodeName = keyof typeof GrpcCode;
export type GrpcCodeValue = (typeof GrpcCode)[GrpcCodeName];

const codeNames = new Map<number, GrpcCodeName>(
  Object.entries(GrpcCode).map(([name, code]) => [code, name as GrpcCodeName]),
);

/**
 * A failed CRI call. `code` is the gRPC status; `details` is the runtime's own message (for runtime failures,
 * containerd sends code UNKNOWN with runc's error chain there). The message names the method so logs read
 * `CRI RunPodSandbox: UNKNOWN: …`.
 */
export class CriError extends Error {
  override readonly name = 'CriError';
  /** The gRPC status code name, e.g. `NOT_FOUND`. */
  readonly codeName: GrpcCodeName;

  constructor(
    /** The CRI method that failed, e.g. `RunPodSandbox`. */
    readonly method: string,
    /** The gRPC status code. */
    readonly code: number,
    /** The status message from the runtime (or the transport). */
    readonly details: string,
    options?: { cause?: unknown },
  ) {
    const codeName = codeNames.get(code) ?? 'UNKNOWN';
    super(`CRI ${method}: ${codeName}: ${details}`, options);
    this.codeName = codeName;
  }
}

/** Builds a CriError with the given status (fakes and tests use this to answer like a runtime would). */
export function criError(method: string, code: GrpcCodeValue, details: string): CriError {
  return new CriError(method, code, details);
}

/** Wraps whatever a gRPC call failed with; a non-gRPC error becomes code UNKNOWN with the error as cause. */
export function toCriError(method: string, err: unknown): CriError {
  if (err instanceof CriError) return err;
  const e = err as { code?: unknown; details?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'number' ? e.code : GrpcCode.UNKNOWN;
  const details =
    typeof e?.details === 'string' && e.details !== ''
      ? e.details
      : typeof e?.message === 'string'
        ? e.message
        : String(err);
  return new CriError(method, code, details, { cause: err });
}

/** True for a CriError with the given code. */
export function hasCriCode(err: unknown, code: GrpcCodeValue): err is CriError {
  return err instanceof CriError && err.code === code;
}

/** The runtime has no such sandbox, container or image (e.g. StopPodSandbox after RemovePodSandbox: done). */
export function isNotFound(err: unknown): err is CriError {
  return hasCriCode(err, GrpcCode.NOT_FOUND);
}

/** The call's deadline passed before the runtime answered; the operation may still complete. */
export function isDeadlineExceeded(err: unknown): err is CriError {
  return hasCriCode(err, GrpcCode.DEADLINE_EXCEEDED);
}

/** The runtime's socket could not be reached (not started yet, restarting, or gone). */
export function isUnavailable(err: unknown): err is CriError {
  return hasCriCode(err, GrpcCode.UNAVAILABLE);
}
