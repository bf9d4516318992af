import type { ResourceBehavior } from '../../api-registry.js';
import { labelSelectorScale } from '../../core/pod/workload.js';
import { replicaSetStatusStrategy, replicaSetStrategy } from './strategy.js';

/** apps/v1 replicasets, with the scale subresource. */
export const replicaSetBehavior: ResourceBehavior = {
  group: 'apps',
  version: 'v1',
  resource: 'replicasets',
  strategy: replicaSetStrategy,
  statusStrategy: replicaSetStatusStrategy,
  tracksGeneration: true,
  scale: labelSelectorScale,
};
