/**
 * PodDisruptionBudgets (upstream pkg/registry/policy/poddisruptionbudget): minAvailable xor maxUnavailable,
 * each a non-negative count or a percentage up to 100%; generation tracks spec; the disruption controller
 * writes status through /status.
 */
import {
  invalidValue,
  notSupported,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import type { LabelSelector } from '../../../../apimachinery/meta.js';
import { validateLabelSelector } from '../../../../apimachinery/validation/label-selector.js';
import { regexError } from '../../../../apimachinery/validation/names.js';
import type { KObject, Strategy } from '../../types.js';

interface PDBSpec {
  minAvailable?: number | string;
  maxUnavailable?: number | string;
  selector?: LabelSelector;
  unhealthyPodEvictionPolicy?: string;
}
const specOf = (obj: KObject) => (obj.spec ?? {}) as PDBSpec;
const PERCENT_FMT = '[0-9]+%';
const PERCENT_RE = new RegExp(`^${PERCENT_FMT}$`);
const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** ValidatePositiveIntOrPercent plus IsNotMoreThan100Percent. */
export function validateIntOrPercent(v: number | string, path: FieldPath): FieldError[] {
  if (typeof v === 'number') return v < 0 ? [invalidValue(path, v, 'must be greater than or equal to 0')] : [];
  if (typeof v !== 'string') return [invalidValue(path, v, "must be an integer or percentage (e.g '5%')")];
  if (!PERCENT_RE.test(v)) {
    return [
      invalidValue(
        path,
        v,
        regexError(
          "a valid percent string must be a numeric string followed by an ending '%'",
          PERCENT_FMT,
          '1%',
          '93%',
        ),
      ),
    ];
  }
  return Number(v.slice(0, -1)) > 100 ? [invalidValue(path, v, 'must not be greater than 100%')] : [];
}

/** ValidatePodDisruptionBudgetSpec. */
export function validatePDB(obj: KObject): FieldError[] {
  const spec = specOf(obj);
  const sp = root('spec');
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push(invalidValue(sp, spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  if (spec.minAvailable !== undefined) errs.push(...validateIntOrPercent(spec.minAvailable, sp.child('minAvailable')));
  if (spec.maxUnavailable !== undefined)
    errs.push(...validateIntOrPercent(spec.maxUnavailable, sp.child('maxUnavailable')));
  errs.push(...validateLabelSelector(spec.selector, {}, sp.child('selector')));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !EVICTION_POLICIES.includes(policy)) {
    errs.push(notSupported(sp.child('unhealthyPodEvictionPolicy'), policy, EVICTION_POLICIES));
  }
  return errs;
}

/** ValidatePodDisruptionBudgetStatusUpdate's counters. */
function validatePDBStatus(obj: KObject): FieldError[] {
  const status = (obj.status ?? {}) as Record<string, unknown>;
  return ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'].flatMap((f) =>
    typeof status[f] === 'number' && (status[f] as number) < 0
      ? [invalidValue(root('status', f), status[f], 'must be greater than or equal to 0')]
      : [],
  );
}

export const podDisruptionBudgetStrategy: Strategy = {
  prepareForCreate(obj) {
    delete obj.status;
  },
  prepareForUpdate(obj, old) {
    obj.status = structuredClone(old.status);
    if (obj.status === undefined) delete obj.status;
  },
  validate: (obj) => validatePDB(obj),
  validateUpdate: (obj) => validatePDB(obj),
  allowUnconditionalUpdate: true,
};

export const podDisruptionBudgetStatusStrategy: Strategy = {
  validateUpdate: (obj) => validatePDBStatus(obj),
  allowUnconditionalUpdate: true,
};
