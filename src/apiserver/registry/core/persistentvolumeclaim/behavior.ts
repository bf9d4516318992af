import type { ResourceBehavior } from '../../api-registry.js';
import { persistentVolumeClaimStatusStrategy, persistentVolumeClaimStrategy } from './strategy.js';

/** core/v1 persistentvolumeclaims. */
export const persistentVolumeClaimBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'persistentvolumeclaims',
  strategy: persistentVolumeClaimStrategy,
  statusStrategy: persistentVolumeClaimStatusStrategy,
  // Upstream keeps this legacy alias of metadata.name.
  fieldsOf: (obj) => ({ name: obj.metadata.name ?? '' }),
};
