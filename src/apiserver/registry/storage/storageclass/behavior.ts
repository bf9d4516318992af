import type { ResourceBehavior } from '../../api-registry.js';
import { storageClassStrategy } from './strategy.js';

/** storage.k8s.io/v1 storageclasses (cluster-scoped). */
export const storageClassBehavior: ResourceBehavior = {
  group: 'storage.k8s.io',
  version: 'v1',
  resource: 'storageclasses',
  strategy: storageClassStrategy,
};
