/**
 * Resource names and quantities as quota, limit ranges, volumes and nodes use them (upstream's core helper
 * and ValidateResourceQuantityValue), with upstream's messages. Shared by the resources under core/.
 */
import { invalidValue, type FieldError, type FieldPath } from '../../../../apimachinery/field-errors.js';
import { parseQuantity, type Quantity } from '../../../../apimachinery/quantity.js';
import { invalidEach, isQualifiedName } from '../../../../apimachinery/validation/names.js';

/** Names a ResourceList key may take without a domain prefix (helper.standardResources). */
export const STANDARD_RESOURCES: ReadonlySet<string> = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
]);

/** What a quota may limit without a prefix (helper.standardQuotaResources). */
const STANDARD_QUOTA_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'persistentvolumeclaims',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
]);

/** Resources counted in whole units: object counts (helper.integerResources). */
const INTEGER_RESOURCES = new Set([
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

const isHugePages = (name: string) => name.startsWith('hugepages-');
const isQuotaHugePages = (name: string) => name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');
/** Native resources have no domain or a kubernetes.io domain. */
export const isNativeResource = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');
/** Extended resources are fully qualified outside kubernetes.io and not quota prefixed. */
const isExtendedResource = (name: string) => !isNativeResource(name) && !name.startsWith('requests.');

/** A ResourceList key: a qualified name, unprefixed only when standard (validateResourceName). */
export function validateResourceName(name: string, path: FieldPath): FieldError[] {
  const errs = invalidEach(path, name, isQualifiedName(name));
  if (errs.length) return errs;
  if (!name.includes('/') && !(STANDARD_RESOURCES.has(name) || isQuotaHugePages(name))) {
    errs.push(invalidValue(path, name, 'must be a standard resource type or fully qualified'));
  }
  return errs;
}

/** A container resource name (cpu, memory, ephemeral-storage, hugepages-*, or extended). */
export function validateContainerResourceName(name: string, path: FieldPath): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/')) {
    if (!(STANDARD_CONTAINER_RESOURCES.has(name) || isHugePages(name))) {
      errs.push(invalidValue(path, name, 'must be a standard resource for containers'));
    }
  } else if (!isNativeResource(name) && !isExtendedResource(name)) {
    errs.push(invalidValue(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** A name a quota understands without a domain (helper.IsStandardQuotaResourceName). */
export const isStandardQuotaResourceName = (name: string): boolean =>
  STANDARD_QUOTA_RESOURCES.has(name) || isQuotaHugePages(name);

/** A quota's `hard`/`used` key (ValidateResourceQuotaResourceName). */
export function validateQuotaResourceName(name: string, path: FieldPath): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/') && !(STANDARD_QUOTA_RESOURCES.has(name) || isQuotaHugePages(name))) {
    errs.push(invalidValue(path, name, 'must be a standard resource for quota'));
  }
  return errs;
}

/** Parses a quantity value from JSON; a string that is not a quantity gives an error at `path`. */
export function parseQuantityAt(value: unknown, path: FieldPath): { q?: Quantity; errs: FieldError[] } {
  try {
    return { q: parseQuantity(typeof value === 'number' ? String(value) : String(value ?? '')), errs: [] };
  } catch (err) {
    return { errs: [invalidValue(path, value, (err as Error).message)] };
  }
}

/** Non-negative, and whole for object counts (ValidateResourceQuantityValue). */
export function validateResourceQuantityValue(resource: string, value: unknown, path: FieldPath): FieldError[] {
  const { q, errs } = parseQuantityAt(value, path);
  if (!q) return errs;
  if (q.sign() < 0) errs.push(invalidValue(path, q.toString(), 'must be greater than or equal to 0'));
  if ((INTEGER_RESOURCES.has(resource) || isExtendedResource(resource)) && q.toMilli() % 1000 !== 0) {
    errs.push(invalidValue(path, q.toString(), 'must be an integer'));
  }
  return errs;
}

/** Strictly positive (ValidatePositiveQuantityValue). */
export function validatePositiveQuantity(value: unknown, path: FieldPath): FieldError[] {
  const { q, errs } = parseQuantityAt(value, path);
  if (q && q.sign() <= 0) errs.push(invalidValue(path, q.toString(), 'must be greater than zero'));
  return errs;
}

/** Rewrites every quantity of a resource list in canonical form, as upstream serializes them. Mutates. */
export function canonicalizeResourceList(list: Record<string, unknown> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    try {
      list![k] = parseQuantity(String(v)).toString();
    } catch {
      // Left as written: validation reports it.
    }
  }
}
