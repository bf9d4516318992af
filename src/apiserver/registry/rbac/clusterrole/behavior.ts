import type { ResourceBehavior } from '../../api-registry.js';
import { clusterRoleStrategy } from './strategy.js';

/** rbac.authorization.k8s.io/v1 clusterroles. */
export const clusterRoleBehavior: ResourceBehavior = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  resource: 'clusterroles',
  strategy: clusterRoleStrategy,
};
