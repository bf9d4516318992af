import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject, RequestContext } from '../../types.js';
import { namespaceStatusStrategy, namespaceStrategy } from './strategy.js';

const ctx: RequestContext = {
  namespace: '',
  dryRun: false,
  user: { name: 'admin', groups: [] },
  now: new Date('2026-01-02T03:04:05Z'),
};
const ns = (name: string, extra: Partial<KObject> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
  ...extra,
});

function create(obj: KObject): { obj: KObject; errs: string[] } {
  namespaceStrategy.defaults!(obj);
  namespaceStrategy.prepareForCreate!(obj, ctx);
  const errs = namespaceStrategy.validate!(obj, ctx).map(String);
  namespaceStrategy.canonicalize!(obj);
  return { obj, errs };
}

test('create defaults the name label, phase Active and the kubernetes finalizer', () => {
  const { obj, errs } = create(
    ns('team-a', { metadata: { name: 'team-a', labels: { tier: 'x' } }, status: { phase: 'Terminating' } }),
  );
  assert.deepEqual(errs, []);
  assert.deepEqual(obj.metadata.labels, { tier: 'x', 'kubernetes.io/metadata.name': 'team-a' });
  assert.deepEqual(obj.spec, { finalizers: ['kubernetes'] });
  assert.deepEqual(obj.status, { phase: 'Active' });
});

test('namespace validation', () => {
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    { name: 'a plain label is valid', obj: ns('dev'), want: [] },
    {
      name: 'a name with dots is a subdomain but not a label',
      obj: ns('a.b'),
      want: ['metadata.name: Invalid value: "a.b": must not contain dots'],
    },
    {
      name: 'an unqualified non-standard finalizer',
      obj: ns('dev', { spec: { finalizers: ['custom'] } }),
      want: [
        'spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
      ],
    },
    {
      name: 'a qualified finalizer is fine',
      obj: ns('dev', { spec: { finalizers: ['example.com/cleanup'] } }),
      want: [],
    },
  ];
  for (const c of cases) assert.deepEqual(create(c.obj).errs, c.want, c.name);
});

test('update keeps spec.finalizers, status and the name label', () => {
  const old = create(ns('dev')).obj;
  const next: KObject = { ...structuredClone(old), spec: { finalizers: [] }, status: { phase: 'Terminating' } };
  next.metadata.labels = { 'kubernetes.io/metadata.name': 'other' };
  namespaceStrategy.defaults!(next);
  namespaceStrategy.prepareForUpdate!(next, old, ctx);
  namespaceStrategy.canonicalize!(next);
  assert.deepEqual(next.spec, { finalizers: ['kubernetes'] });
  assert.deepEqual(next.status, { phase: 'Active' });
  assert.equal(next.metadata.labels['kubernetes.io/metadata.name'], 'dev');
});

test('delete marks a namespace with finalizers Terminating and keeps it', () => {
  const obj = create(ns('dev')).obj;
  assert.equal(namespaceStrategy.beforeDelete!(obj, ctx), 'pending');
  assert.equal(obj.metadata.deletionTimestamp, '2026-01-02T03:04:05Z');
  assert.equal((obj.status as { phase: string }).phase, 'Terminating');
  // Once finalized (no spec.finalizers), a delete removes it.
  obj.spec = { finalizers: [] };
  assert.equal(namespaceStrategy.beforeDelete!(obj, ctx), 'delete');
});

test('status updates must agree with deletionTimestamp', () => {
  const cases = [
    { deleting: false, phase: 'Active', want: [] },
    {
      deleting: false,
      phase: 'Terminating',
      want: ['status.Phase: Invalid value: "Terminating": may only be \'Active\' if `deletionTimestamp` is empty'],
    },
    { deleting: true, phase: 'Terminating', want: [] },
    {
      deleting: true,
      phase: 'Active',
      want: ['status.Phase: Invalid value: "Active": may only be \'Terminating\' if `deletionTimestamp` is not empty'],
    },
  ];
  for (const c of cases) {
    const obj = ns('dev', { status: { phase: c.phase } });
    if (c.deleting) obj.metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
    assert.deepEqual(
      namespaceStatusStrategy.validateUpdate!(obj, obj, ctx).map(String),
      c.want,
      `${c.deleting} ${c.phase}`,
    );
  }
});
