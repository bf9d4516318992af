/**
 * LimitRanges (upstream pkg/registry/core/limitrange): container defaults derived from max/default/min
 * (SetDefaults_LimitRangeItem) and the ordering rules min <= defaultRequest <= default <= max.
 */
import {
  duplicate,
  forbidden,
  invalidValue,
  required,
  root,
  type FieldError,
} from '../../../../apimachinery/field-errors.js';
import { parseQuantity, type Quantity } from '../../../../apimachinery/quantity.js';
import { invalidEach, isQualifiedName } from '../../../../apimachinery/validation/names.js';
import type { KObject, Strategy } from '../../types.js';
import {
  canonicalizeResourceList,
  validateContainerResourceName,
  validateResourceName,
} from '../resourcequota/resources.js';

type ResourceList = Record<string, unknown>;
interface LimitRangeItem {
  type?: string;
  max?: ResourceList;
  min?: ResourceList;
  default?: ResourceList;
  defaultRequest?: ResourceList;
  maxLimitRequestRatio?: ResourceList;
}

const LIMIT_TYPES = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);
const itemsOf = (obj: KObject) => ((obj.spec ?? {}) as { limits?: LimitRangeItem[] }).limits ?? [];
const LISTS = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;

/** Container items: default limit from max, default request from default then min. */
export function defaultLimitRange(obj: KObject): void {
  for (const item of itemsOf(obj)) {
    if (item.type !== 'Container') continue;
    item.default = { ...(item.default ?? {}) };
    item.defaultRequest = { ...(item.defaultRequest ?? {}) };
    for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in item.default)) item.default[k] = v;
    for (const [k, v] of Object.entries(item.default)) if (!(k in item.defaultRequest)) item.defaultRequest[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in item.defaultRequest)) item.defaultRequest[k] = v;
  }
}

const quantity = (v: unknown): Quantity | undefined => {
  try {
    return parseQuantity(String(v));
  } catch {
    return undefined;
  }
};

/** ValidateLimitRange without the metadata part. */
export function validateLimitRange(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const types = new Set<string>();
  itemsOf(obj).forEach((item, i) => {
    const path = root('spec', 'limits').index(i);
    const type = item.type ?? '';
    const typeErrs = invalidEach(path.child('type'), type, isQualifiedName(type));
    if (!typeErrs.length && !type.includes('/') && !LIMIT_TYPES.has(type)) {
      typeErrs.push(invalidValue(path.child('type'), type, 'must be a standard limit type or fully qualified'));
    }
    errs.push(...typeErrs);
    if (types.has(type)) errs.push(duplicate(path.child('type'), type));
    types.add(type);
    const nameCheck = type === 'Pod' || type === 'Container' ? validateContainerResourceName : validateResourceName;
    const q: Record<(typeof LISTS)[number], Map<string, Quantity>> = {
      max: new Map(),
      min: new Map(),
      default: new Map(),
      defaultRequest: new Map(),
      maxLimitRequestRatio: new Map(),
    };
    for (const list of LISTS) {
      if (type === 'Pod' && (list === 'default' || list === 'defaultRequest')) {
        if (Object.keys(item[list] ?? {}).length)
          errs.push(forbidden(path.child(list), "may not be specified when `type` is 'Pod'"));
        continue;
      }
      for (const [k, v] of Object.entries(item[list] ?? {})) {
        errs.push(...nameCheck(k, path.child(list).key(k)));
        const parsed = quantity(v);
        if (parsed) q[list].set(k, parsed);
        else errs.push(invalidValue(path.child(list).key(k), v, 'must be a valid resource quantity'));
      }
    }
    if (type === 'PersistentVolumeClaim' && !q.min.has('storage') && !q.max.has('storage')) {
      errs.push(
        required(path.child('limits'), 'either minimum or maximum storage value is required, but neither was provided'),
      );
    }
    const keys = new Set(LISTS.flatMap((l) => [...q[l].keys()]));
    for (const k of keys) {
      const [min, max, def, req, ratio] = [
        q.min.get(k),
        q.max.get(k),
        q.default.get(k),
        q.defaultRequest.get(k),
        q.maxLimitRequestRatio.get(k),
      ];
      const at = (l: string) => path.child(l).key(k);
      if (min && max && min.cmp(max) > 0)
        errs.push(invalidValue(at('min'), min.toString(), `min value ${min} is greater than max value ${max}`));
      if (req && min && min.cmp(req) > 0)
        errs.push(
          invalidValue(
            at('defaultRequest'),
            req.toString(),
            `min value ${min} is greater than default request value ${req}`,
          ),
        );
      if (req && max && req.cmp(max) > 0)
        errs.push(
          invalidValue(
            at('defaultRequest'),
            req.toString(),
            `default request value ${req} is greater than max value ${max}`,
          ),
        );
      if (req && def && req.cmp(def) > 0)
        errs.push(
          invalidValue(
            at('defaultRequest'),
            req.toString(),
            `default request value ${req} is greater than default limit value ${def}`,
          ),
        );
      if (def && min && min.cmp(def) > 0)
        errs.push(invalidValue(at('default'), min.toString(), `min value ${min} is greater than default value ${def}`));
      if (def && max && def.cmp(max) > 0)
        errs.push(invalidValue(at('default'), max.toString(), `default value ${def} is greater than max value ${max}`));
      if (ratio && ratio.cmp(parseQuantity('1')) < 0)
        errs.push(invalidValue(at('maxLimitRequestRatio'), ratio.toString(), `ratio ${ratio} is less than 1`));
      if (ratio && min && max && min.sign() > 0) {
        const limit = max.toNumber() / min.toNumber();
        if (ratio.toNumber() > limit) {
          errs.push(
            invalidValue(
              at('maxLimitRequestRatio'),
              ratio.toString(),
              `ratio ${ratio} is greater than max/min = ${limit.toFixed(6)}`,
            ),
          );
        }
      }
      // Resources that cannot be overcommitted (hugepages, extended resources) need default == defaultRequest.
      const overcommit = !(k.startsWith('hugepages-') || (k.includes('/') && !k.includes('kubernetes.io/')));
      if (!overcommit && def && req && def.cmp(req) !== 0) {
        errs.push(
          invalidValue(
            at('defaultRequest'),
            req.toString(),
            `default value ${def} must equal to defaultRequest value ${req} in ${k}`,
          ),
        );
      }
    }
  });
  return errs;
}

export const limitRangeStrategy: Strategy = {
  defaults: defaultLimitRange,
  validate: (obj) => validateLimitRange(obj),
  validateUpdate: (obj) => validateLimitRange(obj),
  canonicalize(obj) {
    for (const item of itemsOf(obj)) for (const l of LISTS) canonicalizeResourceList(item[l]);
  },
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
};
