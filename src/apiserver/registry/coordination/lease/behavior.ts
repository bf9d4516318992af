import type { ResourceBehavior } from '../../api-registry.js';
import { leaseStrategy } from './strategy.js';

/** coordination.k8s.io/v1 leases. */
export const leaseBehavior: ResourceBehavior = {
  group: 'coordination.k8s.io',
  version: 'v1',
  resource: 'leases',
  strategy: leaseStrategy,
};
