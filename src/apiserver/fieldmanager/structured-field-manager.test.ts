import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coreV1Kinds } from '../../api/schema/core-v1.js';
import { appsV1Kinds } from '../../api/schema/apps-v1.js';
import type { KindDef } from '../../api/schema/dsl.js';
import type { ManagedFieldsEntry } from '../../apimachinery/meta.js';
import { StatusError } from '../../apimachinery/errors.js';
import type { KObject } from '../registry/types.js';
import type { ManagerContext } from './interface.js';
import { StructuredFieldManager } from './structured-field-manager.js';

const kindOf = (kinds: readonly KindDef[], kind: string) => kinds.find((k) => k.gvk.kind === kind)!;
const CM = kindOf(coreV1Kinds, 'ConfigMap');
const DEPLOY = kindOf(appsV1Kinds, 'Deployment');
const T0 = new Date('2024-05-01T10:00:00Z');
const T1 = new Date('2024-05-01T11:00:00Z');

function ctx(manager: string, o: Partial<ManagerContext & { force: boolean }> = {}): ManagerContext & { force: boolean } {
  return { kind: CM, manager, subresource: '', now: T0, force: false, ...o };
}

const configMap = (data: Record<string, string>, extra: Partial<KObject['metadata']> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'c', namespace: 'ns', ...extra },
  data,
});

/** What the store adds on create: the object now exists. */
const persisted = (o: KObject): KObject => ({ ...o, metadata: { ...o.metadata, uid: 'uid-1', resourceVersion: '1', creationTimestamp: '2024-05-01T10:00:00Z' } });

const summary = (o: KObject) =>
  (o.metadata.managedFields ?? []).map((e) => ({ manager: e.manager, operation: e.operation, ...(e.subresource ? { subresource: e.subresource } : {}), fieldsV1: e.fieldsV1 }));

function statusOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  assert.fail('expected a StatusError');
}

test('update records a create by its manager, without server-owned metadata', () => {
  const fm = new StructuredFieldManager();
  const obj = configMap({ a: '1' }, { labels: { app: 'x' }, creationTimestamp: null, resourceVersion: '' });
  fm.update(obj, undefined, ctx('kubectl-create'));
  assert.deepEqual(obj.metadata.managedFields, [
    {
      manager: 'kubectl-create',
      operation: 'Update',
      apiVersion: 'v1',
      time: '2024-05-01T10:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:data': { '.': {}, 'f:a': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } },
    },
  ]);
});

test('update moves changed fields to the new manager and merges repeated updates', () => {
  const fm = new StructuredFieldManager();
  const created = configMap({ a: '1', b: '1' });
  fm.update(created, undefined, ctx('alice'));
  const live = persisted(created);
  const next = structuredClone(live);
  next.data = { a: '2', b: '1' };
  fm.update(next, live, ctx('bob', { now: T1 }));
  assert.deepEqual(summary(next), [
    { manager: 'alice', operation: 'Update', fieldsV1: { 'f:data': { '.': {}, 'f:b': {} } } },
    { manager: 'bob', operation: 'Update', fieldsV1: { 'f:data': { 'f:a': {} } } },
  ]);
  assert.equal(next.metadata.managedFields![1]!.time, '2024-05-01T11:00:00Z');
  // A write that changes nothing keeps the time; one that changes something merges into the same entry.
  const again = structuredClone(next);
  fm.update(again, next, ctx('bob', { now: new Date('2024-05-02T00:00:00Z') }));
  assert.equal(again.metadata.managedFields![1]!.time, '2024-05-01T11:00:00Z');
  const more = structuredClone(next);
  more.data = { a: '2', b: '1', c: '3' };
  fm.update(more, next, ctx('bob', { now: new Date('2024-05-02T00:00:00Z') }));
  assert.deepEqual(more.metadata.managedFields![1]!.fieldsV1, { 'f:data': { 'f:a': {}, 'f:c': {} } });
  assert.equal(more.metadata.managedFields![1]!.time, '2024-05-02T00:00:00Z');
});

