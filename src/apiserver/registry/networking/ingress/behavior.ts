import type { ResourceBehavior } from '../../api-registry.js';
import { ingressStatusStrategy, ingressStrategy } from './strategy.js';

/** networking.k8s.io/v1 ingresses. */
export const ingressBehavior: ResourceBehavior = {
  group: 'networking.k8s.io',
  version: 'v1',
  resource: 'ingresses',
  strategy: ingressStrategy,
  statusStrategy: ingressStatusStrategy,
  tracksGeneration: true,
};
