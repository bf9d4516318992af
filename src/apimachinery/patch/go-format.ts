/**
 * Renders JSON values the way Go's fmt and reflect print the unstructured form (`map[string]interface{}`).
 * Upstream's patch error messages embed such renderings ("map: map[image:x] does not contain declared merge
 * key: name"); clients and tests match on that text, so we reproduce it.
 */
import { isJsonObject, type JsonValue } from './json.js';
import { compareGoStrings, goFormatFloat } from '../go-format.js';

/** fmt's `%v` of an unstructured value: `map[a:1 b:[x y]]`, keys sorted, `<nil>` for null. */
export function goFormat(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goNumber(v);
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  // fmt sorts map keys when printing, so the output is deterministic.
  const keys = Object.keys(v).sort(compareGoStrings);
  return `map[${keys.map((k) => `${k}:${goFormat(v[k])}`).join(' ')}]`;
}

/**
 * The apiserver decodes integers that fit as int64 (printed plainly) and everything else as float64, which
 * `%v` prints with shortest `%g` (see goFormatFloat).
 */
function goNumber(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : goFormatFloat(n);
}

/** `reflect.TypeOf(v).String()` for an unstructured value, as in "expected a []interface {}, but received a string". */
export function goTypeName(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (Array.isArray(v)) return '[]interface {}';
  if (isJsonObject(v)) return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

/** `reflect.Kind` name, as in the converter's "cannot restore slice from map". */
export function goKindName(v: JsonValue): string {
  if (v === null) return 'invalid';
  if (Array.isArray(v)) return 'slice';
  if (isJsonObject(v)) return 'map';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

/** The JSON type name encoding/json uses in "json: cannot unmarshal array into Go value of type …". */
export function jsonTypeWord(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}
