import type { ResourceBehavior } from '../../api-registry.js';
import { hpaStatusStrategy, hpaV1Strategy, hpaV2Strategy } from './strategy.js';

/** autoscaling/v1 horizontalpodautoscalers. */
export const hpaV1Behavior: ResourceBehavior = {
  group: 'autoscaling',
  version: 'v1',
  resource: 'horizontalpodautoscalers',
  strategy: hpaV1Strategy,
  statusStrategy: hpaStatusStrategy,
};

/**
 * autoscaling/v2 horizontalpodautoscalers. Upstream stores both versions as one object; until objects are
 * converted between versions on read, each version keeps its own key prefix.
 */
export const hpaV2Behavior: ResourceBehavior = {
  group: 'autoscaling',
  version: 'v2',
  resource: 'horizontalpodautoscalers',
  strategy: hpaV2Strategy,
  statusStrategy: hpaStatusStrategy,
  keyPrefix: '/registry/autoscaling/v2/horizontalpodautoscalers/',
};
