import { isDeepStrictEqual } from 'node:util';
import type { ResourceBehavior } from '../../api-registry.js';
import { labelSelectorScale } from '../../core/pod/workload.js';
import { deploymentStatusStrategy, deploymentStrategy } from './strategy.js';

/** apps/v1 deployments, with the scale subresource. */
export const deploymentBehavior: ResourceBehavior = {
  group: 'apps',
  version: 'v1',
  resource: 'deployments',
  strategy: deploymentStrategy,
  statusStrategy: deploymentStatusStrategy,
  tracksGeneration: true,
  // Rollback and change-cause annotations are part of a rollout: upstream bumps generation for them too.
  bumpsGeneration: (obj, old) => !isDeepStrictEqual(obj.metadata.annotations ?? {}, old.metadata.annotations ?? {}),
  scale: labelSelectorScale,
};
