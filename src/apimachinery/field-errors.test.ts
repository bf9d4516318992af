import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  aggregateMessage,
  childOf,
  duplicate,
  errorBody,
  errorToString,
  FieldPath,
  forbidden,
  internalFieldError,
  invalidValue,
  notFoundValue,
  notSupported,
  required,
  root,
  tooLong,
  tooMany,
  typeInvalid,
} from './field-errors.js';

test('FieldPath builds dotted paths with indexes and keys', () => {
  const cases: { name: string; path: FieldPath; want: string }[] = [
    { name: 'root', path: root('spec'), want: 'spec' },
    { name: 'root with more names', path: FieldPath.root('metadata', 'name'), want: 'metadata.name' },
    { name: 'child', path: root('spec').child('containers').index(0).child('name'), want: 'spec.containers[0].name' },
    {
      name: 'key',
      path: root('metadata').child('labels').key('app.kubernetes.io/name'),
      want: 'metadata.labels[app.kubernetes.io/name]',
    },
    { name: 'several children', path: root('spec').child('template', 'spec'), want: 'spec.template.spec' },
    { name: 'index then key', path: root('values').index(2).key('k'), want: 'values[2][k]' },
  ];
  for (const c of cases) assert.equal(c.path.toString(), c.want, c.name);
});

test('paths are immutable: extending one does not change another', () => {
  const spec = root('spec');
  const a = spec.child('a');
  const b = spec.child('b');
  assert.equal(a.toString(), 'spec.a');
  assert.equal(b.toString(), 'spec.b');
  assert.equal(spec.toString(), 'spec');
});

test('childOf a missing path starts a new root', () => {
  assert.equal(childOf(null, 'key').toString(), 'key');
  assert.equal(childOf(root('spec'), 'selector').toString(), 'spec.selector');
});

test('errorToString renders each error type with upstream text', () => {
  const replicas = root('spec').child('replicas');
  const cases: { name: string; err: ReturnType<typeof required>; want: string }[] = [
    {
      name: 'invalid integer',
      err: invalidValue(replicas, -1, 'must be greater than or equal to 0'),
      want: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    },
    {
      name: 'required',
      err: required(root('metadata').child('name'), 'name or generateName is required'),
      want: 'metadata.name: Required value: name or generateName is required',
    },
    {
      name: 'required without detail',
      err: required(root('metadata').child('namespace')),
      want: 'metadata.namespace: Required value',
    },
    {
      name: 'not supported',
      err: notSupported(root('spec').child('restartPolicy'), 'x', ['Always', 'Never', 'OnFailure']),
      want: 'spec.restartPolicy: Unsupported value: "x": supported values: "Always", "Never", "OnFailure"',
    },
    { name: 'not supported without list', err: notSupported(root('f'), 'x', []), want: 'f: Unsupported value: "x"' },
    {
      name: 'duplicate',
      err: duplicate(root('spec').child('ports').index(1), 'http'),
      want: 'spec.ports[1]: Duplicate value: "http"',
    },
    {
      name: 'forbidden',
      err: forbidden(root('metadata').child('namespace'), 'not allowed on this type'),
      want: 'metadata.namespace: Forbidden: not allowed on this type',
    },
    {
      name: 'too long',
      err: tooLong(root('metadata').child('annotations'), 262144),
      want: 'metadata.annotations: Too long: may not be more than 262144 bytes',
    },
    { name: 'too long without limit', err: tooLong(root('a'), -1), want: 'a: Too long: value is too long' },
    { name: 'too many', err: tooMany(root('items'), 5, 3), want: 'items: Too many: 5: must have at most 3 items' },
    {
      name: 'too many, count unknown',
      err: tooMany(root('items'), -1, 3),
      want: 'items: Too many: must have at most 3 items',
    },
    {
      name: 'type invalid',
      err: typeInvalid(root('spec'), 'abc', 'must be an object'),
      want: 'spec: Invalid value: "abc": must be an object',
    },
    {
      name: 'not found',
      err: notFoundValue(root('spec').child('volume'), 'data'),
      want: 'spec.volume: Not found: "data"',
    },
    { name: 'internal', err: internalFieldError(root('spec'), new Error('boom')), want: 'spec: Internal error: boom' },
    { name: 'nil path', err: invalidValue(null, 'a b', 'bad'), want: '<nil>: Invalid value: "a b": bad' },
    { name: 'null value', err: invalidValue(root('x'), null, 'bad'), want: 'x: Invalid value: null: bad' },
    { name: 'boolean value', err: invalidValue(root('x'), true, 'bad'), want: 'x: Invalid value: true: bad' },
    { name: 'float value', err: invalidValue(root('x'), 0.5, 'bad'), want: 'x: Invalid value: 0.5: bad' },
    {
      name: 'string list value',
      err: invalidValue(root('x'), ['a', 'b'], 'bad'),
      want: 'x: Invalid value: []string{"a", "b"}: bad',
    },
    { name: 'empty list value', err: invalidValue(root('x'), [], 'bad'), want: 'x: Invalid value: []string{}: bad' },
    { name: 'number list value', err: invalidValue(root('x'), [1, 2], 'bad'), want: 'x: Invalid value: [1,2]: bad' },
    { name: 'object value', err: invalidValue(root('x'), { a: 1 }, 'bad'), want: 'x: Invalid value: {"a":1}: bad' },
    {
      name: 'string with quotes',
      err: invalidValue(root('x'), 'say "hi"', ''),
      want: 'x: Invalid value: "say \\"hi\\""',
    },
  ];
  for (const c of cases) {
    assert.equal(errorToString(c.err), c.want, c.name);
    assert.equal(String(c.err), c.want, `${c.name} (toString)`);
  }
});

test('errorBody leaves the field out', () => {
  assert.equal(
    errorBody(invalidValue(root('spec').child('replicas'), -1, 'must be greater than or equal to 0')),
    'Invalid value: -1: must be greater than or equal to 0',
  );
});

test('aggregateMessage: bare single error, bracketed list, duplicates removed, undefined when empty', () => {
  const a = invalidValue(root('a'), 1, 'x');
  const b = required(root('b'));
  assert.equal(aggregateMessage([]), undefined);
  assert.equal(aggregateMessage([a]), 'a: Invalid value: 1: x');
  assert.equal(aggregateMessage([a, b]), '[a: Invalid value: 1: x, b: Required value]');
  assert.equal(aggregateMessage([a, a]), 'a: Invalid value: 1: x');
  assert.equal(aggregateMessage([a, b, a]), '[a: Invalid value: 1: x, b: Required value]');
});
