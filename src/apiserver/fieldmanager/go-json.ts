/**
 * JSON exactly as Go's encoding/json (and json-iterator in its standard-library mode) writes it: object keys
 * sorted by byte order, `<`, `>`, `&`, U+2028 and U+2029 escaped. Managed-field keys (`k:{"name":"web"}`,
 * `v:"x"`) and the server-written last-applied annotation are compared byte for byte by clients, so they must
 * come out as the Go API server writes them.
 */
import { compareGoStrings } from '../../apimachinery/go-format.js';
import type { JsonValue } from '../../apimachinery/patch/json.js';

const ESCAPES: Readonly<Record<string, string>> = Object.freeze({
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
});

/** A Go-quoted JSON string. */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const e = ESCAPES[ch];
    if (e !== undefined) out += e;
    else if (ch < ' ') out += '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/**
 * Go's json.Marshal of an unstructured value. Numbers use JavaScript's shortest form, which matches Go's
 * float64 formatting for every value JSON can carry (both switch to exponent form at 1e21 and 1e-6).
 */
export function goJson(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map(goJson).join(',') + ']';
  const keys = Object.keys(v).sort(compareGoStrings);
  return '{' + keys.map((k) => goJsonString(k) + ':' + goJson(v[k] as JsonValue)).join(',') + '}';
}
