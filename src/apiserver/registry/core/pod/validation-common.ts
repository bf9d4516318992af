/**
 * Validators shared by the pod and workload validations: the small string checks of upstream's
 * k8s.io/apimachinery/pkg/util/validation that are not in apimachinery/validation/names.ts yet, and the
 * field-level wrappers around them, with upstream's messages.
 */
import { invalidValue, type FieldError, type FieldPath } from '../../../../apimachinery/field-errors.js';
import {
  IS_NEGATIVE_ERROR_MSG,
  invalidEach,
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidPortNum,
  maxLenError,
  regexError,
} from '../../../../apimachinery/validation/names.js';

/** `must be greater than or equal to 0` unless `value` is absent or non-negative (ValidateNonnegativeField). */
export function validateNonnegativeField(value: unknown, path: FieldPath): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalidValue(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** Each DNS-1123 label message as an Invalid error at `path` (ValidateDNS1123Label). */
export function validateDNS1123Label(value: string, path: FieldPath): FieldError[] {
  return invalidEach(path, value, isDNS1123Label(value));
}

/** Each DNS-1123 subdomain message as an Invalid error at `path` (ValidateDNS1123Subdomain). */
export function validateDNS1123Subdomain(value: string, path: FieldPath): FieldError[] {
  return invalidEach(path, value, isDNS1123Subdomain(value));
}

/** An IANA_SVC_NAME: a port name of at most 15 lower-case alphanumerics and single inner hyphens (IsValidPortName). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** A port given as a number (1–65535) or as a name (ValidatePortNumOrName). */
export function validatePortNumOrName(port: unknown, path: FieldPath): FieldError[] {
  if (typeof port === 'number') return invalidEach(path, port, isValidPortNum(port));
  if (typeof port === 'string') return invalidEach(path, port, isValidPortName(port));
  return invalidEach(path, 0, isValidPortNum(0));
}

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_MAP_KEY_RE = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`);

/** A key of a ConfigMap or Secret (IsConfigMapKey). */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (Buffer.byteLength(value) > 253) errs.push(maxLenError(253));
  if (!CONFIG_MAP_KEY_RE.test(value)) {
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        CONFIG_MAP_KEY_FMT,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    );
  }
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/**
 * An environment variable name under RelaxedEnvironmentVariableValidation (on by default since v1.32): any
 * printable ASCII except '=' (IsRelaxedEnvVarName).
 */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push('environment variable name must be non-empty');
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x7e || cp < 0x20 || ch === '=') {
      errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
      break;
    }
  }
  return errs;
}

/** A Linux user or group id: 0..2147483647 (IsValidUserID / IsValidGroupID). */
export function isValidID(id: number): string[] {
  return Number.isInteger(id) && id >= 0 && id <= 2147483647 ? [] : ['must be between 0 and 2147483647, inclusive'];
}

/** `must be a number between 0 and 0777 (octal), both inclusive` for a file mode outside that range. */
export function validateFileMode(mode: unknown, path: FieldPath): FieldError[] {
  if (typeof mode !== 'number' || (mode >= 0 && mode <= 0o777)) return [];
  return [invalidValue(path, mode, 'must be a number between 0 and 0777 (octal), both inclusive')];
}

/** Go's `%v` of a list of strings: `[a b]`. */
export const goList = (items: readonly string[]): string => `[${items.join(' ')}]`;
