import type { ResourceBehavior } from '../../api-registry.js';
import { resourceQuotaStatusStrategy, resourceQuotaStrategy } from './strategy.js';

/** core/v1 resourcequotas, with the status subresource the quota controller writes. */
export const resourceQuotaBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'resourcequotas',
  strategy: resourceQuotaStrategy,
  statusStrategy: resourceQuotaStatusStrategy,
};
