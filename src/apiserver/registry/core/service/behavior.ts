import type { ResourceBehavior } from '../../api-registry.js';
import { serviceStatusStrategy, serviceStrategy } from './strategy.js';
import type { ServiceSpec } from './types.js';

/** core/v1 services; field selectors spec.clusterIP and spec.type. */
export const serviceBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'services',
  strategy: serviceStrategy,
  statusStrategy: serviceStatusStrategy,
  fieldsOf: (obj) => {
    const spec = (obj.spec ?? {}) as ServiceSpec;
    return { 'spec.clusterIP': spec.clusterIP ?? '', 'spec.type': spec.type ?? '' };
  },
};
