import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchemaRegistry } from '../../api/schema/registry.js';
import { allClusterBehaviors, clusterBehaviors } from './behaviors-cluster.js';

const schema = buildSchemaRegistry();
const key = (b: { group: string; version: string; resource: string }) => `${b.group}/${b.version}/${b.resource}`;

test('every cluster behaviour is registered once', () => {
  const keys = allClusterBehaviors().map(key);
  assert.equal(new Set(keys).size, keys.length);
});

test('every cluster behaviour names a resource the schema serves', () => {
  const missing = allClusterBehaviors()
    .filter((b) => !schema.resource(b.group, b.version, b.resource))
    .map(key);
  assert.deepEqual(missing, []);
  assert.equal(clusterBehaviors(schema).length, allClusterBehaviors().length);
});

test('clusterBehaviors drops resources a schema does not declare', () => {
  const coreOnly = { resource: (g: string, v: string, r: string) => (g === '' ? schema.resource(g, v, r) : undefined) };
  const got = clusterBehaviors(coreOnly).map(key);
  assert.ok(got.includes('/v1/namespaces'));
  assert.ok(!got.some((k) => k.startsWith('rbac.authorization.k8s.io/')));
});

test('a status strategy is given exactly to the resources whose schema has a status subresource', () => {
  for (const b of allClusterBehaviors()) {
    const kind = schema.resource(b.group, b.version, b.resource)!;
    const hasStatus = kind.resource!.subresources.some((s) => s.name === 'status');
    assert.equal(b.statusStrategy !== undefined, hasStatus, key(b));
  }
});
