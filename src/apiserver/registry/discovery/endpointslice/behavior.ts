import type { ResourceBehavior } from '../../api-registry.js';
import { endpointSliceStrategy } from './strategy.js';

/** discovery.k8s.io/v1 endpointslices. */
export const endpointSliceBehavior: ResourceBehavior = {
  group: 'discovery.k8s.io',
  version: 'v1',
  resource: 'endpointslices',
  strategy: endpointSliceStrategy,
  tracksGeneration: true,
};
