/**
 * resource.Quantity: exact decimal amounts such as `500m`, `1.5Gi`, `2e3`, used for CPU, memory, storage and
 * quota.
 *
 * A quantity is held as an exact `mantissa × 10^exponent` (bigint), never as a float. Parsing rounds up (away
 * from zero) to nano precision, as upstream does. `toString()` gives upstream's canonical form (`0.1` → `100m`,
 * `1000m` → `1`, `1.5Gi` → `1536Mi`), except that an input already in canonical shape is kept byte for byte,
 * again as upstream does, so objects round-trip unchanged. Quantities are immutable values.
 */

/** How a quantity prints: `12e6`, `12Mi` (powers of 1024) or `12M` (powers of 1000). */
export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

const SPLIT_RE_STRING = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
/** Upstream's message for text that is not a quantity at all. */
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE_STRING}'`;
/** Upstream's message for an unparseable number part. */
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
/** Upstream's message for an unknown suffix (`1i`, `5mi`). */
export const ERR_SUFFIX = "unable to parse quantity's suffix";

/** A string that is not a valid quantity; `message` is one of upstream's three texts. */
export class QuantityParseError extends Error {
  override readonly name = 'QuantityParseError';
}

const DEC_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIXES).map(([s, e]) => [e, s]));
const BIN_BY_EXP = new Map(Object.entries(BIN_SUFFIXES).map(([s, e]) => [e, s]));
const SUFFIX_CHARS = 'eEinumkKMGTP';

const NANO = -9;
const MAX_INT64 = 2n ** 63n - 1n;
const pow10 = (n: number): bigint => 10n ** BigInt(n);
const abs = (n: bigint): bigint => (n < 0n ? -n : n);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

interface Parts {
  positive: boolean;
  /** The numeric text with sign, as written. */
  value: string;
  /** Integer digits without leading zeros (`0` if none). */
  num: string;
  /** Fraction digits. */
  denom: string;
  suffix: string;
}

