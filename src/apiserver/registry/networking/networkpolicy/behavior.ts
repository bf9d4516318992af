import type { ResourceBehavior } from '../../api-registry.js';
import { networkPolicyStrategy } from './strategy.js';

/** networking.k8s.io/v1 networkpolicies. */
export const networkPolicyBehavior: ResourceBehavior = {
  group: 'networking.k8s.io',
  version: 'v1',
  resource: 'networkpolicies',
  strategy: networkPolicyStrategy,
  tracksGeneration: true,
};
