import { nameIsValidPathSegment } from '../../../../apimachinery/validation/names.js';
import type { Strategy } from '../../types.js';
import { validateBinding, validateBindingUpdate } from '../rolebinding/validation.js';

/** ClusterRoleBindings (upstream pkg/registry/rbac/clusterrolebinding): ClusterRoles only; subjects' namespaces required. */
export const clusterRoleBindingStrategy: Strategy = {
  // RBAC names are any valid path segment (`system:node`), not DNS subdomains.
  validateName: nameIsValidPathSegment,
  validate: (obj) => validateBinding(obj, false),
  validateUpdate: (obj, old) => validateBindingUpdate(obj, old, false),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
};