// Splits "-1.5Gi" into sign, digits and suffix without regexes, tolerating what upstream tolerates ("1.", ".5").
function splitQuantity(str: string): Parts | undefined {
  const end = str.length;
  let pos = 0;
  let positive = true;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  let i = pos;
  while (isDigit(str[i])) i++;
  if (i >= end) return { positive, value: str, num: str.slice(pos), denom: '', suffix: '' };
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (str[pos] === '.') {
    i = ++pos;
    while (isDigit(str[i])) i++;
    if (i >= end) return { positive, value: str, num, denom: str.slice(pos), suffix: '' };
    denom = str.slice(pos, i);
    pos = i;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  i = pos;
  while (i < end && SUFFIX_CHARS.includes(str[i]!)) i++;
  if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  pos = str[i] === '-' || str[i] === '+' ? i + 1 : i;
  i = pos;
  while (isDigit(str[i])) i++;
  if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  return undefined;
}

function interpretSuffix(s: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  if (Object.hasOwn(DEC_SUFFIXES, s)) return { base: 10, exponent: DEC_SUFFIXES[s]!, format: 'DecimalSI' };
  if (Object.hasOwn(BIN_SUFFIXES, s)) return { base: 2, exponent: BIN_SUFFIXES[s]!, format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E') && /^[+-]?\d+$/.test(s.slice(1))) {
    // Upstream parses the exponent as an int64 (failing beyond it) and then keeps only its low 32 bits.
    const n = BigInt(s.slice(1));
    if (n < -(2n ** 63n) || n > MAX_INT64) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, n)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** Parses a quantity; throws {@link QuantityParseError} with upstream's message. Surrounding spaces are errors. */
export function parseQuantity(str: string): Quantity {
  return Quantity.parse(str);
}

/** An exact resource amount. See the module comment for representation and canonical form. */
export class Quantity {
  private constructor(
    /** value = mantissa × 10^exp. */
    private readonly mantissa: bigint,
    private readonly exp: number,
    readonly format: QuantityFormat,
    /** The input text, kept when it was already canonical so it prints back unchanged. */
    private readonly cached?: string,
  ) {}

  /** See {@link parseQuantity}. */
  static parse(str: string): Quantity {
    if (str.length === 0) throw new QuantityParseError(ERR_FORMAT_WRONG);
    if (str === '0') return new Quantity(0n, 0, 'DecimalSI', str);
    const p = splitQuantity(str);
    if (!p) throw new QuantityParseError(ERR_FORMAT_WRONG);
    const sfx = interpretSuffix(p.suffix);
    if (!sfx) throw new QuantityParseError(ERR_SUFFIX);
    const { base, exponent } = sfx;
    let format = sfx.format;

    // Upstream keeps small inputs in an int64 and remembers their text when it is already canonical; the
    // conditions below decide exactly when, so that toString() returns the same text as upstream.
    let precision: number;
    let scale: number;
    if (base === 10) {
      scale = exponent;
      precision = 18 - p.num.length - p.denom.length;
    } else {
      scale = 0;
      precision = p.denom.length === 0 ? 15 - p.num.length - Math.trunc((exponent * 3) / 10) - 1 : -1;
    }
    if (precision >= 0 && scale - p.denom.length >= NANO) {
      scale -= p.denom.length;
      const shifted = p.num + p.denom;
      const digits = BigInt(shifted);
      const magnitude = base === 2 ? digits << BigInt(exponent) : digits;
      if (magnitude <= MAX_INT64) {
        const canonical =
          base === 2
            ? exponent % 10 === 0 && (digits & 7n) !== 0n
            : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return new Quantity(p.positive ? magnitude : -magnitude, scale, format, canonical ? str : undefined);
      }
    }

    if (!/\d/.test(p.value)) throw new QuantityParseError(ERR_NUMERIC);
    let m = BigInt(p.num + p.denom);
    let e = -p.denom.length;
    if (base === 10) e += exponent;
    else m <<= BigInt(exponent);
    if (m !== 0n && e < NANO) {
      // Round up to nano precision: resources never get smaller by being parsed.
      const d = pow10(NANO - e);
      m = m / d + (m % d === 0n ? 0n : 1n);
      e = NANO;
    }
    if (format === 'BinarySI' && cmpParts(m, e, MAX_INT64, 0) > 0) {
      m = MAX_INT64;
      e = 0;
    }
    if (format === 'BinarySI' && m !== 0n && cmpParts(m, e, 1n, 0) < 0) format = 'DecimalSI';
    return new Quantity(p.positive ? m : -m, e, format);
  }

  /** An integer quantity (resource.NewQuantity). */
  static fromValue(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), 0, format);
  }

  /** A quantity of `milli` thousandths (resource.NewMilliQuantity), e.g. 250 → `250m`. */
  static fromMilli(milli: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(milli), -3, format);
  }

  /** `value × 10^scale` in DecimalSI (resource.NewScaledQuantity). */
  static fromScaled(value: number | bigint, scale: number): Quantity {
    return new Quantity(BigInt(value), scale, 'DecimalSI');
  }

  /** -1, 0 or 1. */
  sign(): number {
    return this.mantissa === 0n ? 0 : this.mantissa < 0n ? -1 : 1;
  }

  isZero(): boolean {
    return this.mantissa === 0n;
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`. Formats are ignored. */
  cmp(other: Quantity): number {
    return cmpParts(this.mantissa, this.exp, other.mantissa, other.exp);
  }

  /** Numeric equality (`1Gi` equals `1024Mi`). */
  equal(other: Quantity): boolean {
    return this.cmp(other) === 0;
  }

  /** this + other. The result keeps this format, or takes other's when this is zero (as upstream's Add). */
  add(other: Quantity): Quantity {
    const e = Math.min(this.exp, other.exp);
    const m = this.mantissa * pow10(this.exp - e) + other.mantissa * pow10(other.exp - e);
    return new Quantity(m, e, this.isZero() ? other.format : this.format);
  }

  /** this − other, with {@link add}'s format rule. */
  sub(other: Quantity): Quantity {
    return this.add(other.neg());
  }

  /** −this. */
  neg(): Quantity {
    return new Quantity(-this.mantissa, this.exp, this.format);
  }

  /** The same amount printed in another format. */
  withFormat(format: QuantityFormat): Quantity {
    return new Quantity(this.mantissa, this.exp, format);
  }

  /** The amount in units of 10^scale, rounded away from zero (ScaledValue): scale 0 = units, -3 = milli. */
  scaledValue(scale: number): bigint {
    const shift = this.exp - scale;
    if (shift >= 0) return this.mantissa * pow10(shift);
    const d = pow10(-shift);
    const q = this.mantissa / d;
    if (this.mantissa % d === 0n) return q;
    return this.mantissa < 0n ? q - 1n : q + 1n;
  }

  /** Whole units, rounded away from zero (`Value()`): `1500m` → 2. */
  value(): number {
    return Number(this.scaledValue(0));
  }

  /** Thousandths, rounded away from zero (`MilliValue()`): `1.5` → 1500, `1n` → 1. */
  toMilli(): number {
    return Number(this.scaledValue(-3));
  }

  /** The nearest float (AsApproximateFloat64); for display and ratios, never for accounting. */
  toNumber(): number {
    const m = Number(this.mantissa);
    return this.exp >= 0 ? m * 10 ** this.exp : m / 10 ** -this.exp;
  }

  /** Canonical text (or the original text when it was already canonical). */
  toString(): string {
    if (this.cached !== undefined) return this.cached;
    if (this.mantissa === 0n) return '0';
    const sign = this.mantissa < 0n ? '-' : '';
    let format = this.format;
    if (format === 'BinarySI') {
      const small = cmpParts(abs(this.mantissa), this.exp, 1024n, 0) < 0;
      const integral = this.exp >= 0 || this.mantissa % pow10(-this.exp) === 0n;
      if (small || !integral) format = 'DecimalSI';
    }
    if (format === 'BinarySI') {
      let v = abs(this.scaledValue(0));
      let times = 0;
      while (v >= 1024n && v % 1024n === 0n) {
        v /= 1024n;
        times++;
      }
      return sign + v.toString() + (BIN_BY_EXP.get(times * 10) ?? '');
    }
    let m = abs(this.mantissa);
    let e = this.exp;
    while (m >= 10n && m % 10n === 0n) {
      m /= 10n;
      e++;
    }
    while (e % 3 !== 0) {
      m *= 10n;
      e--;
    }
    // Upstream has no DecimalSI suffix beyond E (10^18) and then prints no suffix at all; so do we.
    const suffix = format === 'DecimalExponent' ? (e === 0 ? '' : `e${e}`) : (DEC_BY_EXP.get(e) ?? '');
    return sign + m.toString() + suffix;
  }

  /** Quantities serialise as their string form. */
  toJSON(): string {
    return this.toString();
  }
}

// Compares a×10^ea with b×10^eb without building huge powers when the magnitudes clearly differ.
function cmpParts(a: bigint, ea: number, b: bigint, eb: number): number {
  const sa = a === 0n ? 0 : a < 0n ? -1 : 1;
  const sb = b === 0n ? 0 : b < 0n ? -1 : 1;
  if (sa !== sb || sa === 0) return sa < sb ? -1 : sa > sb ? 1 : 0;
  const magA = abs(a).toString().length + ea;
  const magB = abs(b).toString().length + eb;
  if (magA !== magB) return (magA < magB ? -1 : 1) * sa;
  const e = Math.min(ea, eb);
  const x = a * pow10(ea - e);
  const y = b * pow10(eb - e);
  return x < y ? -1 : x > y ? 1 : 0;
}
