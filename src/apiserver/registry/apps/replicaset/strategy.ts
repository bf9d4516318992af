/** ReplicaSet strategies (upstream's pkg/registry/apps/replicaset/strategy.go). */
import type { KObject, Strategy } from '../../types.js';
import { defaultPodTemplateSpec } from '../../core/pod/defaults.js';
import { keepStatus, resetStatus, specAt, statusStrategy } from '../../core/pod/workload.js';
import { recordAt } from '../../core/pod/json.js';
import { validateReplicaSet, validateReplicaSetStatus, validateReplicaSetUpdate } from './validation.js';

/** SetDefaults_ReplicaSet: one replica, and the pod template's defaults. */
export function defaultReplicaSet(obj: KObject): void {
  const spec = specAt(obj);
  if (typeof spec.replicas !== 'number') spec.replicas = 1;
  defaultPodTemplateSpec(recordAt(spec, 'template'));
}

/** ReplicaSets through the main resource. */
export const replicaSetStrategy: Strategy = {
  defaults: defaultReplicaSet,
  prepareForCreate: resetStatus,
  prepareForUpdate: keepStatus,
  validate: validateReplicaSet,
  validateUpdate: validateReplicaSetUpdate,
  allowUnconditionalUpdate: true,
};

/** `replicasets/status`. */
export const replicaSetStatusStrategy: Strategy = statusStrategy(validateReplicaSetStatus);
