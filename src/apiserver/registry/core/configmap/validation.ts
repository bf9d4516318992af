/**
 * ConfigMap validation (upstream ValidateConfigMap/ValidateConfigMapUpdate) and the config-key rule that
 * Secrets share.
 */
import { isDeepStrictEqual } from 'node:util';
import { FieldError, forbidden, invalidValue, root, type FieldPath } from '../../../../apimachinery/field-errors.js';
import {
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  invalidEach,
  maxLenError,
  regexError,
} from '../../../../apimachinery/validation/names.js';
import type { KObject } from '../../types.js';

/** Upper bound on the summed size of a ConfigMap's or Secret's data (core.MaxSecretSize, 1 MiB). */
export const MAX_SECRET_SIZE = 1024 * 1024;

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_MAP_KEY_RE = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`);
const CONFIG_MAP_KEY_ERR = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

/** A key of data/binaryData: usable as a file name in a volume (validation.IsConfigMapKey). */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (Buffer.byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!CONFIG_MAP_KEY_RE.test(value))
    errs.push(regexError(CONFIG_MAP_KEY_ERR, CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  // Keys become file names: they may not walk out of the volume directory.
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** Every key of a data map at `path[key]`. */
export function validateConfigKeys(data: Record<string, unknown> | undefined, path: FieldPath): FieldError[] {
  return Object.keys(data ?? {}).flatMap((k) => invalidEach(path.key(k), k, isConfigMapKey(k)));
}

/** `<path>: Too long: may not be more than N bytes`; an empty path is the whole object, as upstream prints it. */
export function tooLongAt(path: string, max: number): FieldError {
  return new FieldError('FieldValueTooLong', path, '<value omitted>', `may not be more than ${max} bytes`);
}

interface ConfigMapShape {
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  immutable?: boolean;
}

/** ValidateConfigMap without the metadata part (the store checks metadata). */
export function validateConfigMap(obj: KObject): FieldError[] {
  const cm = obj as KObject & ConfigMapShape;
  const errs = validateConfigKeys(cm.data, root('data'));
  let total = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    if (cm.binaryData && k in cm.binaryData)
      errs.push(invalidValue(root('data').key(k), k, 'duplicate of key present in binaryData'));
    total += Buffer.byteLength(String(v));
  }
  errs.push(...validateConfigKeys(cm.binaryData, root('binaryData')));
  // binaryData travels base64-encoded; its size is the decoded one.
  for (const v of Object.values(cm.binaryData ?? {})) total += Buffer.from(String(v), 'base64').length;
  if (total > MAX_SECRET_SIZE) errs.push(tooLongAt('', MAX_SECRET_SIZE));
  return errs;
}

/** ValidateConfigMapUpdate: an immutable ConfigMap keeps its data and stays immutable. */
export function validateConfigMapUpdate(obj: KObject, old: KObject): FieldError[] {
  const cm = obj as KObject & ConfigMapShape;
  const prev = old as KObject & ConfigMapShape;
  const errs: FieldError[] = [];
  if (prev.immutable === true) {
    const msg = 'field is immutable when `immutable` is set';
    if (cm.immutable !== true) errs.push(forbidden(root('immutable'), msg));
    if (!isDeepStrictEqual(cm.data ?? {}, prev.data ?? {})) errs.push(forbidden(root('data'), msg));
    if (!isDeepStrictEqual(cm.binaryData ?? {}, prev.binaryData ?? {})) errs.push(forbidden(root('binaryData'), msg));
  }
  return [...errs, ...validateConfigMap(obj)];
}
