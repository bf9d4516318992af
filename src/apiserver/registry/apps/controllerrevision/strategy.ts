/**
 * ControllerRevision strategy (upstream's pkg/registry/apps/controllerrevision/strategy.go and
 * ValidateControllerRevision): a revision must carry data, its number is non-negative, and the data never
 * changes once written.
 */
import { required, root, type FieldError } from '../../../../apimachinery/field-errors.js';
import type { KObject, Strategy } from '../../types.js';
import { validateImmutable } from '../../core/pod/workload.js';
import { validateNonnegativeField } from '../../core/pod/validation-common.js';

/** A ControllerRevision (ValidateControllerRevision). */
export function validateControllerRevision(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  if (obj.data === undefined || obj.data === null) errs.push(required(root('data'), 'data is mandatory'));
  errs.push(...validateNonnegativeField(obj.revision, root('revision')));
  return errs;
}

/** An update (ValidateControllerRevisionUpdate): `data` is immutable. */
export function validateControllerRevisionUpdate(obj: KObject, old: KObject): FieldError[] {
  return [...validateControllerRevision(obj), ...validateImmutable(obj.data, old.data, root('data'))];
}

/** ControllerRevisions. */
export const controllerRevisionStrategy: Strategy = {
  validate: validateControllerRevision,
  validateUpdate: validateControllerRevisionUpdate,
  allowUnconditionalUpdate: true,
};
