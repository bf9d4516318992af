import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coreEventFields } from './strategy.js';
import { validateEventCreate, validateEventUpdate, type CoreEvent } from './validation.js';

const ev = (ns: string, fields: Partial<CoreEvent>): CoreEvent => ({
  metadata: { name: 'e', namespace: ns },
  ...fields,
});

test('legacy (core/v1) event validation', () => {
  const cases: { name: string; obj: CoreEvent; want: string[] }[] = [
    {
      name: 'namespaces agree',
      obj: ev('a', { involvedObject: { kind: 'Pod', namespace: 'a', name: 'p' } }),
      want: [],
    },
    {
      name: 'namespaces differ',
      obj: ev('a', { involvedObject: { kind: 'Pod', namespace: 'b', name: 'p' } }),
      want: ['involvedObject.namespace: Invalid value: "b": does not match event.namespace'],
    },
    {
      name: 'cluster-scoped object in default',
      obj: ev('default', { involvedObject: { kind: 'Node', name: 'n' } }),
      want: [],
    },
    {
      name: 'cluster-scoped object elsewhere',
      obj: ev('a', { involvedObject: { kind: 'Node', name: 'n' } }),
      want: ['involvedObject.namespace: Invalid value: "": does not match event.namespace'],
    },
    {
      name: 'new-style event needs the reporting fields',
      obj: ev('a', { involvedObject: { namespace: 'a' }, eventTime: '2026-01-01T00:00:00.000000Z' }),
      // Upstream also runs the qualified-name check on the empty controller name.
      want: [
        'reportingController: Required value',
        'reportingController: Invalid value: "": name part must be non-empty',
        "reportingController: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        'reportingInstance: Required value',
        'action: Required value',
        'reason: Required value',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(validateEventCreate(c.obj, false).map(String), c.want, c.name);
});

test('strict (events.k8s.io/v1) event validation', () => {
  const good: Partial<CoreEvent> = {
    involvedObject: { namespace: 'a' },
    eventTime: '2026-01-01T00:00:00.000000Z',
    reportingComponent: 'example.com/ctl',
    reportingInstance: 'ctl-1',
    action: 'Sync',
    reason: 'Synced',
    type: 'Normal',
  };
  assert.deepEqual(validateEventCreate(ev('a', good), true), []);
  assert.deepEqual(
    validateEventCreate(ev('a', { ...good, type: 'Info', count: 3, series: { count: 1 } }), true).map(String),
    [
      'series.count: Invalid value: "": should be at least 2',
      'series.lastObservedTime: Required value',
      'type: Invalid value: "": has invalid value: Info',
      'count: Invalid value: "": needs to be unset',
    ],
  );
  const updated = validateEventUpdate(ev('a', { ...good, reason: 'Other' }), ev('a', good), true).map(String);
  assert.deepEqual(updated, [
    'reason: Invalid value: "Other": field is immutable',
    'reason: Invalid value: "Other": field is immutable',
  ]);
  assert.deepEqual(validateEventUpdate(ev('a', { ...good, reason: 'Other' }), ev('a', good), false), []);
});

test('event field selectors', () => {
  const fields = coreEventFields(
    ev('a', {
      involvedObject: { kind: 'Pod', namespace: 'a', name: 'p', uid: 'u1' },
      reason: 'Started',
      type: 'Normal',
      reportingComponent: 'kubelet',
    }),
  );
  assert.equal(fields['involvedObject.uid'], 'u1');
  assert.equal(fields['involvedObject.fieldPath'], '');
  assert.equal(fields.source, 'kubelet');
  assert.equal(fields.reason, 'Started');
});
