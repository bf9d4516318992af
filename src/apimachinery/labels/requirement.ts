/**
 * Label selector requirements: one `key op values` term, its validation (labels.NewRequirement) and matching.
 */
import {
  aggregateMessage,
  childOf,
  invalidValue,
  notSupported,
  type FieldError,
  type FieldPath,
} from '../field-errors.js';
import { compareGoStrings } from '../go-format.js';
import { isQualifiedName, isValidLabelValue } from '../validation/names.js';

/** selection.Operator: the operators a requirement can use. `!` is DoesNotExist, `gt`/`lt` compare integers. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

/** The operators that take values, in upstream's order (it lists them in parse errors). */
export const BINARY_OPERATORS: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const VALID_OPERATORS: readonly Operator[] = [...BINARY_OPERATORS, 'exists', '!'];

/** A selector that could not be parsed or built; `message` is upstream's text, meant for a 400 BadRequest. */
export class LabelSelectorError extends Error {
  override readonly name = 'LabelSelectorError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The labels of an object. Absent means none. */
export type Labels = Readonly<Record<string, string>> | undefined;

/** One term of a selector: a key, an operator and its values. Immutable. */
export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

const INT64 = /^[+-]?\d+$/;
const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;
function parseInt64(s: string): bigint | undefined {
  if (!INT64.test(s)) return undefined;
  const n = BigInt(s);
  return n < MIN_INT64 || n > MAX_INT64 ? undefined : n;
}

const has = (labels: Labels, key: string): boolean => !!labels && Object.hasOwn(labels, key);

/** Whether one requirement holds for `labels` (upstream's Requirement.Matches). */
export function requirementMatches(r: Requirement, labels: Labels): boolean {
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has(labels, r.key) && r.values.includes(labels![r.key]!);
    case 'notin':
    case '!=':
      return !has(labels, r.key) || !r.values.includes(labels![r.key]!);
    case 'exists':
      return has(labels, r.key);
    case '!':
      return !has(labels, r.key);
    case 'gt':
    case 'lt': {
      if (!has(labels, r.key) || r.values.length !== 1) return false;
      const have = parseInt64(labels![r.key]!);
      const want = parseInt64(r.values[0]!);
      if (have === undefined || want === undefined) return false;
      return r.operator === 'gt' ? have > want : have < want;
    }
  }
}

/** The canonical text of a requirement: `a=b`, `a in (x,y)` (values sorted), `!a`, `a`. */
export function requirementToString(r: Requirement): string {
  let s = (r.operator === '!' ? '!' : '') + r.key;
  switch (r.operator) {
    case 'exists':
    case '!':
      return s;
    case 'in':
    case 'notin':
      s += ` ${r.operator} (`;
      break;
    case 'gt':
      s += '>';
      break;
    case 'lt':
      s += '<';
      break;
    default:
      s += r.operator;
  }
  s += r.values.length === 1 ? r.values[0] : [...r.values].sort(compareGoStrings).join(',');
  return r.operator === 'in' || r.operator === 'notin' ? s + ')' : s;
}

/** The key check the parser and {@link newRequirement} share: one Invalid error joining all messages. */
export function validateLabelKey(key: string, path: FieldPath | null): FieldError | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalidValue(path, key, errs.join('; ')) : undefined;
}

/**
 * Builds a validated requirement (labels.NewRequirement). Throws {@link LabelSelectorError} listing every
 * problem (bad key, wrong number of values, bad values, unknown operator) in upstream's aggregate format.
 * `path` prefixes field names in the messages; without it they print bare (`key`, `values[0][k]`).
 */
export function newRequirement(
  key: string,
  operator: Operator,
  values: readonly string[],
  path: FieldPath | null = null,
): Requirement {
  const errs: FieldError[] = [];
  const keyErr = validateLabelKey(key, childOf(path, 'key'));
  if (keyErr) errs.push(keyErr);
  const valuePath = childOf(path, 'values');
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) {
        errs.push(invalidValue(valuePath, values, "for 'in', 'notin' operators, values set can't be empty"));
      }
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1)
        errs.push(invalidValue(valuePath, values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) {
        errs.push(invalidValue(valuePath, values, 'values set must be empty for exists and does not exist'));
      }
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) {
        errs.push(invalidValue(valuePath, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      }
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(invalidValue(valuePath.index(i), v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
    default:
      errs.push(notSupported(childOf(path, 'operator'), operator, VALID_OPERATORS));
  }
  values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length) errs.push(invalidValue(valuePath.index(i).key(key), v, msgs.join('; ')));
  });
  const msg = aggregateMessage(errs);
  if (msg !== undefined) throw new LabelSelectorError(msg);
  return { key, operator, values: [...values] };
}
