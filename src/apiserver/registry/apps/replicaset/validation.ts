/**
 * ReplicaSet validation (upstream's ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet and the
 * status checks), shared with Deployments, whose pod templates follow the same rules.
 */
import {
  forbidden,
  notSupported,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import type { Selector } from '../../../../apimachinery/labels/selector.js';
import type { KObject } from '../../types.js';
import { recordOf, stringOf, type JsonRecord } from '../../core/pod/json.js';
import { validatePodTemplateSpec } from '../../core/pod/validation.js';
import { validateNonnegativeField } from '../../core/pod/validation-common.js';
import {
  statusOf,
  validateNonnegativeFields,
  validateNotGreaterThan,
  validateRequiredSelector,
  validateSelectorMatchesTemplate,
  validateImmutable,
} from '../../core/pod/workload.js';

/**
 * A template that pods of a replicated controller are made from: selected by the selector, a valid pod
 * template, restartPolicy Always and no activeDeadlineSeconds. `kind` names the controller in messages.
 */
export function validatePodTemplateSpecForReplicaSet(
  template: unknown,
  selector: Selector | undefined,
  path: FieldPath,
  kind = 'ReplicaSet',
): FieldError[] {
  const t = recordOf(template);
  if (!t) return [];
  const spec = recordOf(t.spec) ?? {};
  const errs = [
    ...validateSelectorMatchesTemplate(selector, t, path.child('metadata', 'labels')),
    ...validatePodTemplateSpec(t, path),
  ];
  const restart = stringOf(spec.restartPolicy);
  if (restart !== 'Always') errs.push(notSupported(path.child('spec', 'restartPolicy'), restart, ['Always']));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errs.push(
      forbidden(path.child('spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`),
    );
  }
  return errs;
}

/** A ReplicaSet's spec (ValidateReplicaSetSpec). */
export function validateReplicaSetSpec(spec: JsonRecord, path: FieldPath): FieldError[] {
  const errs = [
    ...validateNonnegativeField(spec.replicas, path.child('replicas')),
    ...validateNonnegativeField(spec.minReadySeconds, path.child('minReadySeconds')),
  ];
  // Upstream reuses the Deployment wording here.
  const sel = validateRequiredSelector(
    spec.selector,
    path.child('selector'),
    'empty selector is invalid for deployment',
  );
  errs.push(...sel.errs);
  errs.push(...validatePodTemplateSpecForReplicaSet(spec.template, sel.selector, path.child('template')));
  return errs;
}

/** A new ReplicaSet. */
export function validateReplicaSet(obj: KObject): FieldError[] {
  return validateReplicaSetSpec(recordOf(obj.spec) ?? {}, root('spec'));
}

/** A ReplicaSet update: the spec as on create, and a selector that never changes (apps/v1). */
export function validateReplicaSetUpdate(obj: KObject, old: KObject): FieldError[] {
  return [
    ...validateReplicaSet(obj),
    ...validateImmutable(recordOf(obj.spec)?.selector, recordOf(old.spec)?.selector, root('spec', 'selector')),
  ];
}

/** A ReplicaSet status (ValidateReplicaSetStatus). */
export function validateReplicaSetStatus(obj: KObject): FieldError[] {
  const status = statusOf(obj);
  const path = root('status');
  return [
    ...validateNonnegativeFields(
      status,
      ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'],
      path,
    ),
    ...validateNotGreaterThan(
      status,
      ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'],
      'replicas',
      path,
      'cannot be greater than status.replicas',
    ),
    ...validateNotGreaterThan(
      status,
      ['availableReplicas'],
      'readyReplicas',
      path,
      'cannot be greater than readyReplicas',
    ),
  ];
}
