import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString, root } from '../../../../apimachinery/field-errors.js';
import { validateEnvFieldRef, validateResourceFieldRef } from './validation-downward-api.js';

test('env field references', () => {
  const p = root('f');
  const cases: { ref: Record<string, unknown>; want: string[] }[] = [
    { ref: { apiVersion: 'v1', fieldPath: 'status.podIP' }, want: [] },
    { ref: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" }, want: [] },
    { ref: { fieldPath: 'metadata.name' }, want: ['f.apiVersion: Required value'] },
    {
      ref: { apiVersion: 'v2', fieldPath: 'metadata.name' },
      want: ['f.fieldPath: Invalid value: "metadata.name": error converting fieldPath: unsupported pod version: v2'],
    },
    {
      ref: { apiVersion: 'v1', fieldPath: 'spec.foo' },
      want: ['f.fieldPath: Invalid value: "spec.foo": error converting fieldPath: field label not supported: spec.foo'],
    },
  ];
  for (const c of cases)
    assert.deepEqual(validateEnvFieldRef(c.ref, p).map(errorToString), c.want, JSON.stringify(c.ref));
});

test('resource field references', () => {
  const p = root('r');
  assert.deepEqual(validateResourceFieldRef({ resource: 'limits.memory' }, p, false), []);
  assert.deepEqual(validateResourceFieldRef({ resource: 'limits.hugepages-2Mi' }, p, false), []);
  assert.deepEqual(validateResourceFieldRef({ resource: 'limits.memory' }, p, true).map(errorToString), [
    'r.containerName: Required value',
  ]);
  assert.deepEqual(validateResourceFieldRef({ resource: 'limits.gpu' }, p, false).map(errorToString), [
    'r.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"',
  ]);
});
