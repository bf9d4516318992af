import type { ResourceBehavior } from '../../api-registry.js';
import { secretStrategy } from './strategy.js';

/** core/v1 secrets; field selector `type`. */
export const secretBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'secrets',
  strategy: secretStrategy,
  fieldsOf: (obj) => ({ type: String(obj.type ?? '') }),
};
