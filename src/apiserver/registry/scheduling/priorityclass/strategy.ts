/**
 * PriorityClasses (upstream pkg/registry/scheduling/priorityclass): names starting with `system-` are
 * reserved for the two built-in classes; user values stay at or below one billion; value and
 * preemptionPolicy never change.
 */
import { forbidden, notSupported, required, root, type FieldError } from '../../../../apimachinery/field-errors.js';
import { validateImmutableField } from '../../../../apimachinery/validation/names.js';
import type { KObject, Strategy } from '../../types.js';

interface PriorityClass extends KObject {
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

/** Names with this prefix are the system's. */
export const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-';
/** The largest value a user-defined class may have (scheduling.HighestUserDefinablePriority). */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
/** The built-in classes (scheduling.SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES = [
  { name: 'system-node-critical', value: 2_000_001_000, globalDefault: false },
  { name: 'system-cluster-critical', value: 2_000_000_000, globalDefault: false },
] as const;
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];

/** Why a system-prefixed class is not a known system class, or undefined if it is one (IsKnownSystemPriorityClass). */
function systemClassError(pc: PriorityClass): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === pc.metadata.name);
  if (!known) return `${pc.metadata.name} is not a known system priority class`;
  if (known.value !== (pc.value ?? 0)) return `value of ${known.name} PriorityClass must be ${known.value}`;
  if (known.globalDefault !== (pc.globalDefault ?? false))
    return `globalDefault of ${known.name} PriorityClass must be ${known.globalDefault}`;
  return undefined;
}

/** ValidatePriorityClass without the metadata part. */
export function validatePriorityClass(obj: KObject): FieldError[] {
  const pc = obj as PriorityClass;
  const errs: FieldError[] = [];
  if ((pc.metadata.name ?? '').startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const why = systemClassError(pc);
    if (why) {
      errs.push(
        forbidden(
          root('metadata', 'name'),
          `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${why}`,
        ),
      );
    }
  } else if ((pc.value ?? 0) > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(
      forbidden(
        root('value'),
        `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`,
      ),
    );
  }
  if (pc.preemptionPolicy !== undefined) {
    if (pc.preemptionPolicy === '') errs.push(required(root('preemptionPolicy')));
    else if (!PREEMPTION_POLICIES.includes(pc.preemptionPolicy))
      errs.push(notSupported(root('preemptionPolicy'), pc.preemptionPolicy, PREEMPTION_POLICIES));
  }
  return errs;
}

/** ValidatePriorityClassUpdate: value and preemptionPolicy are fixed. */
export function validatePriorityClassUpdate(obj: KObject, old: KObject): FieldError[] {
  const pc = obj as PriorityClass;
  const prev = old as PriorityClass;
  const errs: FieldError[] = [];
  if ((pc.value ?? 0) !== (prev.value ?? 0)) errs.push(forbidden(root('value'), 'may not be changed in an update.'));
  errs.push(...validateImmutableField(pc.preemptionPolicy, prev.preemptionPolicy, root('preemptionPolicy')));
  return errs;
}

export const priorityClassStrategy: Strategy = {
  defaults(obj) {
    const pc = obj as PriorityClass;
    if (pc.preemptionPolicy === undefined) pc.preemptionPolicy = 'PreemptLowerPriority';
  },
  validate: (obj) => validatePriorityClass(obj),
  validateUpdate: (obj, old) => validatePriorityClassUpdate(obj, old),
  allowUnconditionalUpdate: true,
};
