import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goFormat, goKindName, goTypeName, jsonTypeWord } from './go-format.js';

test('goFormat prints values like fmt %v of unstructured data', () => {
  const cases: [Parameters<typeof goFormat>[0], string][] = [
    [null, '<nil>'],
    ['x', 'x'],
    [true, 'true'],
    [80, '80'],
    [0.5, '0.5'],
    [1.5e-7, '1.5e-07'],
    [1e21, '1e+21'],
    [1234567.5, '1.2345675e+06'],
    [123456.5, '123456.5'],
    [0.0001, '0.0001'],
    [['a', 1], '[a 1]'],
    [
      { name: 'web', image: 'x', ports: [{ containerPort: 80 }] },
      'map[image:x name:web ports:[map[containerPort:80]]]',
    ],
    [{}, 'map[]'],
  ];
  for (const [v, want] of cases) assert.equal(goFormat(v), want, JSON.stringify(v));
});

test('goTypeName and goKindName name Go types and kinds', () => {
  assert.deepEqual([[], {}, 'x', 1, 1.5, true, null].map(goTypeName), [
    '[]interface {}',
    'map[string]interface {}',
    'string',
    'int64',
    'float64',
    'bool',
    '%!s(<nil>)',
  ]);
  assert.deepEqual([[], {}, 'x', 1, true].map(goKindName), ['slice', 'map', 'string', 'int64', 'bool']);
  assert.deepEqual([[], {}, 'x', 1, true, null].map(jsonTypeWord), [
    'array',
    'object',
    'string',
    'number',
    'bool',
    'null',
  ]);
});
