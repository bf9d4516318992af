import type { ResourceBehavior } from '../../api-registry.js';
import { roleStrategy } from './strategy.js';

/** rbac.authorization.k8s.io/v1 roles. */
export const roleBehavior: ResourceBehavior = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  resource: 'roles',
  strategy: roleStrategy,
};
