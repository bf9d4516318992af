/**
 * events.k8s.io/v1 Events. Upstream stores them as the same objects as core/v1 events and validates them as
 * such, strictly: here the object is mapped to the core shape for validation only, so the messages name the
 * core fields exactly as upstream's do.
 */
import type { KObject, Strategy } from '../../types.js';
import { validateEventCreate, validateEventUpdate, type CoreEvent } from '../../core/event/validation.js';

/** The events.k8s.io/v1 shape of an event, as plain JSON. */
export interface EventsV1Event extends KObject {
  regarding?: Record<string, unknown>;
  related?: unknown;
  note?: string;
  reason?: string;
  type?: string;
  action?: string;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string | null } | null;
  reportingController?: string;
  reportingInstance?: string;
  deprecatedSource?: { component?: string; host?: string };
  deprecatedFirstTimestamp?: string | null;
  deprecatedLastTimestamp?: string | null;
  deprecatedCount?: number;
}

/** The core/v1 view of an events.k8s.io/v1 event (upstream's conversion between the two). */
export function toCoreEvent(ev: EventsV1Event): CoreEvent {
  return {
    metadata: ev.metadata,
    involvedObject: ev.regarding as CoreEvent['involvedObject'],
    related: ev.related,
    message: ev.note,
    reason: ev.reason,
    type: ev.type,
    action: ev.action,
    eventTime: ev.eventTime,
    series: ev.series,
    reportingComponent: ev.reportingController,
    reportingInstance: ev.reportingInstance,
    source: ev.deprecatedSource,
    firstTimestamp: ev.deprecatedFirstTimestamp,
    lastTimestamp: ev.deprecatedLastTimestamp,
    count: ev.deprecatedCount,
  };
}

export const eventsV1Strategy: Strategy = {
  validate: (obj) => validateEventCreate(toCoreEvent(obj as EventsV1Event), true),
  validateUpdate: (obj, old) =>
    validateEventUpdate(toCoreEvent(obj as EventsV1Event), toCoreEvent(old as EventsV1Event), true),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
};

/** Field-selector fields of an events.k8s.io/v1 event, under that API's field names. */
export function eventsV1Fields(obj: KObject): Record<string, string> {
  const ev = obj as EventsV1Event;
  const r = ev.regarding ?? {};
  const s = (k: string) => (r[k] === undefined || r[k] === null ? '' : String(r[k]));
  const out: Record<string, string> = {
    reason: ev.reason ?? '',
    reportingController: ev.reportingController ?? '',
    type: ev.type ?? '',
  };
  for (const k of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'])
    out[`regarding.${k}`] = s(k);
  return out;
}
