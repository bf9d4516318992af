import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchemaDeclarationError, field, kind, list, string, struct } from './dsl.js';
import { buildSchemaRegistry } from './registry.js';

test('builtin registry finds kinds by apiVersion and kind', () => {
  const r = buildSchemaRegistry();
  const cases = [
    { apiVersion: 'v1', kind: 'Namespace', want: 'io.k8s.api.core.v1.Namespace' },
    { apiVersion: 'v1', kind: 'ConfigMapList', want: 'io.k8s.api.core.v1.ConfigMapList' },
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      want: 'io.k8s.api.authorization.v1.SelfSubjectAccessReview',
    },
    { apiVersion: 'autoscaling/v1', kind: 'Scale', want: 'io.k8s.api.autoscaling.v1.Scale' },
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'DeleteOptions',
      want: 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
    },
    { apiVersion: 'v1', kind: 'Status', want: 'io.k8s.apimachinery.pkg.apis.meta.v1.Status' },
  ];
  for (const c of cases) assert.equal(r.lookup(c.apiVersion, c.kind)?.schema.name, c.want, `${c.apiVersion} ${c.kind}`);
  assert.equal(r.lookup('v1', 'Nope'), undefined);
  assert.equal(r.lookup('apps/v1', 'Namespace'), undefined);
});

test('builtin registry serves resources and lists group-versions core first', () => {
  const r = buildSchemaRegistry();
  assert.equal(r.resource('', 'v1', 'namespaces')?.gvk.kind, 'Namespace');
  assert.deepEqual(r.groupVersions[0], { group: '', version: 'v1' });
  const names = r.groupVersions.map((g) => g.group);
  assert.deepEqual(names.slice(1), [...names.slice(1)].sort());
  const plurals = r.resourcesIn('', 'v1').map((k) => k.resource!.plural);
  assert.deepEqual(plurals, [...plurals].sort());
});

test('create-only resources get no derived list kind', () => {
  const r = buildSchemaRegistry();
  assert.equal(r.lookup('authorization.k8s.io/v1', 'SelfSubjectAccessReviewList'), undefined);
  const ns = r.lookup('v1', 'Namespace')!;
  assert.equal(r.listKindOf(ns)?.gvk.kind, 'NamespaceList');
});

test('shared definitions list every GVK that uses them', () => {
  const r = buildSchemaRegistry();
  const gvks = r.gvksOf('io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions');
  assert.ok(gvks.some((g) => g.group === '' && g.version === 'v1'));
  assert.ok(gvks.some((g) => g.group === 'authorization.k8s.io'));
});

test('registering a GVK twice is rejected', () => {
  const A = struct('test.v1.A', 'A.', { name: field(1, string, 'N.') });
  const k = kind(A, { group: 'test', version: 'v1', kind: 'A', plural: 'as' });
  assert.throws(() => buildSchemaRegistry([[k], [k]]), SchemaDeclarationError);
});

test('two different structs with one definition name are rejected', () => {
  const A1 = struct('test.v1.A', 'A.', { name: field(1, string, 'N.') });
  const A2 = struct('test.v1.A', 'A.', { name: field(1, string, 'N.') });
  assert.throws(
    () =>
      buildSchemaRegistry([
        [
          kind(A1, { group: 'test', version: 'v1', kind: 'A1', plural: 'a1s' }),
          kind(A2, { group: 'test', version: 'v1', kind: 'A2', plural: 'a2s' }),
        ],
      ]),
    /declared twice/,
  );
});

test('merge keys and list-map keys must name a field of the element', () => {
  const Item = struct('test.v1.Item', 'I.', { name: field(1, string, 'N.') });
  const Bad = struct('test.v1.Bad', 'B.', {
    items: field(
      1,
      list(() => Item),
      'I.',
      { patchStrategy: 'merge', patchMergeKey: 'id' },
    ),
  });
  assert.throws(
    () => buildSchemaRegistry([[kind(Bad, { group: 'test', version: 'v1', kind: 'Bad', plural: 'bads' })]]),
    /list key "id"/,
  );
});
