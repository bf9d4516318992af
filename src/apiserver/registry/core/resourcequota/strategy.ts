/**
 * ResourceQuotas (upstream pkg/registry/core/resourcequota): spec.hard names and quantities, scopes, scope
 * selectors. Users write spec; the quota controller writes status through the status subresource. Enforcing
 * quota is admission's job, not this strategy's.
 */
import {
  invalidValue,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import type { KObject, Strategy } from '../../types.js';
import {
  canonicalizeResourceList,
  isStandardQuotaResourceName,
  validateQuotaResourceName,
  validateResourceQuantityValue,
} from './resources.js';

interface ScopedRequirement {
  scopeName?: string;
  operator?: string;
  values?: string[];
}
interface QuotaSpec {
  hard?: Record<string, unknown>;
  scopes?: string[];
  scopeSelector?: { matchExpressions?: ScopedRequirement[] };
}
interface QuotaStatus {
  hard?: Record<string, unknown>;
  used?: Record<string, unknown>;
}

// Which resources a scope can limit (helper.IsResourceQuotaScopeValidForResource).
const POD_OBJECT_COUNT = ['pods', 'count/pods'];
const POD_COMPUTE = ['cpu', 'requests.cpu', 'limits.cpu', 'memory', 'requests.memory', 'limits.memory'];
const SCOPE_RESOURCES: Record<string, string[] | undefined> = {
  Terminating: [...POD_OBJECT_COUNT, ...POD_COMPUTE],
  NotTerminating: [...POD_OBJECT_COUNT, ...POD_COMPUTE],
  BestEffort: POD_OBJECT_COUNT,
  NotBestEffort: [...POD_OBJECT_COUNT, ...POD_COMPUTE],
  PriorityClass: [...POD_OBJECT_COUNT, ...POD_COMPUTE],
  CrossNamespacePodAffinity: [...POD_OBJECT_COUNT, ...POD_COMPUTE],
  VolumeAttributesClass: ['persistentvolumeclaims', 'count/persistentvolumeclaims', 'requests.storage'],
};
const CONFLICTING = [
  ['BestEffort', 'NotBestEffort'],
  ['Terminating', 'NotTerminating'],
] as const;
const scopeFits = (scope: string, resource: string) =>
  !isStandardQuotaResourceName(resource) || (SCOPE_RESOURCES[scope]?.includes(resource) ?? false);

function validateResourceList(list: Record<string, unknown> | undefined, path: FieldPath): FieldError[] {
  return Object.entries(list ?? {}).flatMap(([k, v]) => [
    ...validateQuotaResourceName(k, path.key(k)),
    ...validateResourceQuantityValue(k, v, path.key(k)),
  ]);
}

function validateScopes(spec: QuotaSpec): FieldError[] {
  const errs: FieldError[] = [];
  const scopes = spec.scopes ?? [];
  const hard = Object.keys(spec.hard ?? {}).sort();
  const path = root('spec', 'scopes');
  for (const s of scopes) {
    if (!SCOPE_RESOURCES[s]) errs.push(invalidValue(path, scopes, 'unsupported scope'));
    for (const k of hard)
      if (SCOPE_RESOURCES[s] && !scopeFits(s, k))
        errs.push(invalidValue(path, scopes, 'unsupported scope applied to resource'));
  }
  for (const [a, b] of CONFLICTING)
    if (scopes.includes(a) && scopes.includes(b)) errs.push(invalidValue(path, scopes, 'conflicting scopes'));
  const exprs = spec.scopeSelector?.matchExpressions ?? [];
  const sel = root('spec', 'scopeSelector', 'matchExpressions');
  const names = new Set<string>();
  for (const req of exprs) {
    const s = req.scopeName ?? '';
    if (!SCOPE_RESOURCES[s]) errs.push(invalidValue(sel.child('scopeName'), s, 'unsupported scope'));
    for (const k of hard)
      if (SCOPE_RESOURCES[s] && !scopeFits(s, k))
        errs.push(invalidValue(sel, spec.scopeSelector, 'unsupported scope applied to resource'));
    if (
      ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'CrossNamespacePodAffinity'].includes(s) &&
      req.operator !== 'Exists'
    ) {
      errs.push(
        invalidValue(
          sel.child('operator'),
          req.operator ?? '',
          "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
        ),
      );
    }
    switch (req.operator) {
      case 'In':
      case 'NotIn':
        if (!req.values?.length)
          errs.push(
            required(
              sel.child('values'),
              "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector",
            ),
          );
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (req.values?.length) {
          errs.push(
            invalidValue(
              sel.child('values'),
              req.values,
              "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector",
            ),
          );
        }
        break;
      default:
        errs.push(invalidValue(sel.child('operator'), req.operator ?? '', 'not a valid selector operator'));
    }
    names.add(s);
  }
  for (const [a, b] of CONFLICTING)
    if (names.has(a) && names.has(b)) errs.push(invalidValue(sel, scopes, 'conflicting scopes'));
  return errs;
}

const specOf = (obj: KObject) => (obj.spec ?? {}) as QuotaSpec;
const statusOf = (obj: KObject) => (obj.status ?? {}) as QuotaStatus;

function validateStatus(obj: KObject): FieldError[] {
  return [
    ...validateResourceList(statusOf(obj).hard, root('status', 'hard')),
    ...validateResourceList(statusOf(obj).used, root('status', 'used')),
  ];
}

/** ValidateResourceQuota without the metadata part. */
export function validateResourceQuota(obj: KObject): FieldError[] {
  return [
    ...validateResourceList(specOf(obj).hard, root('spec', 'hard')),
    ...validateScopes(specOf(obj)),
    ...validateStatus(obj),
  ];
}

/** ValidateResourceQuotaUpdate: scopes are immutable. */
export function validateResourceQuotaUpdate(obj: KObject, old: KObject): FieldError[] {
  const errs = [...validateResourceList(specOf(obj).hard, root('spec', 'hard')), ...validateScopes(specOf(obj))];
  const a = new Set(specOf(old).scopes ?? []);
  const b = new Set(specOf(obj).scopes ?? []);
  if (a.size !== b.size || [...a].some((s) => !b.has(s)))
    errs.push(invalidValue(root('spec', 'scopes'), specOf(obj).scopes ?? [], 'field is immutable'));
  return errs;
}

function canonicalizeQuota(obj: KObject): void {
  canonicalizeResourceList(specOf(obj).hard);
  canonicalizeResourceList(statusOf(obj).hard);
  canonicalizeResourceList(statusOf(obj).used);
}

export const resourceQuotaStrategy: Strategy = {
  prepareForCreate(obj) {
    delete obj.status;
  },
  prepareForUpdate(obj, old) {
    obj.status = structuredClone(old.status);
    if (obj.status === undefined) delete obj.status;
  },
  validate: (obj) => validateResourceQuota(obj),
  validateUpdate: (obj, old) => validateResourceQuotaUpdate(obj, old),
  canonicalize: canonicalizeQuota,
  allowUnconditionalUpdate: true,
};

export const resourceQuotaStatusStrategy: Strategy = {
  validateUpdate: (obj) => validateStatus(obj),
  canonicalize: canonicalizeQuota,
  allowUnconditionalUpdate: true,
};