test('managedFields sent by the client: honoured when valid, reset by [] or [{}], ignored when invalid', () => {
  const fm = new StructuredFieldManager();
  const created = configMap({ a: '1' });
  fm.update(created, undefined, ctx('alice'));
  const live = persisted(created);
  const edited: ManagedFieldsEntry[] = [
    { manager: 'someone-else', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } },
  ];
  const cases: { name: string; sent: unknown; want: { manager?: string; operation?: string }[] }[] = [
    { name: 'valid entries replace the live ones', sent: edited, want: [{ manager: 'someone-else', operation: 'Apply' }] },
    { name: 'absent keeps the live ones', sent: undefined, want: [{ manager: 'alice', operation: 'Update' }] },
    { name: 'invalid keeps the live ones', sent: [{ manager: 'x', operation: 'Bogus' }], want: [{ manager: 'alice', operation: 'Update' }] },
    { name: 'an empty list resets', sent: [], want: [] },
    { name: 'one empty entry resets', sent: [{}], want: [] },
  ];
  for (const c of cases) {
    const next = structuredClone(live);
    next.metadata.managedFields = c.sent as ManagedFieldsEntry[] | undefined;
    fm.update(next, live, ctx('bob'));
    assert.deepEqual((next.metadata.managedFields ?? []).map((e) => ({ manager: e.manager, operation: e.operation })), c.want, c.name);
  }
  // An untracked object stays untracked on update (upstream tracks it again from its next apply).
  const untracked = persisted(configMap({ a: '1' }));
  const changed = structuredClone(untracked);
  changed.data = { a: '2' };
  fm.update(changed, untracked, ctx('bob'));
  assert.equal(changed.metadata.managedFields, undefined);
});

test('status is tracked on the status subresource only', () => {
  const fm = new StructuredFieldManager();
  const d: KObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 1 }, status: { replicas: 5 } };
  fm.update(d, undefined, ctx('creator', { kind: DEPLOY }));
  assert.deepEqual(summary(d), [{ manager: 'creator', operation: 'Update', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }]);
  const live = persisted(d);
  const s = structuredClone(live);
  s.spec = { replicas: 9 };
  s.status = { replicas: 1, readyReplicas: 1 };
  fm.update(s, live, ctx('controller', { kind: DEPLOY, subresource: 'status' }));
  assert.deepEqual(summary(s), [
    { manager: 'controller', operation: 'Update', subresource: 'status', fieldsV1: { 'f:status': { 'f:readyReplicas': {}, 'f:replicas': {} } } },
    { manager: 'creator', operation: 'Update', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
  ]);
});

