import type { ResourceBehavior } from './api-registry.js';
import { workloadBehaviors } from './behaviors-workloads.js';
import { clusterBehaviors } from './behaviors-cluster.js';

/**
 * Every resource's behaviour (strategy, status strategy, field selectors, scale, ...). A resource of the schema
 * without an entry here is served with defaults. The behaviours live beside their resource under
 * registry/<group>/<resource>/; the two lists below collect them.
 */
export function resourceBehaviors(): ResourceBehavior[] {
  return [...workloadBehaviors(), ...clusterBehaviors()];
}
