/**
 * Typed storage errors. Every backend throws only these; the API server's registry translates them into
 * metav1.Status at its boundary (KeyNotFound → 404 NotFound, KeyExists → 409 AlreadyExists, Conflict → 409
 * Conflict, Expired → 410 Gone, InvalidKey → 400, Unavailable → 503, Corrupt/Internal → 500).
 */
export type StorageErrorCode =
  | 'KeyNotFound'
  | 'KeyExists'
  | 'Conflict'
  | 'Expired'
  | 'FutureRevision'
  | 'InvalidKey'
  | 'InvalidContinue'
  | 'Unavailable'
  | 'Corrupt'
  | 'Internal';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    /** The key the failed operation was about, when there is one. */
    readonly key?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isStorageError = (e: unknown, code?: StorageErrorCode): e is StorageError =>
  e instanceof StorageError && (code === undefined || e.code === code);

export const keyNotFound = (key: string) => new StorageError('KeyNotFound', `key not found: ${key}`, key);
export const keyExists = (key: string) => new StorageError('KeyExists', `key already exists: ${key}`, key);
export const conflict = (key: string, expected: number, actual: number) =>
  new StorageError(
    'Conflict',
    `the object has been modified: ${key} is at revision ${actual}, not the expected ${expected}`,
    key,
  );
export const expired = (revision: number, compacted: number) =>
  new StorageError(
    'Expired',
    `the requested revision ${revision} has been compacted (oldest available is ${compacted})`,
  );
export const futureRevision = (revision: number, current: number) =>
  new StorageError('FutureRevision', `the requested revision ${revision} is newer than the current ${current}`);
