/**
 * Validation of intstr.IntOrString fields that hold a count or a percentage (maxSurge, maxUnavailable), as
 * upstream's ValidatePositiveIntOrPercent and IsNotMoreThan100Percent; shared with DaemonSets and StatefulSets.
 */
import { invalidValue, type FieldError, type FieldPath } from '../../../../apimachinery/field-errors.js';
import { regexError } from '../../../../apimachinery/validation/names.js';
import { validateNonnegativeField } from '../../core/pod/validation-common.js';

const PERCENT_FMT = '[0-9]+%';
const PERCENT_RE = new RegExp(`^${PERCENT_FMT}$`);

/** `5%` (IsValidPercent). */
export function isValidPercent(value: string): string[] {
  return PERCENT_RE.test(value)
    ? []
    : [
        regexError(
          "a valid percent string must be a numeric string followed by an ending '%'",
          PERCENT_FMT,
          '1%',
          '93%',
        ),
      ];
}

/** A non-negative integer or a valid percentage. */
export function validatePositiveIntOrPercent(value: unknown, path: FieldPath): FieldError[] {
  if (typeof value === 'string') return isValidPercent(value).map((m) => invalidValue(path, value, m));
  if (typeof value === 'number') return validateNonnegativeField(value, path);
  if (value === undefined || value === null) return [];
  return [invalidValue(path, value, "must be an integer or percentage (e.g '5%')")];
}

/** The number an IntOrString stands for: the percentage's number, the integer, or 0 (getIntOrPercentValue). */
export function intOrPercentValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return 0;
  if (PERCENT_RE.test(value)) return Number(value.slice(0, -1));
  return /^[+-]?\d+$/.test(value) ? Number(value) : 0;
}

/** A percentage may not exceed 100% (IsNotMoreThan100Percent). */
export function validateNotMoreThan100Percent(value: unknown, path: FieldPath): FieldError[] {
  if (typeof value !== 'string' || !PERCENT_RE.test(value)) return [];
  return Number(value.slice(0, -1)) > 100 ? [invalidValue(path, value, 'must not be greater than 100%')] : [];
}
