import type { ResourceBehavior } from '../../api-registry.js';
import { mapSelectorScale } from '../pod/workload.js';
import { replicationControllerStatusStrategy, replicationControllerStrategy } from './strategy.js';

/** core/v1 replicationcontrollers, with the scale subresource. */
export const replicationControllerBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'replicationcontrollers',
  strategy: replicationControllerStrategy,
  statusStrategy: replicationControllerStatusStrategy,
  tracksGeneration: true,
  scale: mapSelectorScale,
};
