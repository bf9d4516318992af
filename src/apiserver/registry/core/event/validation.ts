/**
 * Event validation (upstream pkg/apis/core/validation/events.go). Both API shapes are validated as the core
 * shape: core/v1 requests get only the lenient legacy rules, events.k8s.io/v1 requests the strict ones too,
 * and errors name the core fields in both cases, as upstream's do.
 */
import { isDeepStrictEqual } from 'node:util';
import { invalidValue, required, root, type FieldError } from '../../../../apimachinery/field-errors.js';
import { invalidEach, isQualifiedName, validateImmutableField } from '../../../../apimachinery/validation/names.js';
import type { KObject } from '../../types.js';

/** The core/v1 Event fields validation reads. */
export interface CoreEvent extends KObject {
  involvedObject?: Record<string, unknown> & { namespace?: string };
  reason?: string;
  message?: string;
  source?: { component?: string; host?: string };
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  count?: number;
  type?: string;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string | null } | null;
  action?: string;
  related?: unknown;
  reportingComponent?: string;
  reportingInstance?: string;
}

const LIMITS = { reportingInstance: 128, action: 128, reason: 128, message: 1024 } as const;
const bytes = (s: string | undefined) => Buffer.byteLength(s ?? '');

function tooLong(field: keyof typeof LIMITS, value: string | undefined): FieldError[] {
  return bytes(value) > LIMITS[field]
    ? [invalidValue(root(field), '', `can have at most ${LIMITS[field]} characters`)]
    : [];
}

/** legacyValidateEvent: namespace agreement, and for new-style events (eventTime set) the reporting fields. */
export function legacyValidateEvent(ev: CoreEvent): FieldError[] {
  const errs: FieldError[] = [];
  const ns = ev.metadata.namespace ?? '';
  const involvedNs = ev.involvedObject?.namespace ?? '';
  const mismatch = () =>
    invalidValue(root('involvedObject', 'namespace'), involvedNs, 'does not match event.namespace');
  if (!ev.eventTime) {
    // Old clients write cluster-scoped objects' events to "default".
    if (!involvedNs) {
      if (ns !== '' && ns !== 'default') errs.push(mismatch());
    } else if (ns !== involvedNs) errs.push(mismatch());
    return errs;
  }
  if (!involvedNs && ns !== 'default' && ns !== 'kube-system') errs.push(mismatch());
  const controller = ev.reportingComponent ?? '';
  if (!controller) errs.push(required(root('reportingController')));
  errs.push(...invalidEach(root('reportingController'), controller, isQualifiedName(controller)));
  if (!ev.reportingInstance) errs.push(required(root('reportingInstance')));
  errs.push(...tooLong('reportingInstance', ev.reportingInstance));
  if (!ev.action) errs.push(required(root('action')));
  errs.push(...tooLong('action', ev.action));
  if (!ev.reason) errs.push(required(root('reason')));
  errs.push(...tooLong('reason', ev.reason));
  errs.push(...tooLong('message', ev.message));
  return errs;
}

function validateSeries(ev: CoreEvent): FieldError[] {
  if (!ev.series) return [];
  const errs: FieldError[] = [];
  if ((ev.series.count ?? 0) < 2) errs.push(invalidValue(root('series.count'), '', 'should be at least 2'));
  if (!ev.series.lastObservedTime) errs.push(required(root('series.lastObservedTime')));
  return errs;
}

/** ValidateEventCreate; `strict` for events.k8s.io/v1 requests. */
export function validateEventCreate(ev: CoreEvent, strict: boolean): FieldError[] {
  const errs = legacyValidateEvent(ev);
  if (!strict) return errs;
  errs.push(...validateSeries(ev));
  if (!ev.eventTime) errs.push(required(root('eventTime')));
  if (ev.type !== 'Normal' && ev.type !== 'Warning')
    errs.push(invalidValue(root('type'), '', `has invalid value: ${ev.type ?? ''}`));
  if (ev.firstTimestamp) errs.push(invalidValue(root('firstTimestamp'), '', 'needs to be unset'));
  if (ev.lastTimestamp) errs.push(invalidValue(root('lastTimestamp'), '', 'needs to be unset'));
  if (ev.count) errs.push(invalidValue(root('count'), '', 'needs to be unset'));
  if (ev.source?.component || ev.source?.host) errs.push(invalidValue(root('source'), '', 'needs to be unset'));
  return errs;
}

/** ValidateEventUpdate; `strict` for events.k8s.io/v1 requests, which may only change the series. */
export function validateEventUpdate(ev: CoreEvent, old: CoreEvent, strict: boolean): FieldError[] {
  const errs = legacyValidateEvent(ev);
  if (!strict) return errs;
  if (!isDeepStrictEqual(ev.series ?? null, old.series ?? null)) errs.push(...validateSeries(ev));
  const fields: (keyof CoreEvent)[] = [
    'involvedObject',
    'reason',
    'message',
    'source',
    'firstTimestamp',
    'lastTimestamp',
    'count',
    'reason',
    'type',
    'eventTime',
    'action',
    'related',
  ];
  for (const f of fields) errs.push(...validateImmutableField(ev[f], old[f], root(String(f))));
  errs.push(...validateImmutableField(ev.reportingComponent, old.reportingComponent, root('reportingController')));
  errs.push(...validateImmutableField(ev.reportingInstance, old.reportingInstance, root('reportingInstance')));
  return errs;
}
