import type { ResourceBehavior } from '../../api-registry.js';
import { controllerRevisionStrategy } from './strategy.js';

/** apps/v1 controllerrevisions. */
export const controllerRevisionBehavior: ResourceBehavior = {
  group: 'apps',
  version: 'v1',
  resource: 'controllerrevisions',
  strategy: controllerRevisionStrategy,
};
