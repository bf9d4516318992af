import type { ResourceBehavior } from '../../api-registry.js';
import { configMapStrategy } from './strategy.js';

/** core/v1 configmaps. */
export const configMapBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'configmaps',
  strategy: configMapStrategy,
};
