import type { ResourceBehavior } from '../../api-registry.js';
import { roleBindingStrategy } from './strategy.js';

/** rbac.authorization.k8s.io/v1 rolebindings. */
export const roleBindingBehavior: ResourceBehavior = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  resource: 'rolebindings',
  strategy: roleBindingStrategy,
};
