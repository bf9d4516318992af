/**
 * events.k8s.io/v1: Event, the newer shape of core/v1 Event (same storage; different field names).
 *
 * Field numbers, JSON names, Go field order and patch/list metadata follow upstream `k8s.io/api/events/v1`;
 * descriptions are our own.
 */

import { field, inline, int32, kind, microTime, string, struct, time, type KindDef, type StructType } from './dsl.js';
import { EventSource } from './core-v1-cluster.js';
import { ObjectReference } from './core-v1-config.js';
import { ObjectMeta, TypeMeta } from './meta-v1.js';

export const Event: StructType = struct(
  'io.k8s.api.events.v1.Event',
  'A report of something that happened to an object, emitted by a controller.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.', { omitempty: false }),
    eventTime: field(2, microTime, 'When the event was first observed.', { required: true }),
    series: field(3, () => EventSeries, 'Data about a series of repeated events.', { pointer: true }),
    reportingController: field(4, string, 'Controller that emitted the event, e.g. kubernetes.io/kubelet.'),
    reportingInstance: field(5, string, 'ID of the controller instance that emitted the event.'),
    action: field(6, string, 'What was done or failed on the regarding object.'),
    reason: field(7, string, 'Machine-readable reason for the action.'),
    regarding: field(8, () => ObjectReference, 'The object the event is about.'),
    related: field(9, () => ObjectReference, 'A secondary object involved in the event.', { pointer: true }),
    note: field(10, string, 'Human-readable description of what happened.'),
    type: field(11, string, 'Normal or Warning.'),
    deprecatedSource: field(12, () => EventSource, 'Deprecated; the core/v1 source of the event.'),
    deprecatedFirstTimestamp: field(13, time, 'Deprecated; the core/v1 firstTimestamp.'),
    deprecatedLastTimestamp: field(14, time, 'Deprecated; the core/v1 lastTimestamp.'),
    deprecatedCount: field(15, int32, 'Deprecated; the core/v1 count.'),
  },
);

export const EventSeries: StructType = struct(
  'io.k8s.api.events.v1.EventSeries',
  'A series of similar events, summarised by a count and the last time seen.',
  {
    count: field(1, int32, 'Number of occurrences in the series so far.', { required: true }),
    lastObservedTime: field(2, microTime, 'When the last occurrence was observed.', { required: true }),
  },
);

/** events.k8s.io/v1 kinds. */
export const eventsV1Kinds: readonly KindDef[] = [
  kind(Event, {
    group: 'events.k8s.io',
    version: 'v1',
    kind: 'Event',
    plural: 'events',
    shortNames: ['ev'],
  }),
];
