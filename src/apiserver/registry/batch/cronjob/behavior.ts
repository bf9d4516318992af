import type { ResourceBehavior } from '../../api-registry.js';
import { cronJobStatusStrategy, cronJobStrategy } from './strategy.js';

/** batch/v1 cronjobs. */
export const cronJobBehavior: ResourceBehavior = {
  group: 'batch',
  version: 'v1',
  resource: 'cronjobs',
  strategy: cronJobStrategy,
  statusStrategy: cronJobStatusStrategy,
  tracksGeneration: true,
};
