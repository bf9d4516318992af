import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { isConfigMapKey, validateConfigMap, validateConfigMapUpdate } from './validation.js';

const cm = (fields: Record<string, unknown>): KObject => ({ metadata: { name: 'c', namespace: 'd' }, ...fields });

test('isConfigMapKey', () => {
  const cases: { key: string; want: string[] }[] = [
    { key: 'app.properties', want: [] },
    { key: 'KEY_NAME-1', want: [] },
    {
      key: 'a/b',
      want: [
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      ],
    },
    { key: '..', want: ["must not be '..'"] },
    { key: '..data', want: ["must not start with '..'"] },
  ];
  for (const c of cases) assert.deepEqual(isConfigMapKey(c.key), c.want, c.key);
});

test('configmap validation', () => {
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    { name: 'valid data', obj: cm({ data: { a: '1' }, binaryData: { b: 'AAE=' } }), want: [] },
    {
      name: 'bad key',
      obj: cm({ data: { 'a b': '1' } }),
      want: [
        "data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      ],
    },
    {
      name: 'same key in data and binaryData',
      obj: cm({ data: { a: '1' }, binaryData: { a: 'AA==' } }),
      want: ['data[a]: Invalid value: "a": duplicate of key present in binaryData'],
    },
    {
      name: 'over 1 MiB',
      obj: cm({ data: { a: 'x'.repeat(1024 * 1024 + 1) } }),
      want: [': Too long: may not be more than 1048576 bytes'],
    },
  ];
  for (const c of cases) assert.deepEqual(validateConfigMap(c.obj).map(String), c.want, c.name);
});

test('an immutable configmap keeps its data and stays immutable', () => {
  const old = cm({ data: { a: '1' }, immutable: true });
  assert.deepEqual(validateConfigMapUpdate(cm({ data: { a: '1' }, immutable: true }), old), []);
  assert.deepEqual(validateConfigMapUpdate(cm({ data: { a: '2' } }), old).map(String), [
    'immutable: Forbidden: field is immutable when `immutable` is set',
    'data: Forbidden: field is immutable when `immutable` is set',
  ]);
  // A mutable configmap may become immutable.
  assert.deepEqual(validateConfigMapUpdate(cm({ data: { a: '2' }, immutable: true }), cm({ data: { a: '1' } })), []);
});
