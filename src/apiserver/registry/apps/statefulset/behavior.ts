import type { ResourceBehavior } from '../../api-registry.js';
import { labelSelectorScale } from '../../core/pod/workload.js';
import { statefulSetStatusStrategy, statefulSetStrategy } from './strategy.js';

/** apps/v1 statefulsets, with the scale subresource. */
export const statefulSetBehavior: ResourceBehavior = {
  group: 'apps',
  version: 'v1',
  resource: 'statefulsets',
  strategy: statefulSetStrategy,
  statusStrategy: statefulSetStatusStrategy,
  tracksGeneration: true,
  scale: labelSelectorScale,
};
