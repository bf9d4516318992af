/**
 * Path elements of structured-merge-diff field paths: how one step from a value to a child is named.
 *
 * - `f:name` — a field of a struct or a key of a map;
 * - `k:{"name":"web"}` — the item of a `map` list with these key field values (keys sorted by name);
 * - `v:"x"` — the item of a `set` list with this value;
 * - `i:3` — an item by index (only ever read, never produced for built-in types).
 *
 * The serialized form ({@link serializePathElement}) is what managedFields' fieldsV1 uses as JSON keys; the
 * display form ({@link pathString}) is what conflict messages print (`.spec.containers[name="web"].image`).
 */
import { compareGoStrings, goFormatFloat, goQuote } from '../../apimachinery/go-format.js';
import { isJsonObject, type JsonValue } from '../../apimachinery/patch/json.js';
import { goJson, goJsonString } from './go-json.js';

/** One key field of a `map` list item. */
export interface KeyField {
  readonly name: string;
  readonly value: JsonValue;
}

/**
 * One step of a field path. Key fields are always sorted by name. `id` is the serialized form
 * ({@link serializePathElement}), computed once when the element is made: sets key their nodes by it.
 * Build elements with the constructors below, never as literals.
 */
export type PathElement =
  | { readonly kind: 'field'; readonly name: string; readonly id: string }
  | { readonly kind: 'key'; readonly fields: readonly KeyField[]; readonly id: string }
  | { readonly kind: 'value'; readonly value: JsonValue; readonly id: string }
  | { readonly kind: 'index'; readonly index: number; readonly id: string };

/** A field path from the object root. */
export type Path = readonly PathElement[];

/** Raised for a fieldsV1 key that names a known element type but cannot be parsed. */
export class FieldsV1Error extends Error {
  override readonly name = 'FieldsV1Error';
  readonly code = 'FieldsV1';
}

/** `f:name`: a struct field or map key. */
export const fieldElement = (name: string): PathElement => ({ kind: 'field', name, id: `f:${name}` });
/** `v:<json>`: a set item. */
export const valueElement = (value: JsonValue): PathElement => ({ kind: 'value', value, id: `v:${goJson(value)}` });
/** `i:<n>`: a list item by position. */
export const indexElement = (index: number): PathElement => ({ kind: 'index', index, id: `i:${index}` });

/** A key element; the fields are sorted by name as upstream requires. */
export function keyElement(fields: readonly KeyField[]): PathElement {
  const sorted = [...fields].sort((a, b) => compareGoStrings(a.name, b.name));
  return { kind: 'key', fields: sorted, id: `k:{${sorted.map((f) => `${goJsonString(f.name)}:${goJson(f.value)}`).join(',')}}` };
}

/** Shorthand for building paths in code and tests: strings are field names. */
export function makePath(...parts: (string | PathElement)[]): Path {
  return parts.map((p) => (typeof p === 'string' ? fieldElement(p) : p));
}

const TYPE_RANK = Object.freeze({ number: 0, string: 1, boolean: 2, list: 3, map: 4, null: 5 } as const);

function rankOf(v: JsonValue): number {
  if (v === null) return TYPE_RANK.null;
  if (Array.isArray(v)) return TYPE_RANK.list;
  if (typeof v === 'object') return TYPE_RANK.map;
  return TYPE_RANK[typeof v as 'number' | 'string' | 'boolean'];
}

/** The total order upstream defines on values (numbers < strings < booleans < lists < maps < null). */
export function compareValues(a: JsonValue, b: JsonValue): number {
  const ra = rankOf(a);
  const rb = rankOf(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === 'number') return a === b ? 0 : a < (b as number) ? -1 : 1;
  if (typeof a === 'string') return compareGoStrings(a, b as string);
  if (typeof a === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (Array.isArray(a)) {
    const bl = b as JsonValue[];
    for (let i = 0; i < Math.min(a.length, bl.length); i++) {
      const c = compareValues(a[i] as JsonValue, bl[i] as JsonValue);
      if (c !== 0) return c;
    }
    return a.length === bl.length ? 0 : a.length < bl.length ? -1 : 1;
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const ka = Object.keys(a).sort(compareGoStrings);
    const kb = Object.keys(b).sort(compareGoStrings);
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
      const c = compareGoStrings(ka[i]!, kb[i]!) || compareValues(a[ka[i]!] as JsonValue, b[kb[i]!] as JsonValue);
      if (c !== 0) return c;
    }
    return ka.length === kb.length ? 0 : ka.length < kb.length ? -1 : 1;
  }
  return 0;
}

