import type { Strategy } from '../../types.js';
import { validateConfigMap, validateConfigMapUpdate } from './validation.js';

/** ConfigMaps (upstream pkg/registry/core/configmap): data keys, size, `immutable`. */
export const configMapStrategy: Strategy = {
  validate: (obj) => validateConfigMap(obj),
  validateUpdate: (obj, old) => validateConfigMapUpdate(obj, old),
  allowUnconditionalUpdate: true,
};
