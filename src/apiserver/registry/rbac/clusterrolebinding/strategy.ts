import type { Strategy } from '../../types.js';
import { validateBinding, validateBindingUpdate } from '../rolebinding/validation.js';

/** ClusterRoleBindings (upstream pkg/registry/rbac/clusterrolebinding): ClusterRoles only; subjects' namespaces required. */
export const clusterRoleBindingStrategy: Strategy = {
  validate: (obj) => validateBinding(obj, false),
  validateUpdate: (obj, old) => validateBindingUpdate(obj, old, false),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
};