const KIND_RANK = Object.freeze({ field: 0, key: 1, value: 2, index: 3 } as const);

/** Upstream's order of path elements: fields, then keys, then values, then indexes. */
export function comparePathElements(a: PathElement, b: PathElement): number {
  if (a.kind !== b.kind) return KIND_RANK[a.kind] < KIND_RANK[b.kind] ? -1 : 1;
  switch (a.kind) {
    case 'field':
      return compareGoStrings(a.name, (b as typeof a).name);
    case 'key': {
      const bf = (b as typeof a).fields;
      for (let i = 0; i < Math.min(a.fields.length, bf.length); i++) {
        const c = compareGoStrings(a.fields[i]!.name, bf[i]!.name) || compareValues(a.fields[i]!.value, bf[i]!.value);
        if (c !== 0) return c;
      }
      return a.fields.length === bf.length ? 0 : a.fields.length < bf.length ? -1 : 1;
    }
    case 'value':
      return compareValues(a.value, (b as typeof a).value);
    case 'index':
      return a.index === (b as typeof a).index ? 0 : a.index < (b as typeof a).index ? -1 : 1;
  }
}

/** The fieldsV1 key of an element; also its identity (equal elements serialize equally). */
export function serializePathElement(pe: PathElement): string {
  return pe.id;
}

/**
 * Parses a fieldsV1 key. Returns undefined for element types this version does not know (upstream drops
 * those silently so that newer servers can add types); throws {@link FieldsV1Error} for malformed keys.
 */
export function parsePathElement(s: string): PathElement | undefined {
  if (s.length < 2) throw new FieldsV1Error(`key must be 2 characters long: ${JSON.stringify(s)}`);
  if (s[1] !== ':') return undefined;
  const rest = s.slice(2);
  switch (s[0]) {
    case 'f':
      return fieldElement(rest);
    case 'v':
      return valueElement(parseJson(rest));
    case 'k': {
      const obj = parseJson(rest);
      if (!isJsonObject(obj)) throw new FieldsV1Error(`key element must be a JSON object: ${JSON.stringify(s)}`);
      return keyElement(Object.entries(obj).map(([name, value]) => ({ name, value })));
    }
    case 'i': {
      if (!/^[+-]?\d+$/.test(rest)) throw new FieldsV1Error(`invalid index element: ${JSON.stringify(s)}`);
      return indexElement(Number(rest));
    }
    default:
      return undefined;
  }
}

function parseJson(s: string): JsonValue {
  try {
    return JSON.parse(s) as JsonValue;
  } catch (err) {
    throw new FieldsV1Error(`invalid JSON in path element: ${JSON.stringify(s)}`, { cause: err });
  }
}

/** Go's `value.ToString`: strings quoted with %q, numbers and booleans with %v. */
function valueString(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFormatFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map(valueString).join(',') + ']';
  return Object.entries(v)
    .map(([k, e]) => `${k}=${valueString(e)}`)
    .join('');
}

/** Display form of one element: `.name`, `[name="web",port=80]`, `[="x"]`, `[3]`. */
export function pathElementString(pe: PathElement): string {
  switch (pe.kind) {
    case 'field':
      return `.${pe.name}`;
    case 'key':
      return `[${pe.fields.map((f) => `${f.name}=${valueString(f.value)}`).join(',')}]`;
    case 'value':
      return `[=${valueString(pe.value)}]`;
    case 'index':
      return `[${pe.index}]`;
  }
}

/** Display form of a path, as conflict messages print it: `.spec.containers[name="web"].image`. */
export function pathString(path: Path): string {
  return path.map(pathElementString).join('');
}
