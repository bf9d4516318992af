import type { ResourceBehavior } from './api-registry.js';

/** Everything that is not a workload: namespaces, services, config, RBAC, networking, policy, storage, ... */
export function clusterBehaviors(): ResourceBehavior[] {
  return [];
}
