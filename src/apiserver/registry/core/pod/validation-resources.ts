/**
 * Validation of a container's resource requirements (upstream's ValidateContainerResourceRequirements):
 * resource names, non-negative quantities, integer extended resources, and requests ≤ limits.
 */
import {
  invalidValue,
  required,
  forbidden,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import { Quantity, QuantityParseError } from '../../../../apimachinery/quantity.js';
import { IS_NEGATIVE_ERROR_MSG, invalidEach, isQualifiedName } from '../../../../apimachinery/validation/names.js';
import { isRecord, type JsonRecord } from './json.js';
import { STANDARD_RESOURCES } from '../resourcequota/resources.js';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

const isHugePages = (name: string): boolean => name.startsWith('hugepages-');

/** Names in the kubernetes.io domain, or without a domain, are native (helper.IsNativeResource). */
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');

/** Extended resources are fully qualified, not native, and not `requests.`-prefixed (IsExtendedResourceName). */
function isExtendedResource(name: string): boolean {
  if (isNative(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

/** Only these resources may be overcommitted, i.e. have requests below limits (IsOvercommitAllowed). */
const overcommitAllowed = (name: string): boolean => isNative(name) && !isHugePages(name);

function validateResourceName(name: string, path: FieldPath): FieldError[] {
  const errs = invalidEach(path, name, isQualifiedName(name));
  if (errs.length) return errs;
  if (!name.includes('/') && !STANDARD_RESOURCES.has(name) && !isHugePages(name)) {
    errs.push(invalidValue(path, name, 'must be a standard resource type or fully qualified'));
  }
  return errs;
}

function validateContainerResourceName(name: string, path: FieldPath): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      errs.push(invalidValue(path, name, 'must be a standard resource for containers'));
    }
  } else if (!isNative(name) && !isExtendedResource(name)) {
    errs.push(invalidValue(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** Parses one quantity of a resource list; a value that does not parse is reported at its path. */
function parse(value: unknown, path: FieldPath, errs: FieldError[]): Quantity | undefined {
  try {
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new QuantityParseError('quantities must be strings or numbers');
    return Quantity.parse(String(value));
  } catch (err) {
    if (!(err instanceof QuantityParseError)) throw err;
    errs.push(invalidValue(path, value, err.message));
    return undefined;
  }
}

function validateQuantityValue(name: string, q: Quantity, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (q.sign() < 0) errs.push(invalidValue(path, q.toString(), IS_NEGATIVE_ERROR_MSG));
  if (isExtendedResource(name) && q.scaledValue(-3) % 1000n !== 0n)
    errs.push(invalidValue(path, q.toString(), 'must be an integer'));
  return errs;
}

/** A container's `resources` (limits, requests, claims). */
export function validateResourceRequirements(resources: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const res: JsonRecord = isRecord(resources) ? resources : {};
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  const limits = new Map<string, Quantity>();
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [name, value] of Object.entries(isRecord(res.limits) ? res.limits : {})) {
    const p = limPath.key(name);
    errs.push(...validateContainerResourceName(name, p));
    const q = parse(value, p, errs);
    if (!q) continue;
    limits.set(name, q);
    errs.push(...validateQuantityValue(name, q, p));
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  for (const [name, value] of Object.entries(isRecord(res.requests) ? res.requests : {})) {
    const p = reqPath.key(name);
    errs.push(...validateContainerResourceName(name, p));
    const q = parse(value, p, errs);
    if (!q) continue;
    errs.push(...validateQuantityValue(name, q, p));
    const limit = limits.get(name);
    if (limit) {
      // Resources that cannot be overcommitted need requests equal to limits, not merely below them.
      if (q.cmp(limit) !== 0 && !overcommitAllowed(name)) {
        errs.push(invalidValue(reqPath, q.toString(), `must be equal to ${name} limit of ${limit.toString()}`));
      } else if (q.cmp(limit) > 0) {
        errs.push(
          invalidValue(reqPath, q.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`),
        );
      }
    } else if (!overcommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  if (hugePages && !cpuOrMemory) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}
