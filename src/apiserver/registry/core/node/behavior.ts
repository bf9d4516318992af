import type { ResourceBehavior } from '../../api-registry.js';
import { nodeStatusStrategy, nodeStrategy, unschedulableField } from './strategy.js';

/** core/v1 nodes; field selector spec.unschedulable. */
export const nodeBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'nodes',
  strategy: nodeStrategy,
  statusStrategy: nodeStatusStrategy,
  fieldsOf: (obj) => ({ 'spec.unschedulable': unschedulableField(obj) }),
};
