/**
 * Small accessors for API objects held as plain JSON. Strategies read fields that clients may have sent with
 * the wrong shape (a string where a list belongs); these helpers read such values as Go would read a zero
 * value, so defaulting and validation never throw on malformed input and report it as field errors instead.
 */

/** A JSON object. */
export type JsonRecord = Record<string, unknown>;

/** Whether `v` is a JSON object (not null, not an array). */
export function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v` as an object, or undefined when it is absent or not an object. */
export function recordOf(v: unknown): JsonRecord | undefined {
  return isRecord(v) ? v : undefined;
}

/** `parent[key]` as an object, created (and stored) when absent or not an object. */
export function recordAt(parent: JsonRecord, key: string): JsonRecord {
  const cur = parent[key];
  if (isRecord(cur)) return cur;
  const created: JsonRecord = {};
  parent[key] = created;
  return created;
}

/** `v` as a list; anything else reads as an empty list. */
export function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The objects of a list, each non-object item read as an empty object (so indexes stay aligned). */
export function recordsOf(v: unknown): JsonRecord[] {
  return listOf(v).map((item) => (isRecord(item) ? item : {}));
}

/** `v` as a string; anything else reads as '' (Go's zero value). */
export function stringOf(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** `v` as a number, or undefined when absent or not a number. */
export function numberOf(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A string→string map (labels, selectors); non-string values are dropped. */
export function stringMapOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(v)) return out;
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

/** Whether a value is absent the way Go sees it: undefined, null, '', or an empty list or object. */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isRecord(v)) return Object.keys(v).length === 0;
  return false;
}

/**
 * A copy without empty values (recursively), for comparisons that should see `[]`, `{}`, `null` and absent as
 * equal, as upstream's semantic equality treats nil and empty slices and maps.
 */
export function semanticForm(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(semanticForm);
  if (!isRecord(v)) return v;
  const out: JsonRecord = {};
  for (const key of Object.keys(v).sort()) {
    const val = semanticForm(v[key]);
    if (!isEmptyValue(val)) out[key] = val;
  }
  return out;
}

/** Semantic equality of two JSON values (see {@link semanticForm}). */
export function semanticEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(semanticForm(a)) === JSON.stringify(semanticForm(b));
}

/**
 * A copy with object keys in sorted (byte) order, recursively: Go prints maps sorted by key, so values echoed in
 * error messages read the same as upstream's.
 */
export function goOrdered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(goOrdered);
  if (!isRecord(v)) return v;
  const out: JsonRecord = {};
  for (const key of Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[key] = goOrdered(v[key]);
  return out;
}
