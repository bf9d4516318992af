import type { ResourceBehavior } from '../../api-registry.js';
import { limitRangeStrategy } from './strategy.js';

/** core/v1 limitranges. */
export const limitRangeBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'limitranges',
  strategy: limitRangeStrategy,
};
