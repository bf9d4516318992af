import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '../../apimachinery/patch/json.js';
import { goJson } from './go-json.js';

test('goJson writes what Go encoding/json writes', () => {
  const cases: { name: string; v: JsonValue; want: string }[] = [
    { name: 'sorted keys', v: { b: 1, a: { d: true, c: null } }, want: '{"a":{"c":null,"d":true},"b":1}' },
    { name: 'html escaping', v: '<a href="x">&</a>', want: '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"' },
    { name: 'control characters', v: 'a\nb\tc\u0001', want: '"a\\nb\\tc\\u0001"' },
    { name: 'line separators', v: '\u2028\u2029', want: '"\\u2028\\u2029"' },
    { name: 'numbers', v: [1, 1.5, 1e21, 1e-7], want: '[1,1.5,1e+21,1e-7]' },
    { name: 'unicode stays', v: 'héllo', want: '"héllo"' },
  ];
  for (const c of cases) assert.equal(goJson(c.v), c.want, c.name);
});
