import type { ResourceBehavior } from '../../api-registry.js';
import { ingressClassStrategy } from './strategy.js';

/** networking.k8s.io/v1 ingressclasses (cluster-scoped). */
export const ingressClassBehavior: ResourceBehavior = {
  group: 'networking.k8s.io',
  version: 'v1',
  resource: 'ingressclasses',
  strategy: ingressClassStrategy,
  tracksGeneration: true,
};
