import type { ResourceBehavior } from '../../api-registry.js';
import { podDisruptionBudgetStatusStrategy, podDisruptionBudgetStrategy } from './strategy.js';

/** policy/v1 poddisruptionbudgets. */
export const podDisruptionBudgetBehavior: ResourceBehavior = {
  group: 'policy',
  version: 'v1',
  resource: 'poddisruptionbudgets',
  strategy: podDisruptionBudgetStrategy,
  statusStrategy: podDisruptionBudgetStatusStrategy,
  tracksGeneration: true,
};
