/** DaemonSet validation (upstream's apps/validation ValidateDaemonSetSpec and friends). */
import {
  forbidden,
  invalidValue,
  notSupported,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import type { LabelSelector } from '../../../../apimachinery/meta.js';
import { validateLabelSelector } from '../../../../apimachinery/validation/label-selector.js';
import type { KObject } from '../../types.js';
import { isRecord, recordOf, stringOf, type JsonRecord } from '../../core/pod/json.js';
import { validatePodTemplateSpec } from '../../core/pod/validation.js';
import { validateNonnegativeField } from '../../core/pod/validation-common.js';
import {
  labelSelectorOf,
  statusOf,
  validateCollisionCount,
  validateNonnegativeFields,
  validateSelectorMatchesTemplate,
  validateImmutable,
} from '../../core/pod/workload.js';
import {
  intOrPercentValue,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
} from '../deployment/int-or-percent.js';

function validateUpdateStrategy(strategy: JsonRecord, path: FieldPath): FieldError[] {
  const type = stringOf(strategy.type);
  if (type === 'OnDelete') return [];
  if (type !== 'RollingUpdate') return [notSupported(path, strategy, ['RollingUpdate', 'OnDelete'])];
  const ru = recordOf(strategy.rollingUpdate);
  if (!ru) return [required(path.child('rollingUpdate'), '')];
  const rp = path.child('rollingUpdate');
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')),
    ...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge')),
    ...validateNotMoreThan100Percent(ru.maxUnavailable, rp.child('maxUnavailable')),
    ...validateNotMoreThan100Percent(ru.maxSurge, rp.child('maxSurge')),
  ];
  const unavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const surge = intOrPercentValue(ru.maxSurge) !== 0;
  if (unavailable && surge)
    errs.push(invalidValue(rp.child('maxSurge'), ru.maxSurge, 'may not be set when maxUnavailable is non-zero'));
  if (!unavailable && !surge) errs.push(required(rp.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  return errs;
}

/** A DaemonSet's spec (ValidateDaemonSetSpec). */
export function validateDaemonSetSpec(spec: JsonRecord, path: FieldPath): FieldError[] {
  const sel = spec.selector;
  const errs = isRecord(sel) ? validateLabelSelector(sel as unknown as LabelSelector, {}, path.child('selector')) : [];
  const selector = labelSelectorOf(sel);
  errs.push(...validateSelectorMatchesTemplate(selector, spec.template, path.child('template', 'metadata', 'labels')));
  if (
    isRecord(sel) &&
    Object.keys(recordOf(sel.matchLabels) ?? {}).length +
      (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0) ===
      0
  ) {
    errs.push(invalidValue(path.child('selector'), sel, 'empty selector is invalid for daemonset'));
  }
  const template = recordOf(spec.template) ?? {};
  const tspec = recordOf(template.spec) ?? {};
  errs.push(...validatePodTemplateSpec(template, path.child('template')));
  const restart = stringOf(tspec.restartPolicy);
  if (restart !== 'Always')
    errs.push(notSupported(path.child('template', 'spec', 'restartPolicy'), restart, ['Always']));
  if (tspec.activeDeadlineSeconds !== undefined && tspec.activeDeadlineSeconds !== null) {
    errs.push(
      forbidden(
        path.child('template', 'spec', 'activeDeadlineSeconds'),
        'activeDeadlineSeconds in DaemonSet is not Supported',
      ),
    );
  }
  errs.push(
    ...validateNonnegativeField(spec.minReadySeconds, path.child('minReadySeconds')),
    ...validateUpdateStrategy(recordOf(spec.updateStrategy) ?? {}, path.child('updateStrategy')),
    ...validateNonnegativeField(spec.revisionHistoryLimit, path.child('revisionHistoryLimit')),
  );
  return errs;
}

/** A new DaemonSet. */
export function validateDaemonSet(obj: KObject): FieldError[] {
  return validateDaemonSetSpec(recordOf(obj.spec) ?? {}, root('spec'));
}

/** A DaemonSet update: the spec as on create, and (apps/v1) a selector that never changes. */
export function validateDaemonSetUpdate(obj: KObject, old: KObject): FieldError[] {
  return [
    ...validateDaemonSet(obj),
    ...validateImmutable(recordOf(obj.spec)?.selector, recordOf(old.spec)?.selector, root('spec', 'selector')),
  ];
}

/** An update through `daemonsets/status` (ValidateDaemonSetStatusUpdate). */
export function validateDaemonSetStatusUpdate(obj: KObject, old: KObject): FieldError[] {
  const status = statusOf(obj);
  const path = root('status');
  const counters = [
    'currentNumberScheduled',
    'numberMisscheduled',
    'desiredNumberScheduled',
    'numberReady',
    'observedGeneration',
    'updatedNumberScheduled',
    'numberAvailable',
    'numberUnavailable',
    'collisionCount',
  ];
  return [...validateNonnegativeFields(status, counters, path), ...validateCollisionCount(status, statusOf(old), path)];
}
