import { REGISTRY_PREFIX } from './interface.js';
import { StorageError } from './errors.js';

/** Rejects keys outside /registry/ and keys no backend can hold (empty segments are allowed: `/registry/x/`). */
export function validateKey(key: string): void {
  if (typeof key !== 'string' || !key.startsWith(REGISTRY_PREFIX)) {
    throw new StorageError('InvalidKey', `invalid key ${JSON.stringify(key)}: keys must start with ${REGISTRY_PREFIX}`, key);
  }
  if (key.includes('\0')) {
    throw new StorageError('InvalidKey', `invalid key ${JSON.stringify(key)}: keys must not contain NUL`, key);
  }
}

/** Prefix for a list or watch: like a key, but must end with '/' so `/registry/pods` never matches `/registry/podsx`. */
export function validatePrefix(prefix: string): void {
  validateKey(prefix);
  if (!prefix.endsWith('/')) {
    throw new StorageError('InvalidKey', `invalid prefix ${JSON.stringify(prefix)}: a prefix must end with '/'`, prefix);
  }
}

/** The smallest key greater than every key starting with `prefix` (etcd's range_end for a prefix). */
export function prefixEnd(prefix: string): string {
  // Prefixes end with '/', so bumping the last character is enough and stays valid UTF-16.
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

interface ContinueToken {
  v: 'meta.k8s.io/v1';
  rv: number;
  /** The key to resume from, relative to the list prefix (inclusive). */
  start: string;
}

/** Encodes the resume point of a paged list the way the API server hands it to clients (opaque base64). */
export function encodeContinue(revision: number, prefix: string, nextKey: string): string {
  const token: ContinueToken = { v: 'meta.k8s.io/v1', rv: revision, start: nextKey.slice(prefix.length) };
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

/** Decodes a continue token into the revision to read at and the absolute key to resume from. */
export function decodeContinue(token: string, prefix: string): { revision: number; startKey: string } {
  let parsed: Partial<ContinueToken>;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<ContinueToken>;
  } catch (cause) {
    throw new StorageError('InvalidContinue', 'continue key is not valid: not a token this server issued', undefined, { cause });
  }
  if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.rv !== 'number' || typeof parsed.start !== 'string') {
    throw new StorageError('InvalidContinue', 'continue key is not valid: unknown version or fields');
  }
  if (parsed.rv <= 0 || !Number.isInteger(parsed.rv)) {
    throw new StorageError('InvalidContinue', 'continue key is not valid: incorrect encoded start resourceVersion');
  }
  const rel = parsed.start;
  if (rel.startsWith('/') || rel.split('/').includes('..')) {
    throw new StorageError('InvalidContinue', 'continue key is not valid: it points outside the list');
  }
  return { revision: parsed.rv, startKey: prefix + rel };
}

/** The key right after `key` in byte order: where the next page starts. */
export const keyAfter = (key: string): string => key + '\0';
