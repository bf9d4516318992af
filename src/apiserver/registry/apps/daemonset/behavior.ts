import type { ResourceBehavior } from '../../api-registry.js';
import { daemonSetStatusStrategy, daemonSetStrategy } from './strategy.js';

/** apps/v1 daemonsets. */
export const daemonSetBehavior: ResourceBehavior = {
  group: 'apps',
  version: 'v1',
  resource: 'daemonsets',
  strategy: daemonSetStrategy,
  statusStrategy: daemonSetStatusStrategy,
  tracksGeneration: true,
};
