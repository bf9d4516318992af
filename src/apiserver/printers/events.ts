/**
 * Event tables, for core/v1 events and events.k8s.io/v1 events alike: upstream stores both as one internal kind
 * and prints them with one printer, so an events.k8s.io event is first read into the core field names
 * (regarding → involvedObject, note → message, deprecated* → the old fields).
 */
import type { KObject } from '../registry/types.js';
import { asRecord, num, str, timestampMs, timestampSince } from './format.js';
import { col, type TablePrinter } from './table.js';

/** The fields the event table shows, named as in core/v1. */
interface EventView {
  name: string;
  type: string;
  reason: string;
  message: string;
  involvedObject: Record<string, unknown>;
  source: Record<string, unknown>;
  reportingController: string;
  reportingInstance: string;
  firstTimestamp: unknown;
  lastTimestamp: unknown;
  eventTime: unknown;
  count: number;
  series?: Record<string, unknown>;
}

const seriesOf = (v: unknown) => (v === undefined || v === null ? undefined : asRecord(v));

/** A core/v1 Event (its reporting controller is spelled `reportingComponent` on the wire). */
function coreEventView(ev: KObject): EventView {
  return {
    name: ev.metadata.name ?? '',
    type: str(ev.type),
    reason: str(ev.reason),
    message: str(ev.message),
    involvedObject: asRecord(ev.involvedObject),
    source: asRecord(ev.source),
    reportingController: str(ev.reportingComponent),
    reportingInstance: str(ev.reportingInstance),
    firstTimestamp: ev.firstTimestamp,
    lastTimestamp: ev.lastTimestamp,
    eventTime: ev.eventTime,
    count: num(ev.count),
    series: seriesOf(ev.series),
  };
}

/** An events.k8s.io/v1 Event read as the core fields it converts to. */
function eventsV1View(ev: KObject): EventView {
  return {
    name: ev.metadata.name ?? '',
    type: str(ev.type),
    reason: str(ev.reason),
    message: str(ev.note),
    involvedObject: asRecord(ev.regarding),
    source: asRecord(ev.deprecatedSource),
    reportingController: str(ev.reportingController),
    reportingInstance: str(ev.reportingInstance),
    firstTimestamp: ev.deprecatedFirstTimestamp,
    lastTimestamp: ev.deprecatedLastTimestamp,
    eventTime: ev.eventTime,
    count: num(ev.deprecatedCount),
    series: seriesOf(ev.series),
  };
}

/** `component, host`, falling back to the reporting controller and instance (formatEventSource). */
function formatSource(e: EventView): string {
  const component = str(e.source.component) || e.reportingController;
  const instance = str(e.source.host) || e.reportingInstance;
  return instance === '' ? component : `${component}, ${instance}`;
}

/** The cells of one event, from its core view. */
function eventCells(e: EventView, now: Date): unknown[] {
  const firstTimestamp =
    timestampMs(e.firstTimestamp) !== undefined
      ? timestampSince(e.firstTimestamp, now)
      : timestampSince(e.eventTime, now);
  let lastTimestamp =
    timestampMs(e.lastTimestamp) !== undefined ? timestampSince(e.lastTimestamp, now) : firstTimestamp;
  let count = e.count;
  if (e.series) {
    lastTimestamp = timestampSince(e.series.lastObservedTime, now);
    count = num(e.series.count);
  } else if (count === 0) {
    count = 1; // events of the new API are singletons without a count
  }
  const kind = str(e.involvedObject.kind).toLowerCase();
  const name = str(e.involvedObject.name);
  return [
    lastTimestamp,
    e.type,
    e.reason,
    name === '' ? kind : `${kind}/${name}`,
    str(e.involvedObject.fieldPath),
    formatSource(e),
    e.message.trim(),
    firstTimestamp,
    count,
    e.name,
  ];
}

const eventColumns = [
  col('Last Seen', 'How long ago the event last happened.'),
  col('Type', 'Normal or Warning.'),
  col('Reason', 'A short machine-readable word for why the event happened.'),
  col('Object', 'The kind/name of the object the event is about.'),
  col('Subobject', 'The part of the object the event is about, e.g. a container.', 1),
  col('Source', 'The component, and host, that reported the event.', 1),
  col('Message', 'What happened, for humans.'),
  col('First Seen', 'How long ago the event first happened.', 1),
  col('Count', 'How many times the event happened.', 1),
  col('Name', 'The name of the event object.', 1, 'string', 'name'),
];

/** core/v1 events: LAST SEEN TYPE REASON OBJECT MESSAGE; wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME. */
export const eventPrinter: TablePrinter = {
  columns: eventColumns,
  cells: (ev, now) => eventCells(coreEventView(ev), now),
};

/** events.k8s.io events: the same table as core events. */
export const eventsV1Printer: TablePrinter = {
  columns: eventColumns,
  cells: (ev, now) => eventCells(ev.apiVersion === 'v1' ? coreEventView(ev) : eventsV1View(ev), now),
};
