/**
 * The few pieces of Go's text formatting that show up in Kubernetes' user-visible messages: `%q` quoting,
 * `%v` of scalars, and Go's string ordering. Clients (kubectl, tests, humans) compare these messages byte for
 * byte, so they have to come out exactly as the Go API server prints them.
 */

const SIMPLE_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. Other spaces
// (e.g. U+00A0) and format characters are escaped.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's `%q` / strconv.Quote: a double-quoted string with Go escapes for non-printable characters. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && cp < 0x7f) {
      out += ch;
    } else if (cp < 0x20 || cp === 0x7f) {
      out += '\\x' + cp.toString(16).padStart(2, '0');
    } else if (PRINTABLE.test(ch)) {
      out += ch;
    } else if (cp < 0x10000) {
      out += '\\u' + cp.toString(16).padStart(4, '0');
    } else {
      out += '\\U' + cp.toString(16).padStart(8, '0');
    }
  }
  return out + '"';
}

/**
 * Go's `%v` of a float64 that is not an integer: shortest round-trip digits, switching to exponent form
 * (`1e-05`, `1.5e+06`) when the exponent is below -4 or at least 6, as fmt does.
 */
export function goFormatFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mant, expStr] = n.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  // JS prints plain decimals for exponents in [-6, 21), so within Go's [-4, 6) window the two agree.
  return String(n);
}

/**
 * `%v` of a scalar as Go prints the typed value it would have decoded: integers as integers (Go decodes them
 * into int32/int64 fields), other numbers as float64, booleans as `true`/`false`, strings verbatim.
 */
export function goFormatScalar(v: number | bigint | boolean | string): string {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : goFormatFloat(v);
  return String(v);
}

/** Compares strings the way Go does (by UTF-8 bytes, i.e. by code point), for sorting keys and values. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order differs from code point order only when a surrogate meets U+E000..U+FFFF.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
