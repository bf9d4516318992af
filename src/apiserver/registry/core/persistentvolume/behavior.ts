import type { ResourceBehavior } from '../../api-registry.js';
import { persistentVolumeStatusStrategy, persistentVolumeStrategy } from './strategy.js';

/** core/v1 persistentvolumes (cluster-scoped). */
export const persistentVolumeBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'persistentvolumes',
  strategy: persistentVolumeStrategy,
  statusStrategy: persistentVolumeStatusStrategy,
  // Upstream keeps this legacy alias of metadata.name.
  fieldsOf: (obj) => ({ name: obj.metadata.name ?? '' }),
};
