import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RequestContext } from '../../types.js';
import { eventsV1Fields, eventsV1Strategy, toCoreEvent, type EventsV1Event } from './strategy.js';

const ctx: RequestContext = { namespace: 'a', dryRun: false, user: { name: 'admin', groups: [] }, now: new Date(0) };
const ev = (fields: Partial<EventsV1Event>): EventsV1Event => ({ metadata: { name: 'e', namespace: 'a' }, ...fields });

test('events.k8s.io events are validated strictly, under the core field names', () => {
  const good = ev({
    regarding: { kind: 'Pod', namespace: 'a', name: 'p' },
    eventTime: '2026-01-01T00:00:00.000000Z',
    reportingController: 'example.com/ctl',
    reportingInstance: 'ctl-1',
    action: 'Sync',
    reason: 'Synced',
    type: 'Normal',
    note: 'done',
  });
  assert.deepEqual(eventsV1Strategy.validate!(good, ctx), []);
  assert.deepEqual(
    eventsV1Strategy.validate!(ev({ regarding: { namespace: 'b' }, deprecatedCount: 2 }), ctx).map(String),
    [
      'involvedObject.namespace: Invalid value: "b": does not match event.namespace',
      'eventTime: Required value',
      'type: Invalid value: "": has invalid value: ',
      'count: Invalid value: "": needs to be unset',
    ],
  );
  assert.equal(toCoreEvent(good).message, 'done');
  assert.equal(toCoreEvent(good).reportingComponent, 'example.com/ctl');
});

test('events.k8s.io field selectors use that API field names', () => {
  const f = eventsV1Fields(ev({ regarding: { kind: 'Pod', name: 'p', uid: 'u' }, reportingController: 'kubelet' }));
  assert.equal(f['regarding.uid'], 'u');
  assert.equal(f.reportingController, 'kubelet');
});
