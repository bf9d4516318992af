/** Deployment validation (upstream's apps/validation ValidateDeploymentSpec, ValidateDeploymentStatus). */
import {
  forbidden,
  invalidValue,
  notSupported,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import { recordOf, stringOf, type JsonRecord } from '../../core/pod/json.js';
import { validateNonnegativeField } from '../../core/pod/validation-common.js';
import {
  statusOf,
  validateCollisionCount,
  validateNonnegativeFields,
  validateNotGreaterThan,
  validateRequiredSelector,
  validateImmutable,
} from '../../core/pod/workload.js';
import { validatePodTemplateSpecForReplicaSet } from '../replicaset/validation.js';
import { intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.js';

function validateStrategy(strategy: JsonRecord, path: FieldPath): FieldError[] {
  const type = stringOf(strategy.type);
  const ru = strategy.rollingUpdate;
  if (type === 'Recreate') {
    return ru !== undefined && ru !== null
      ? [forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")]
      : [];
  }
  if (type === 'RollingUpdate') {
    const r = recordOf(ru);
    if (!r) return [required(path.child('rollingUpdate'), 'this should be defaulted and never be nil')];
    const rp = path.child('rollingUpdate');
    const errs = [
      ...validatePositiveIntOrPercent(r.maxUnavailable, rp.child('maxUnavailable')),
      ...validatePositiveIntOrPercent(r.maxSurge, rp.child('maxSurge')),
    ];
    if (intOrPercentValue(r.maxUnavailable) === 0 && intOrPercentValue(r.maxSurge) === 0) {
      errs.push(invalidValue(rp.child('maxUnavailable'), r.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
    errs.push(...validateNotMoreThan100Percent(r.maxUnavailable, rp.child('maxUnavailable')));
    return errs;
  }
  return [notSupported(path, strategy, ['Recreate', 'RollingUpdate'])];
}

/** A Deployment's spec (ValidateDeploymentSpec). */
export function validateDeploymentSpec(spec: JsonRecord, path: FieldPath): FieldError[] {
  const errs = validateNonnegativeField(spec.replicas, path.child('replicas'));
  const sel = validateRequiredSelector(
    spec.selector,
    path.child('selector'),
    'empty selector is invalid for deployment',
  );
  errs.push(...sel.errs);
  if (!sel.selector) errs.push(invalidValue(path.child('selector'), spec.selector, 'invalid label selector'));
  else errs.push(...validatePodTemplateSpecForReplicaSet(spec.template, sel.selector, path.child('template')));
  errs.push(
    ...validateStrategy(recordOf(spec.strategy) ?? {}, path.child('strategy')),
    ...validateNonnegativeField(spec.minReadySeconds, path.child('minReadySeconds')),
    ...validateNonnegativeField(spec.revisionHistoryLimit, path.child('revisionHistoryLimit')),
  );
  const rollbackTo = recordOf(spec.rollbackTo);
  if (rollbackTo) errs.push(...validateNonnegativeField(rollbackTo.revision, path.child('rollback', 'version')));
  const pds = spec.progressDeadlineSeconds;
  if (typeof pds === 'number') {
    errs.push(...validateNonnegativeField(pds, path.child('progressDeadlineSeconds')));
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (pds <= minReady)
      errs.push(invalidValue(path.child('progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** A new Deployment. */
export function validateDeployment(obj: KObject): FieldError[] {
  return validateDeploymentSpec(recordOf(obj.spec) ?? {}, root('spec'));
}

/** A Deployment update: the spec as on create, and (apps/v1) a selector that never changes. */
export function validateDeploymentUpdate(obj: KObject, old: KObject): FieldError[] {
  return [
    ...validateDeployment(obj),
    ...validateImmutable(recordOf(obj.spec)?.selector, recordOf(old.spec)?.selector, root('spec', 'selector')),
  ];
}

/** An update through `deployments/status` (ValidateDeploymentStatusUpdate). */
export function validateDeploymentStatusUpdate(obj: KObject, old: KObject): FieldError[] {
  const status = statusOf(obj);
  const path = root('status');
  return [
    ...validateNonnegativeFields(
      status,
      [
        'observedGeneration',
        'replicas',
        'updatedReplicas',
        'readyReplicas',
        'availableReplicas',
        'unavailableReplicas',
        'collisionCount',
      ],
      path,
    ),
    ...validateNotGreaterThan(
      status,
      ['updatedReplicas', 'readyReplicas', 'availableReplicas'],
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
    ...validateCollisionCount(status, statusOf(old), path),
  ];
}
