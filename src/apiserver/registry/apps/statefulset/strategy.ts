/** StatefulSet strategies (upstream's pkg/registry/apps/statefulset/strategy.go). */
import type { Strategy } from '../../types.js';
import { keepStatus, resetStatus, statusStrategy } from '../../core/pod/workload.js';
import { defaultStatefulSet } from './defaults.js';
import { validateStatefulSet, validateStatefulSetStatusUpdate, validateStatefulSetUpdate } from './validation.js';

/** StatefulSets through the main resource. */
export const statefulSetStrategy: Strategy = {
  defaults: defaultStatefulSet,
  prepareForCreate: resetStatus,
  prepareForUpdate: keepStatus,
  validate: validateStatefulSet,
  validateUpdate: validateStatefulSetUpdate,
  allowUnconditionalUpdate: true,
};

/** `statefulsets/status`. */
export const statefulSetStatusStrategy: Strategy = statusStrategy(validateStatefulSetStatusUpdate);