test('apply creates, conflicts with exact upstream messages, and force takes ownership', () => {
  const fm = new StructuredFieldManager();
  const created = fm.apply(undefined, configMap({ a: '1', b: '1' }), ctx('alice'));
  assert.deepEqual(created, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'c',
      namespace: 'ns',
      managedFields: [
        { manager: 'alice', operation: 'Apply', apiVersion: 'v1', time: '2024-05-01T10:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } } },
      ],
    },
    data: { a: '1', b: '1' },
  });
  const live = persisted(created);
  const one = statusOf(() => fm.apply(live, configMap({ a: '2' }), ctx('bob')));
  assert.equal(one.code, 409);
  assert.equal(one.reason, 'Conflict');
  assert.equal(one.message, 'Apply failed with 1 conflict: conflict with "alice": .data.a');
  assert.deepEqual(one.status.details, { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "alice"', field: '.data.a' }] });
  const two = statusOf(() => fm.apply(live, configMap({ a: '2', b: '2' }), ctx('bob')));
  assert.equal(two.message, 'Apply failed with 2 conflicts: conflicts with "alice":\n- .data.a\n- .data.b');
  const forced = fm.apply(live, configMap({ a: '2' }), ctx('bob', { force: true, now: T1 }));
  assert.deepEqual(forced.data, { a: '2', b: '1' });
  assert.deepEqual(summary(forced), [
    { manager: 'alice', operation: 'Apply', fieldsV1: { 'f:data': { 'f:b': {} } } },
    { manager: 'bob', operation: 'Apply', fieldsV1: { 'f:data': { 'f:a': {} } } },
  ]);
});

test('apply conflicts with Update managers name their apiVersion', () => {
  const fm = new StructuredFieldManager();
  const created = configMap({ a: '1' });
  fm.update(created, undefined, ctx('kubectl-edit'));
  const err = statusOf(() => fm.apply(persisted(created), configMap({ a: '2' }), ctx('alice')));
  assert.equal(err.message, 'Apply failed with 1 conflict: conflict with "kubectl-edit" using v1: .data.a');
});

test('apply removes what the applier stopped applying, and only that', () => {
  const fm = new StructuredFieldManager();
  let live = persisted(fm.apply(undefined, configMap({ a: '1', b: '1' }, { labels: { x: '1', y: '1' } }), ctx('alice')));
  const edited = structuredClone(live);
  edited.data = { a: '1', b: '1', mine: 'bob' };
  fm.update(edited, live, ctx('bob'));
  live = edited;
  const next = fm.apply(live, configMap({ a: '1' }, { labels: { x: '1' } }), ctx('alice'));
  assert.deepEqual(next.data, { a: '1', mine: 'bob' });
  assert.deepEqual(next.metadata.labels, { x: '1' });
});

test('apply rejects the wrong kind and client-sent managedFields', () => {
  const fm = new StructuredFieldManager();
  const cases: { name: string; applied: KObject; message: string }[] = [
    { name: 'kind', applied: { ...configMap({}), kind: 'Secret' }, message: 'invalid object type: /v1, Kind=Secret' },
    { name: 'apiVersion', applied: { ...configMap({}), apiVersion: 'apps/v1' }, message: 'invalid object type: apps/v1, Kind=ConfigMap' },
    { name: 'managedFields', applied: configMap({}, { managedFields: [] }), message: 'metadata.managedFields must be nil' },
  ];
  for (const c of cases) {
    const err = statusOf(() => fm.apply(undefined, c.applied, ctx('alice')));
    assert.equal(err.code, 400, c.name);
    assert.equal(err.message, c.message, c.name);
  }
});

test('the first apply to an untracked object credits existing fields to before-first-apply', () => {
  const fm = new StructuredFieldManager();
  const live = persisted(configMap({ a: '1', b: '1' }));
  const err = statusOf(() => fm.apply(live, configMap({ a: '2' }), ctx('alice')));
  assert.equal(err.message, 'Apply failed with 1 conflict: conflict with "before-first-apply" using v1: .data.a');
  const ok = fm.apply(live, configMap({ a: '1' }), ctx('alice'));
  assert.deepEqual(
    summary(ok).map((e) => e.manager),
    ['alice', 'before-first-apply'],
  );
});

test('Update entries are capped at ten; the oldest merge into ancient-changes', () => {
  const fm = new StructuredFieldManager();
  let live = configMap({ seed: 'v' });
  fm.update(live, undefined, ctx('m0', { now: new Date(Date.UTC(2024, 0, 1, 0, 0, 0)) }));
  live = persisted(live);
  for (let i = 0; i < 11; i++) {
    const next = structuredClone(live);
    next.data = { ...(next.data as object), [`k${i}`]: 'v' };
    fm.update(next, live, ctx(`m${i}`, { now: new Date(Date.UTC(2024, 0, 1, 0, 0, i)) }));
    live = next;
  }
  const managers = live.metadata.managedFields!.map((e) => e.manager);
  assert.equal(managers.length, 10);
  assert.equal(managers[0], 'ancient-changes');
  assert.deepEqual(live.metadata.managedFields![0]!.fieldsV1, { 'f:data': { '.': {}, 'f:k0': {}, 'f:k1': {}, 'f:seed': {} } });
  assert.equal(live.metadata.managedFields![0]!.time, '2024-01-01T00:00:01Z');
});

test('a scale subresource update owns spec.replicas under its own entry', () => {
  const fm = new StructuredFieldManager();
  const d: KObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 1 } };
  const live = persisted(fm.apply(undefined, d, ctx('alice', { kind: DEPLOY })));
  const scaled = structuredClone(live);
  (scaled.spec as { replicas: number }).replicas = 5;
  fm.update(scaled, live, ctx('kubectl', { kind: DEPLOY, subresource: 'scale' }));
  assert.deepEqual(summary(scaled), [{ manager: 'kubectl', operation: 'Update', subresource: 'scale', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }]);
  const err = statusOf(() => fm.apply(persisted(scaled), d, ctx('alice', { kind: DEPLOY })));
  assert.equal(err.message, 'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
});
