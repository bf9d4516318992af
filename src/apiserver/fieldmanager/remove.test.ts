import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '../../apimachinery/patch/json.js';
import { Pod } from '../../api/schema/core-v1-pod.js';
import { FieldSet } from './field-set.js';
import { keyElement, makePath, valueElement } from './path-element.js';
import { removeItems } from './remove.js';
import { structNode } from './schema-node.js';

const pod = structNode(Pod);
const a = keyElement([{ name: 'name', value: 'a' }]);

test('removeItems cuts out members with everything below them', () => {
  const obj: JsonValue = {
    metadata: { labels: { x: '1', y: '2' }, finalizers: ['f1', 'f2'] },
    spec: { containers: [{ name: 'a', image: 'i', command: ['c'] }, { name: 'b' }], nodeName: 'n' },
  };
  const cases: { name: string; remove: FieldSet; want: JsonValue | undefined }[] = [
    {
      name: 'a map entry',
      remove: FieldSet.of(makePath('metadata', 'labels', 'x')),
      want: { metadata: { labels: { y: '2' }, finalizers: ['f1', 'f2'] }, spec: (obj as { spec: JsonValue }).spec },
    },
    {
      name: 'a list item by key and a set item by value',
      remove: FieldSet.of(makePath('spec', 'containers', a), makePath('metadata', 'finalizers', valueElement('f2'))),
      want: { metadata: { labels: { x: '1', y: '2' }, finalizers: ['f1'] }, spec: { containers: [{ name: 'b' }], nodeName: 'n' } },
    },
    {
      name: 'fields of an item',
      remove: FieldSet.of(makePath('spec', 'containers', a, 'command'), makePath('spec', 'nodeName')),
      want: { metadata: { labels: { x: '1', y: '2' }, finalizers: ['f1', 'f2'] }, spec: { containers: [{ name: 'a', image: 'i' }, { name: 'b' }] } },
    },
    {
      name: 'structs left empty disappear',
      remove: FieldSet.of(makePath('metadata', 'labels', 'x'), makePath('metadata', 'labels', 'y'), makePath('metadata', 'finalizers')),
      want: { spec: (obj as { spec: JsonValue }).spec },
    },
  ];
  for (const c of cases) assert.deepEqual(removeItems(obj, c.remove, pod), c.want, c.name);
});
