import { isDeepStrictEqual } from 'node:util';
import type { KObject } from '../types.js';

/** A deep copy: cached and stored objects are never mutated in place. */
export const clone = <T>(obj: T): T => structuredClone(obj);

/**
 * Whether anything outside metadata and status changed: the rule for bumping metadata.generation (upstream's
 * strategies compare spec; for kinds without spec, such as ConfigMap-like data kinds, every other field counts).
 */
export function specChanged(obj: KObject, old: KObject): boolean {
  const strip = (o: KObject) => {
    const { metadata: _m, status: _s, ...rest } = o;
    return rest;
  };
  return !isDeepStrictEqual(strip(obj), strip(old));
}
