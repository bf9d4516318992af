import type { ResourceBehavior } from '../../api-registry.js';
import { endpointsStrategy } from './strategy.js';

/** core/v1 endpoints. */
export const endpointsBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'endpoints',
  strategy: endpointsStrategy,
};
