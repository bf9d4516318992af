import type { ResourceBehavior } from '../../api-registry.js';
import { namespaceStatusStrategy, namespaceStrategy } from './strategy.js';

/** core/v1 namespaces: phase and name label management, pending deletion; field selector status.phase. */
export const namespaceBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'namespaces',
  strategy: namespaceStrategy,
  statusStrategy: namespaceStatusStrategy,
  fieldsOf: (obj) => ({
    'status.phase': String((obj.status as { phase?: string } | undefined)?.phase ?? ''),
    // Upstream keeps this legacy alias of metadata.name for backward compatibility.
    name: obj.metadata.name ?? '',
  }),
};
