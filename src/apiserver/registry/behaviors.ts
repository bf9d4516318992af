import type { ResourceBehavior } from './api-registry.js';

/**
 * Every resource's behaviour (strategy, status strategy, field selectors, scale, ...). A resource of the schema
 * without an entry here is served with defaults. One line per resource; the behaviours live beside their
 * resource under registry/<group>/<resource>/.
 */
export function resourceBehaviors(): ResourceBehavior[] {
  return [];
}
