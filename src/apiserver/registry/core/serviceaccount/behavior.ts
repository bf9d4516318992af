import type { ResourceBehavior } from '../../api-registry.js';
import { serviceAccountStrategy } from './strategy.js';

/** core/v1 serviceaccounts. */
export const serviceAccountBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'serviceaccounts',
  strategy: serviceAccountStrategy,
};
