/**
 * JSON value types and the few operations on them that every patch format needs. Patches work on the
 * "unstructured" form of an object (what `JSON.parse` returns), exactly like upstream's `map[string]interface{}`.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** The kinds upstream's reflection tells apart (`reflect.TypeOf`), minus Go's int64/float64 split. */
export type JsonKind = 'null' | 'string' | 'number' | 'bool' | 'slice' | 'map';

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function jsonKind(v: JsonValue): JsonKind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'slice';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'map';
  }
}

export const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Sets an own property. Plain assignment of `__proto__` would swap the object's prototype instead of creating
 * a key, and `__proto__` is a legal ConfigMap/Secret data key, so every dynamic key goes through here.
 */
export function setKey(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/**
 * Deep copy of a JSON value. Members whose value is `undefined` are dropped (as JSON.stringify does) so callers
 * may pass typed objects with optional fields; anything JSON cannot carry is a TypeError (a programming error,
 * not a bad request).
 */
export function cloneJson(v: unknown): JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`not a JSON number: ${v}`);
    return v;
  }
  if (Array.isArray(v)) return v.map((e) => (e === undefined ? null : cloneJson(e)));
  if (typeof v === 'object') {
    const out: JsonObject = {};
    for (const [k, e] of Object.entries(v)) if (e !== undefined) setKey(out, k, cloneJson(e));
    return out;
  }
  throw new TypeError(`not a JSON value: ${typeof v}`);
}

/** Structural equality of two JSON values (member order does not matter, array order does). */
export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((e, i) => jsonEqual(e, b[i] as JsonValue));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => hasOwn(b, k) && jsonEqual(a[k] as JsonValue, b[k] as JsonValue));
  }
  return false;
}
