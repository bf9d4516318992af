import type { KeyValue } from '../../../storage/interface.js';
import { internal } from '../../../apimachinery/errors.js';
import type { KObject } from '../types.js';

/**
 * How objects sit in the store: JSON without metadata.resourceVersion (the store's mod revision is the
 * resourceVersion, filled in on every read) and without selfLink.
 */
export function encodeForStorage(obj: KObject): string {
  const { resourceVersion: _rv, selfLink: _sl, ...meta } = obj.metadata;
  return JSON.stringify({ ...obj, metadata: meta });
}

export function decodeFromStorage(kv: Pick<KeyValue, 'key' | 'value' | 'modRevision'>): KObject {
  return decodeValue(kv.key, kv.value, kv.modRevision);
}

export function decodeValue(key: string, value: string, revision: number): KObject {
  let obj: KObject;
  try {
    obj = JSON.parse(value) as KObject;
  } catch (err) {
    throw internal(new Error(`stored object at ${key} is not valid JSON: ${(err as Error).message}`));
  }
  if (!obj || typeof obj !== 'object' || typeof obj.metadata !== 'object' || obj.metadata === null) {
    throw internal(new Error(`stored object at ${key} has no metadata`));
  }
  obj.metadata.resourceVersion = String(revision);
  return obj;
}
