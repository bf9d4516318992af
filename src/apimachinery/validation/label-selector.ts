/**
 * Validation of a metav1.LabelSelector as written in a spec (deployment.spec.selector, ...), with upstream's
 * messages. Turning a selector into a matcher is labels/selector.ts's job; this only reports what is malformed.
 */
import { forbidden, invalidValue, required, type FieldError, type FieldPath } from '../field-errors.js';
import type { LabelSelector, LabelSelectorRequirement } from '../meta.js';
import { invalidEach, isValidLabelValue, validateLabelName, validateLabels } from './names.js';

/** Relaxations of {@link validateLabelSelector}, only for compatibility with data that is already stored. */
export interface LabelSelectorValidationOptions {
  allowInvalidLabelValueInSelector?: boolean;
  allowUnknownOperatorInRequirement?: boolean;
}

/** One matchExpressions entry: values required for In/NotIn, forbidden for Exists/DoesNotExist. */
export function validateLabelSelectorRequirement(
  req: LabelSelectorRequirement,
  opts: LabelSelectorValidationOptions,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(
          forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
      }
      break;
    default:
      if (!opts.allowUnknownOperatorInRequirement) {
        errs.push(invalidValue(path.child('operator'), req.operator, 'not a valid selector operator'));
      }
  }
  errs.push(...validateLabelName(req.key, path.child('key')));
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((v, i) => errs.push(...invalidEach(path.child('values').index(i), v, isValidLabelValue(v))));
  }
  return errs;
}

/** A metav1.LabelSelector as found in a spec (deployment.spec.selector...). A null selector is valid. */
export function validateLabelSelector(
  sel: LabelSelector | null | undefined,
  opts: LabelSelectorValidationOptions,
  path: FieldPath,
): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, path.child('matchLabels'));
  (sel.matchExpressions ?? []).forEach((e, i) =>
    errs.push(...validateLabelSelectorRequirement(e, opts, path.child('matchExpressions').index(i))),
  );
  return errs;
}
