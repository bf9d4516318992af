import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Event, eventsV1Kinds } from './events-v1.js';
import { findUnknownFields } from './fields.js';
import { decodeProtobufMessage } from './protobuf.js';
import { buildSchemaRegistry } from './registry.js';
import { assertOpenAPIServes, assertResources } from './testdata/served-group.js';

const registry = buildSchemaRegistry();

test('events.k8s.io/v1 Event registers with upstream discovery metadata', () => {
  assertResources(registry, eventsV1Kinds, [
    { kind: 'Event', plural: 'events', singular: 'event', namespaced: true, shortNames: ['ev'] },
  ]);
  assert.notEqual(registry.lookup('v1', 'Event')!.schema, Event, 'core/v1 Event is a different shape');
});

test('events.k8s.io/v1 OpenAPI v3 serves Event with a PATCH operation listing fieldValidation', () => {
  assertOpenAPIServes(registry, eventsV1Kinds);
});

test('an empty events.k8s.io Event decodes like Go marshals the zero value', () => {
  assert.equal(
    JSON.stringify(decodeProtobufMessage(new Uint8Array(), Event)),
    JSON.stringify({
      metadata: { creationTimestamp: null },
      eventTime: null,
      regarding: {},
      deprecatedSource: {},
      deprecatedFirstTimestamp: null,
      deprecatedLastTimestamp: null,
    }),
  );
});

test('events.k8s.io Event uses its own field names, not core/v1 ones', () => {
  const obj = {
    eventTime: '2024-01-01T00:00:00.000000Z',
    series: { count: 2, lastObservedTime: '2024-01-01T00:00:01.000000Z' },
    reportingController: 'k8ts.io/scheduler',
    reportingInstance: 'sched-1',
    action: 'Binding',
    reason: 'Scheduled',
    regarding: { kind: 'Pod', name: 'p' },
    note: 'assigned',
    type: 'Normal',
    involvedObject: {},
    message: 'x',
  };
  assert.deepEqual(findUnknownFields(obj, Event), ['involvedObject', 'message']);
});
