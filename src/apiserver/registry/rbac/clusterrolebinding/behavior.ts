import type { ResourceBehavior } from '../../api-registry.js';
import { clusterRoleBindingStrategy } from './strategy.js';

/** rbac.authorization.k8s.io/v1 clusterrolebindings. */
export const clusterRoleBindingBehavior: ResourceBehavior = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  resource: 'clusterrolebindings',
  strategy: clusterRoleBindingStrategy,
};
