import type { ResourceBehavior } from '../../api-registry.js';
import { podFields, podGracePeriod, podStatusStrategy, podStrategy } from './strategy.js';

/** core/v1 pods: graceful deletion answers with the pod, generation follows spec changes (as of v1.33). */
export const podBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'pods',
  strategy: podStrategy,
  statusStrategy: podStatusStrategy,
  tracksGeneration: true,
  fieldsOf: podFields,
  gracePeriod: podGracePeriod,
  returnDeletedObject: true,
};
