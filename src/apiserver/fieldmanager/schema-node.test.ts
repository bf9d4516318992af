import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '../../apimachinery/patch/json.js';
import { Pod } from '../../api/schema/core-v1-pod.js';
import { FieldSet } from './field-set.js';
import { keyElement, makePath, pathString, serializePathElement } from './path-element.js';
import { childNode, ensureNamedFieldsAreMembers, listItemElement, structNode, type SchemaNode } from './schema-node.js';

const pod = structNode(Pod);
const list = (n: SchemaNode) => {
  assert.equal(n.kind, 'list');
  return n as SchemaNode & { kind: 'list' };
};

test('schema nodes carry the apply semantics of the schema', () => {
  const spec = childNode(pod, 'spec');
  const containers = list(childNode(spec, 'containers'));
  assert.deepEqual([containers.listType, containers.keys], ['map', ['name']]);
  const ports = list(childNode(containers.elem, 'ports'));
  assert.deepEqual([ports.listType, ports.keys], ['map', ['containerPort', 'protocol']]);
  assert.equal(list(childNode(containers.elem, 'command')).listType, 'atomic');
  assert.equal(list(childNode(childNode(pod, 'metadata'), 'finalizers')).listType, 'set');
  assert.deepEqual(childNode(childNode(pod, 'metadata'), 'labels'), { kind: 'map', atomic: false, elem: { kind: 'scalar' } });
  assert.equal(childNode(spec, 'nope').kind, 'deduced');
});

test('listItemElement names items by their keys, defaulting missing keys from the schema', () => {
  const containers = list(childNode(childNode(pod, 'spec'), 'containers'));
  const ports = list(childNode(containers.elem, 'ports'));
  const finalizers = list(childNode(childNode(pod, 'metadata'), 'finalizers'));
  const cases: { name: string; node: SchemaNode & { kind: 'list' }; item: JsonValue; want: string | undefined }[] = [
    { name: 'by name', node: containers, item: { name: 'web', image: 'x' }, want: 'k:{"name":"web"}' },
    { name: 'protocol defaults to TCP', node: ports, item: { containerPort: 80 }, want: 'k:{"containerPort":80,"protocol":"TCP"}' },
    { name: 'explicit protocol', node: ports, item: { protocol: 'UDP', containerPort: 53 }, want: 'k:{"containerPort":53,"protocol":"UDP"}' },
    { name: 'missing key without default', node: containers, item: { image: 'x' }, want: undefined },
    { name: 'set value', node: finalizers, item: 'a/b', want: 'v:"a/b"' },
    { name: 'set item that is an object', node: finalizers, item: { a: 1 }, want: undefined },
  ];
  for (const c of cases) {
    const pe = listItemElement(c.node, c.item);
    assert.equal(pe && serializePathElement(pe), c.want, c.name);
  }
});

test('ensureNamedFieldsAreMembers adds struct fields, not map keys or list items', () => {
  const web = keyElement([{ name: 'name', value: 'web' }]);
  const set = FieldSet.of(makePath('spec', 'containers', web, 'image'), makePath('metadata', 'labels', 'app'));
  assert.deepEqual(ensureNamedFieldsAreMembers(set, pod).paths().map(pathString), [
    '.metadata',
    '.spec',
    '.metadata.labels',
    '.metadata.labels.app',
    '.spec.containers',
    '.spec.containers[name="web"].image',
  ]);
});
