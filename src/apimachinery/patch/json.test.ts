import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cloneJson, isJsonObject, jsonEqual, jsonKind, setKey, type JsonObject } from './json.js';

test('cloneJson copies deeply and drops undefined members', () => {
  const src = { a: [1, { b: 'x' }], c: undefined, d: null };
  const copy = cloneJson(src) as JsonObject;
  assert.deepEqual(copy, { a: [1, { b: 'x' }], d: null });
  assert.notEqual(copy.a, src.a);
});

test('cloneJson keeps __proto__ as an own key without touching the prototype', () => {
  const copy = cloneJson(JSON.parse('{"__proto__":{"x":1}}')) as JsonObject;
  assert.deepEqual(Object.keys(copy), ['__proto__']);
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  assert.equal((copy as Record<string, unknown>).x, undefined);
});

test('cloneJson refuses values JSON cannot carry', () => {
  for (const v of [() => 1, Symbol('s'), NaN, Infinity, 10n]) assert.throws(() => cloneJson(v), TypeError);
});

test('jsonEqual ignores member order but not array order', () => {
  assert.ok(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }));
  assert.ok(!jsonEqual([1, 2], [2, 1]));
  assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: null }));
  assert.ok(!jsonEqual({}, []));
  assert.ok(!jsonEqual(null, {}));
});

test('jsonKind and isJsonObject tell the JSON types apart', () => {
  assert.deepEqual([null, 'x', 1, true, [], {}].map(jsonKind), ['null', 'string', 'number', 'bool', 'slice', 'map']);
  assert.deepEqual([null, [], {}, 'x'].map(isJsonObject), [false, false, true, false]);
});

test('setKey defines __proto__ as data', () => {
  const o: JsonObject = {};
  setKey(o, '__proto__', 'v');
  assert.equal(Object.getOwnPropertyDescriptor(o, '__proto__')?.value, 'v');
  assert.equal(Object.getPrototypeOf(o), Object.prototype);
});
