import type { ResourceBehavior } from '../../api-registry.js';
import { EVENT_TTL_SECONDS } from '../../core/event/strategy.js';
import { eventsV1Fields, eventsV1Strategy } from './strategy.js';

/**
 * events.k8s.io/v1 events. Upstream shares storage with core/v1 events (`/registry/events/`); until objects
 * are converted between the two shapes on read, this resource keeps its own key prefix.
 */
export const eventsV1Behavior: ResourceBehavior = {
  group: 'events.k8s.io',
  version: 'v1',
  resource: 'events',
  strategy: eventsV1Strategy,
  ttlSeconds: EVENT_TTL_SECONDS,
  keyPrefix: '/registry/events.k8s.io/events/',
  fieldsOf: eventsV1Fields,
};
