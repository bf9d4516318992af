import type { ResourceBehavior } from '../../api-registry.js';
import { jobFields, jobStatusStrategy, jobStrategy } from './strategy.js';

/** batch/v1 jobs. */
export const jobBehavior: ResourceBehavior = {
  group: 'batch',
  version: 'v1',
  resource: 'jobs',
  strategy: jobStrategy,
  statusStrategy: jobStatusStrategy,
  tracksGeneration: true,
  fieldsOf: jobFields,
};
