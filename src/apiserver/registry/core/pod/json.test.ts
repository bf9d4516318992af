import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goOrdered, recordAt, recordsOf, semanticEqual, stringMapOf } from './json.js';

test('semanticEqual treats absent, null and empty alike', () => {
  const cases: [unknown, unknown, boolean][] = [
    [{ a: [] }, {}, true],
    [{ a: null, b: {} }, { c: '' }, true],
    [{ a: { b: [] } }, { a: {} }, true],
    [{ a: 0 }, {}, false],
    [{ a: false }, {}, false],
    [{ b: 1, a: 2 }, { a: 2, b: 1 }, true],
    [[1, 2], [2, 1], false],
  ];
  for (const [a, b, want] of cases) assert.equal(semanticEqual(a, b), want, JSON.stringify([a, b]));
});

test('accessors read malformed values as zero values', () => {
  assert.deepEqual(recordsOf([{ a: 1 }, 'x', null]), [{ a: 1 }, {}, {}]);
  assert.deepEqual(recordsOf('nope'), []);
  assert.deepEqual(stringMapOf({ a: 'b', c: 1 }), { a: 'b' });
  const parent: Record<string, unknown> = { x: 'str' };
  recordAt(parent, 'x').y = 1;
  assert.deepEqual(parent, { x: { y: 1 } });
  assert.equal(
    JSON.stringify(goOrdered({ b: { d: 1, c: 2 }, a: [{ z: 1, y: 2 }] })),
    '{"a":[{"y":2,"z":1}],"b":{"c":2,"d":1}}',
  );
});
