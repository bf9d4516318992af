import type { ResourceBehavior } from '../../api-registry.js';
import { priorityClassStrategy } from './strategy.js';

/** scheduling.k8s.io/v1 priorityclasses (cluster-scoped). */
export const priorityClassBehavior: ResourceBehavior = {
  group: 'scheduling.k8s.io',
  version: 'v1',
  resource: 'priorityclasses',
  strategy: priorityClassStrategy,
};
