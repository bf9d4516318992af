import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../rest/types.js';
import { CacheIndexer, deepFreeze, metaNamespaceIndexFunc, metaNamespaceKeyFunc, NAMESPACE_INDEX } from './store.js';
import { DeletedFinalStateUnknown } from './tombstone.js';

interface Obj extends KubeObject {
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: { node?: string };
}
const obj = (ns: string, name: string, node?: string): Obj => ({
  metadata: { name, namespace: ns || undefined },
  spec: { node },
});
const byNode = (o: Obj) => (o.spec?.node ? [o.spec.node] : []);

function newIndexer() {
  return new CacheIndexer<Obj>(metaNamespaceKeyFunc, { [NAMESPACE_INDEX]: metaNamespaceIndexFunc, node: byNode });
}

test('keys are namespace/name, name for cluster-scoped objects, the recorded key for tombstones', () => {
  const cases: { name: string; input: Obj | DeletedFinalStateUnknown<Obj>; want: string }[] = [
    { name: 'namespaced', input: obj('ns', 'a'), want: 'ns/a' },
    { name: 'cluster-scoped', input: obj('', 'n1'), want: 'n1' },
    { name: 'tombstone', input: new DeletedFinalStateUnknown('x/y', obj('x', 'y')), want: 'x/y' },
  ];
  for (const c of cases) assert.equal(metaNamespaceKeyFunc(c.input), c.want, c.name);
  assert.throws(() => metaNamespaceKeyFunc({ metadata: {} }), /no metadata.name/);
});

test('indexes follow adds, updates that move an object, and deletes', () => {
  const s = newIndexer();
  s.add(obj('a', 'p1', 'n1'));
  s.add(obj('a', 'p2', 'n1'));
  s.add(obj('b', 'p3', 'n2'));
  const names = (xs: Obj[]) => xs.map((o) => o.metadata.name).sort();
  assert.deepEqual(names(s.byIndex('node', 'n1')), ['p1', 'p2']);
  assert.deepEqual(names(s.byIndex(NAMESPACE_INDEX, 'a')), ['p1', 'p2']);
  s.update(obj('a', 'p2', 'n2'));
  assert.deepEqual(names(s.byIndex('node', 'n1')), ['p1']);
  assert.deepEqual(names(s.byIndex('node', 'n2')), ['p2', 'p3']);
  assert.deepEqual(names(s.index('node', obj('z', 'q', 'n2'))), ['p2', 'p3']);
  s.delete(obj('b', 'p3'));
  assert.deepEqual(s.indexKeys('node', 'n2'), ['a/p2']);
  assert.deepEqual(s.listIndexFuncValues('node').sort(), ['n1', 'n2']);
  s.delete(obj('a', 'p1'));
  assert.deepEqual(s.listIndexFuncValues('node'), ['n2'], 'empty index values are dropped');
  s.delete(obj('zz', 'missing'));
  assert.deepEqual(s.listKeys().sort(), ['a/p2']);
});

test('replace swaps the whole content; indexers added later index existing objects', () => {
  const s = newIndexer();
  s.add(obj('a', 'old', 'n1'));
  s.replace([obj('a', 'x', 'n3'), obj('c', 'y')]);
  assert.deepEqual(s.listKeys().sort(), ['a/x', 'c/y']);
  assert.deepEqual(s.byIndex('node', 'n1'), []);
  s.addIndexers({ name: (o) => [o.metadata.name] });
  assert.equal(s.byIndex('name', 'y')[0]?.metadata.namespace, 'c');
  assert.throws(() => s.addIndexers({ node: byNode }), /indexer conflict/);
  assert.throws(() => s.byIndex('nope', 'x'), /does not exist/);
});

test('deepFreeze freezes nested objects and arrays', () => {
  const o = deepFreeze({ a: { b: [1, { c: 2 }] } });
  assert.ok(Object.isFrozen(o.a.b[1]));
  assert.throws(() => {
    (o.a.b as unknown[]).push(3);
  }, TypeError);
});
