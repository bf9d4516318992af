import { nameIsValidPathSegment } from '../../../../apimachinery/validation/names.js';
import type { Strategy } from '../../types.js';
import { validateBinding, validateBindingUpdate } from './validation.js';

/** RoleBindings (upstream pkg/registry/rbac/rolebinding): a Role or ClusterRole granted to subjects. */
export const roleBindingStrategy: Strategy = {
  // RBAC names are any valid path segment (`system:node`), not DNS subdomains.
  validateName: nameIsValidPathSegment,
  validate: (obj) => validateBinding(obj, true),
  validateUpdate: (obj, old) => validateBindingUpdate(obj, old, true),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
};
