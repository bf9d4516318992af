/**
 * Pieces every workload controller's resource shares (deployments, replica sets, stateful sets, daemon sets,
 * replication controllers, jobs): status handling on create and update, the status subresource, replica
 * counters, label selectors for the Scale view and for template matching.
 */
import { invalidValue, required, type FieldError, type FieldPath } from '../../../../apimachinery/field-errors.js';
import type { LabelSelector } from '../../../../apimachinery/meta.js';
import { selectorFromLabelSelector, selectorFromSet, type Selector } from '../../../../apimachinery/labels/selector.js';
import { validateLabelSelector } from '../../../../apimachinery/validation/label-selector.js';
import { FIELD_IMMUTABLE_ERROR_MSG } from '../../../../apimachinery/validation/names.js';
import type { ScaleAccess } from '../../resource.js';
import type { KObject, Strategy } from '../../types.js';
import { goOrdered, isRecord, recordAt, recordOf, semanticEqual, stringMapOf, type JsonRecord } from './json.js';
import { validateNonnegativeField } from './validation-common.js';

/** The object's spec (created when absent, as Go's zero-valued struct would be). */
export const specAt = (obj: KObject): JsonRecord => recordAt(obj, 'spec');
/** The object's status, or an empty view when absent. */
export const statusOf = (obj: KObject): JsonRecord => recordOf(obj.status) ?? {};

/** A new object starts with an empty status: clients may not set it (PrepareForCreate). */
export function resetStatus(obj: KObject): void {
  obj.status = {};
}

/** An update through the main resource keeps the stored status (PrepareForUpdate). */
export function keepStatus(obj: KObject, old: KObject): void {
  if (old.status === undefined) delete obj.status;
  else obj.status = structuredClone(old.status);
}

/**
 * The status subresource's strategy: the spec (and, when asked, the labels) stay as stored, and only the status
 * is validated.
 */
export function statusStrategy(
  validateStatus: (obj: KObject, old: KObject) => FieldError[],
  opts: { keepLabels?: boolean } = {},
): Strategy {
  return {
    prepareForUpdate(obj, old) {
      if (old.spec === undefined) delete obj.spec;
      else obj.spec = structuredClone(old.spec);
      if (opts.keepLabels) {
        if (old.metadata.labels === undefined) delete obj.metadata.labels;
        else obj.metadata.labels = structuredClone(old.metadata.labels);
      }
    },
    validateUpdate: validateStatus,
    allowUnconditionalUpdate: true,
  };
}

/** Each named counter must be ≥ 0. */
export function validateNonnegativeFields(obj: JsonRecord, keys: readonly string[], path: FieldPath): FieldError[] {
  return keys.flatMap((k) => validateNonnegativeField(obj[k], path.child(k)));
}

/** Each named counter must not exceed `status.<limit>` (`cannot be greater than status.replicas`). */
export function validateNotGreaterThan(
  status: JsonRecord,
  keys: readonly string[],
  limit: string,
  path: FieldPath,
  msg: string,
): FieldError[] {
  const max = typeof status[limit] === 'number' ? status[limit] : 0;
  return keys.flatMap((k) => {
    const v = typeof status[k] === 'number' ? status[k] : 0;
    return v > max ? [invalidValue(path.child(k), v, msg)] : [];
  });
}

/** `collisionCount` may not go down (IsDecremented). */
export function validateCollisionCount(status: JsonRecord, oldStatus: JsonRecord, path: FieldPath): FieldError[] {
  const next = status.collisionCount;
  const prev = oldStatus.collisionCount;
  if (typeof prev !== 'number') return [];
  if (typeof next === 'number' && next >= prev) return [];
  return [invalidValue(path.child('collisionCount'), typeof next === 'number' ? next : 0, 'cannot be decremented')];
}

/** A metav1.LabelSelector as a matcher; undefined when it cannot be converted. */
export function labelSelectorOf(sel: unknown): Selector | undefined {
  if (!isRecord(sel)) return selectorFromLabelSelector(undefined);
  try {
    return selectorFromLabelSelector(sel as unknown as LabelSelector);
  } catch {
    return undefined;
  }
}

/**
 * `spec.selector` of apps/v1 kinds: required, well-formed, and not empty (`empty selector is invalid for
 * <kind>`). Returns the matcher when the selector converts.
 */
export function validateRequiredSelector(
  sel: unknown,
  path: FieldPath,
  emptyMsg: string,
): { errs: FieldError[]; selector?: Selector } {
  const errs: FieldError[] = [];
  if (sel === undefined || sel === null) {
    errs.push(required(path, ''));
  } else {
    const ls = (isRecord(sel) ? sel : {}) as unknown as LabelSelector;
    errs.push(...validateLabelSelector(ls, {}, path));
    if (Object.keys(ls.matchLabels ?? {}).length + (ls.matchExpressions ?? []).length === 0)
      errs.push(invalidValue(path, goOrdered(sel), emptyMsg));
  }
  return { errs, selector: labelSelectorOf(sel) };
}

/** The template's labels must be selected by a non-empty selector (`selector` does not match template `labels`). */
export function validateSelectorMatchesTemplate(
  selector: Selector | undefined,
  template: unknown,
  labelsPath: FieldPath,
): FieldError[] {
  if (!selector || selector.isEmpty()) return [];
  const labels = stringMapOf(recordOf(recordOf(template)?.metadata)?.labels);
  return selector.matches(labels)
    ? []
    : [invalidValue(labelsPath, goOrdered(labels), '`selector` does not match template `labels`')];
}

/** The Scale view of a kind with `spec.replicas`, `status.replicas` and a metav1.LabelSelector `spec.selector`. */
export const labelSelectorScale: ScaleAccess = {
  specReplicas: (obj) =>
    typeof recordOf(obj.spec)?.replicas === 'number' ? (recordOf(obj.spec)!.replicas as number) : 0,
  setSpecReplicas: (obj, n) => {
    specAt(obj).replicas = n;
  },
  statusReplicas: (obj) => (typeof statusOf(obj).replicas === 'number' ? (statusOf(obj).replicas as number) : 0),
  selector: (obj) => labelSelectorOf(recordOf(obj.spec)?.selector)?.toString() ?? '',
};

/** The Scale view of a replication controller, whose selector is a plain label map. */
export const mapSelectorScale: ScaleAccess = {
  ...labelSelectorScale,
  selector: (obj) => selectorFromSet(stringMapOf(recordOf(obj.spec)?.selector)).toString(),
};

/**
 * `field is immutable` unless the values are semantically equal (absent, null and empty lists or maps count
 * as equal, as upstream's apiequality.Semantic does).
 */
export function validateImmutable(next: unknown, prev: unknown, path: FieldPath): FieldError[] {
  return semanticEqual(next, prev) ? [] : [invalidValue(path, goOrdered(next ?? null), FIELD_IMMUTABLE_ERROR_MSG)];
}
