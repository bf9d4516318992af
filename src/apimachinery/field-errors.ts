/**
 * Field-level validation errors (field.ErrorList). Validation returns a list of these; the registry turns a
 * non-empty list into a 422 Invalid Status (see `invalid` in errors.ts), whose message and causes are built from
 * the text produced here, so the wording is upstream's to the byte.
 */
import { goFormatScalar, goQuote } from './go-format.js';

/**
 * An immutable path to a field, e.g. `spec.containers[0].name`. Every builder method returns a new path, so a
 * path can be shared and extended by several validators at once.
 */
export class FieldPath {
  private constructor(
    private readonly parent: FieldPath | null,
    /** The field name, or null when this element is an index or map key. */
    private readonly name: string | null,
    private readonly subscript: string,
  ) {}

  /** A root path made of one or more field names: `FieldPath.root('metadata', 'name')` → `metadata.name`. */
  static root(name: string, ...more: string[]): FieldPath {
    let p = new FieldPath(null, name, '');
    for (const n of more) p = new FieldPath(p, n, '');
    return p;
  }

  /** Appends field names: `.child('spec', 'template')`. */
  child(name: string, ...more: string[]): FieldPath {
    let p: FieldPath = new FieldPath(this, name, '');
    for (const n of more) p = new FieldPath(p, n, '');
    return p;
  }

  /** Appends a list index: `[3]`. */
  index(i: number): FieldPath {
    return new FieldPath(this, null, String(i));
  }

  /** Appends a map key: `[app.kubernetes.io/name]` (not quoted, as upstream). */
  key(k: string): FieldPath {
    return new FieldPath(this, null, k);
  }

  /** The dotted form used in messages and in `details.causes[].field`. */
  toString(): string {
    const head = this.parent ? this.parent.toString() : '';
    // An empty name prints like an index, as upstream's Path does.
    if (this.name) return this.parent ? `${head}.${this.name}` : this.name;
    return `${head}[${this.subscript}]`;
  }
}

/** `root('spec').child('replicas')`: shorthand for {@link FieldPath.root}. */
export const root = (name: string, ...more: string[]): FieldPath => FieldPath.root(name, ...more);

/**
 * Appends names to a path that may be absent. Upstream validators run with a nil path when a caller gave none
 * (label selector parsing does); children of a nil path print without a prefix.
 */
export function childOf(path: FieldPath | null, name: string, ...more: string[]): FieldPath {
  return path ? path.child(name, ...more) : FieldPath.root(name, ...more);
}

/** The machine-readable kind of a field error; also used verbatim as `StatusCause.reason`. */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** Marker for a bad value that must not be printed (field.TooMany with an unknown count). */
export const OMIT_VALUE: unique symbol = Symbol('omitValue');

/** One field-level validation failure. Plain data; build it with the constructors below. */
export class FieldError {
  constructor(
    readonly type: FieldErrorType,
    /** The field path as text (`<nil>` when validation ran without a path, as upstream prints it). */
    readonly field: string,
    readonly badValue: unknown,
    readonly detail: string,
  ) {}

  /** The message without the field: `Invalid value: -1: must be greater than or equal to 0`. */
  errorBody(): string {
    return errorBody(this);
  }

  /** The full message: `spec.replicas: Invalid value: -1: must be ...`. */
  toString(): string {
    return errorToString(this);
  }
}

/** A list of field errors; empty means valid. */
export type FieldErrorList = FieldError[];

const pathText = (p: FieldPath | null): string => (p ? p.toString() : '<nil>');

function badValueText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string':
      return goQuote(v);
    case 'number':
    case 'bigint':
    case 'boolean':
      return goFormatScalar(v);
    default:
      // Upstream 1.33 prints composite values with Go syntax (%#v). String lists are by far the most common
      // (selector values, finalizers) and their Go form is known; other shapes have no JS equivalent, so they
      // print as JSON, which is what later releases print.
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return `[]string{${v.map(goQuote).join(', ')}}`;
      try {
        return JSON.stringify(v) ?? String(v);
      } catch {
        return String(v);
      }
  }
}

/** The message of an error without its field path (field.Error.ErrorBody). */
export function errorBody(e: FieldError): string {
  let s: string;
  switch (e.type) {
    case 'FieldValueRequired':
    case 'FieldValueForbidden':
    case 'FieldValueTooLong':
    case 'InternalError':
      s = TYPE_TEXT[e.type];
      break;
    default:
      s = e.badValue === OMIT_VALUE ? TYPE_TEXT[e.type] : `${TYPE_TEXT[e.type]}: ${badValueText(e.badValue)}`;
  }
  return e.detail ? `${s}: ${e.detail}` : s;
}

/** `field: body`, exactly as upstream's field.Error.Error(). */
export function errorToString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/**
 * The aggregate message of a list (field.ErrorList.ToAggregate().Error()): duplicates removed, a single error
 * printed bare, several as `[a, b]`. Returns undefined for an empty list, which upstream treats as "no error".
 */
export function aggregateMessage(errs: readonly FieldError[]): string | undefined {
  const msgs = [...new Set(errs.map(errorToString))];
  if (msgs.length === 0) return undefined;
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
}

/** A required value is missing (empty string, null, empty list). */
export function required(path: FieldPath | null, detail = ''): FieldError {
  return new FieldError('FieldValueRequired', pathText(path), '', detail);
}

/** A malformed value (bad format, out of range). */
export function invalidValue(path: FieldPath | null, value: unknown, detail: string): FieldError {
  return new FieldError('FieldValueInvalid', pathText(path), value, detail);
}

/** A value outside an enumeration; lists the supported values, each quoted. */
export function notSupported(path: FieldPath | null, value: unknown, validValues: readonly string[]): FieldError {
  const detail = validValues.length ? 'supported values: ' + validValues.map(goQuote).join(', ') : '';
  return new FieldError('FieldValueNotSupported', pathText(path), value, detail);
}

/** A value that must be unique appears twice. */
export function duplicate(path: FieldPath | null, value: unknown): FieldError {
  return new FieldError('FieldValueDuplicate', pathText(path), value, '');
}

/** A well-formed value that is not allowed here (immutable field, policy). */
export function forbidden(path: FieldPath | null, detail: string): FieldError {
  return new FieldError('FieldValueForbidden', pathText(path), '', detail);
}

/** A value over a length limit; the value itself is not echoed. A negative limit gives a generic detail. */
export function tooLong(path: FieldPath | null, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} bytes` : 'value is too long';
  return new FieldError('FieldValueTooLong', pathText(path), '<value omitted>', detail);
}

/** A list with more items than allowed. A negative count omits the value, a negative limit the number. */
export function tooMany(path: FieldPath | null, actualQuantity: number, maxQuantity: number): FieldError {
  const detail = maxQuantity >= 0 ? `must have at most ${maxQuantity} items` : 'has too many items';
  return new FieldError('FieldValueTooMany', pathText(path), actualQuantity >= 0 ? actualQuantity : OMIT_VALUE, detail);
}

/** A value of the wrong JSON type for the field's schema. */
export function typeInvalid(path: FieldPath | null, value: unknown, detail: string): FieldError {
  return new FieldError('FieldValueTypeInvalid', pathText(path), value, detail);
}

/** A referenced value was not found. */
export function notFoundValue(path: FieldPath | null, value: unknown): FieldError {
  return new FieldError('FieldValueNotFound', pathText(path), value, '');
}

/** A failure not caused by the input (a bug or an unavailable dependency). */
export function internalFieldError(path: FieldPath | null, err: Error): FieldError {
  return new FieldError('InternalError', pathText(path), null, err.message);
}
