import type { ResourceBehavior } from '../../api-registry.js';
import { coreEventFields, EVENT_TTL_SECONDS, eventStrategy } from './strategy.js';

/** core/v1 events: expire an hour after their last write; field selectors on involvedObject.*, reason, ... */
export const eventBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'events',
  strategy: eventStrategy,
  ttlSeconds: EVENT_TTL_SECONDS,
  fieldsOf: coreEventFields,
};
