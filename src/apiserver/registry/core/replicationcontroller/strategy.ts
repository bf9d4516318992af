/**
 * ReplicationController defaulting, validation and strategies (upstream's SetDefaults_ReplicationController,
 * ValidateReplicationController* and pkg/registry/core/replicationcontroller/strategy.go).
 */
import {
  forbidden,
  notSupported,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import type { KObject, Strategy } from '../../types.js';
import { defaultPodTemplateSpec } from '../pod/defaults.js';
import { recordOf, stringMapOf, stringOf, type JsonRecord } from '../pod/json.js';
import { validatePodTemplateSpec } from '../pod/validation.js';
import { validateNonnegativeField } from '../pod/validation-common.js';
import { selectorFromSet } from '../../../../apimachinery/labels/selector.js';
import {
  keepStatus,
  resetStatus,
  specAt,
  statusStrategy,
  validateSelectorMatchesTemplate,
} from '../pod/workload.js';
import { validateReplicaSetStatus } from '../../apps/replicaset/validation.js';

/** The template's labels fill an empty selector and empty object labels; one replica; template defaults. */
export function defaultReplicationController(obj: KObject): void {
  const spec = specAt(obj);
  const template = recordOf(spec.template);
  const labels = recordOf(recordOf(template?.metadata)?.labels);
  if (labels) {
    if (Object.keys(recordOf(spec.selector) ?? {}).length === 0) spec.selector = stringMapOf(labels);
    if (Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = stringMapOf(labels);
  }
  if (typeof spec.replicas !== 'number') spec.replicas = 1;
  if (template) defaultPodTemplateSpec(template);
}

function validatePodTemplateSpecForRC(
  template: unknown,
  selector: Record<string, string>,
  path: FieldPath,
): FieldError[] {
  const t = recordOf(template);
  if (!t) return [required(path, '')];
  const sel = selectorFromSet(selector);
  const errs = [
    ...validateSelectorMatchesTemplate(sel, t, path.child('metadata', 'labels')),
    ...validatePodTemplateSpec(t, path),
  ];
  const spec = recordOf(t.spec) ?? {};
  const restart = stringOf(spec.restartPolicy);
  if (restart !== 'Always') errs.push(notSupported(path.child('spec', 'restartPolicy'), restart, ['Always']));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errs.push(
      forbidden(
        path.child('spec', 'activeDeadlineSeconds'),
        'activeDeadlineSeconds in ReplicationController is not Supported',
      ),
    );
  }
  return errs;
}

/** A ReplicationController's spec (ValidateReplicationControllerSpec). */
export function validateReplicationControllerSpec(spec: JsonRecord, path: FieldPath): FieldError[] {
  const selector = stringMapOf(spec.selector);
  const errs = validateNonnegativeField(spec.minReadySeconds, path.child('minReadySeconds'));
  if (Object.keys(selector).length === 0) errs.push(required(path.child('selector'), ''));
  errs.push(
    ...validateNonnegativeField(spec.replicas, path.child('replicas')),
    ...validatePodTemplateSpecForRC(spec.template, selector, path.child('template')),
  );
  return errs;
}

/** A new or updated ReplicationController (its selector may change, unlike apps/v1 kinds). */
export function validateReplicationController(obj: KObject): FieldError[] {
  return validateReplicationControllerSpec(recordOf(obj.spec) ?? {}, root('spec'));
}

/** An update through `replicationcontrollers/status` (ValidateReplicationControllerStatus). */
export function validateReplicationControllerStatusUpdate(obj: KObject): FieldError[] {
  // The same counters with the same rules as a ReplicaSet's status.
  return validateReplicaSetStatus(obj);
}

/** ReplicationControllers through the main resource. */
export const replicationControllerStrategy: Strategy = {
  defaults: defaultReplicationController,
  prepareForCreate: resetStatus,
  prepareForUpdate: keepStatus,
  validate: validateReplicationController,
  validateUpdate: validateReplicationController,
  allowUnconditionalUpdate: true,
};

/** `replicationcontrollers/status`. */
export const replicationControllerStatusStrategy: Strategy = statusStrategy(validateReplicationControllerStatusUpdate);
