/** core/v1 Events (upstream pkg/registry/core/event): lenient legacy validation, kept for an hour. */
import type { KObject, Strategy } from '../../types.js';
import { validateEventCreate, validateEventUpdate, type CoreEvent } from './validation.js';

/** How long an event lives after its last write (the apiserver's --event-ttl default). */
export const EVENT_TTL_SECONDS = 3600;

export const eventStrategy: Strategy = {
  validate: (obj) => validateEventCreate(obj as CoreEvent, false),
  validateUpdate: (obj, old) => validateEventUpdate(obj as CoreEvent, old as CoreEvent, false),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
};

/** Field-selector fields of a core/v1 event (upstream's ToSelectableFields). */
export function coreEventFields(obj: KObject): Record<string, string> {
  const ev = obj as CoreEvent;
  const io = (ev.involvedObject ?? {}) as Record<string, unknown>;
  const s = (k: string) => (io[k] === undefined || io[k] === null ? '' : String(io[k]));
  return {
    'involvedObject.kind': s('kind'),
    'involvedObject.namespace': s('namespace'),
    'involvedObject.name': s('name'),
    'involvedObject.uid': s('uid'),
    'involvedObject.apiVersion': s('apiVersion'),
    'involvedObject.resourceVersion': s('resourceVersion'),
    'involvedObject.fieldPath': s('fieldPath'),
    reason: ev.reason ?? '',
    reportingComponent: ev.reportingComponent ?? '',
    // New-style events have no source; the reporting controller stands in for it.
    source: ev.source?.component || ev.reportingComponent || '',
    type: ev.type ?? '',
  };
}
