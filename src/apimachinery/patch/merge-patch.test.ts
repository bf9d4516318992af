import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject, JsonValue } from './json.js';
import { applyMergePatch, createMergePatch } from './merge-patch.js';
import { isPatchError } from './patch-error.js';
import { deepFreeze } from './patch-meta.fixtures.js';

const deployment = (): JsonObject => ({
  metadata: { name: 'x', labels: { app: 'x', tier: 'fe' } },
  spec: {
    replicas: 1,
    template: {
      spec: {
        containers: [
          { name: 'web', image: 'nginx' },
          { name: 'side', image: 'busybox' },
        ],
      },
    },
  },
});

const cases: { name: string; doc: JsonValue; patch: JsonValue; want: JsonValue }[] = [
  {
    name: 'maps merge recursively and null deletes',
    doc: deployment(),
    patch: { metadata: { labels: { tier: null, env: 'prod' } }, spec: { replicas: 3 } },
    want: {
      metadata: { name: 'x', labels: { app: 'x', env: 'prod' } },
      spec: {
        replicas: 3,
        template: {
          spec: {
            containers: [
              { name: 'web', image: 'nginx' },
              { name: 'side', image: 'busybox' },
            ],
          },
        },
      },
    },
  },
  {
    name: 'lists are replaced whole (kubectl patch --type=merge on containers)',
    doc: deployment(),
    patch: { spec: { template: { spec: { containers: [{ name: 'only', image: 'alpine' }] } } } },
    want: {
      metadata: { name: 'x', labels: { app: 'x', tier: 'fe' } },
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'only', image: 'alpine' }] } } },
    },
  },
  {
    name: 'nulls inside new values are dropped, also inside objects in arrays',
    doc: { a: 1 },
    patch: { b: { c: null, d: 1 }, e: [{ f: null, g: 2 }, null] },
    want: { a: 1, b: { d: 1 }, e: [{ g: 2 }, null] },
  },
  { name: 'null for a missing key is a no-op', doc: { a: 1 }, patch: { b: null }, want: { a: 1 } },
  { name: 'an object replaces a scalar', doc: { a: 'x' }, patch: { a: { b: 1, c: null } }, want: { a: { b: 1 } } },
  { name: 'a scalar replaces an object', doc: { a: { b: 1 } }, patch: { a: 'x' }, want: { a: 'x' } },
  { name: 'an empty patch changes nothing', doc: deployment(), patch: {}, want: deployment() },
  { name: 'an array patch replaces the document', doc: { a: 1 }, patch: [{ x: null, y: 1 }], want: [{ y: 1 }] },
  {
    name: 'an object patch over a non-object document replaces it',
    doc: [1, 2],
    patch: { a: 1, b: null },
    want: { a: 1 },
  },
];

for (const c of cases) {
  test(`applyMergePatch: ${c.name}`, () => {
    const doc = deepFreeze(structuredClone(c.doc));
    const patch = deepFreeze(structuredClone(c.patch));
    assert.deepEqual(applyMergePatch(doc, patch), c.want);
    assert.deepEqual(doc, c.doc, 'input is unchanged');
  });
}

test('applyMergePatch: scalar and null patches are bad requests, as upstream', () => {
  for (const patch of [null, 5, 'x', true]) {
    assert.throws(
      () => applyMergePatch({ a: 1 }, patch),
      (e: unknown) => isPatchError(e, 'BadRequest') && e.status === 400 && e.message === 'Invalid JSON Patch',
      String(patch),
    );
  }
});

test('applyMergePatch: a null document is an internal error, as upstream', () => {
  assert.throws(
    () => applyMergePatch(null, {}),
    (e: unknown) => isPatchError(e, 'Internal') && e.message === 'Invalid JSON Document',
  );
});

const diffCases: { name: string; original: JsonObject; modified: JsonObject; want: JsonObject }[] = [
  { name: 'identical objects', original: deployment(), modified: deployment(), want: {} },
  {
    name: 'changed, added and removed members',
    original: { a: 1, b: { c: 1, d: 2 }, e: 'x' },
    modified: { a: 2, b: { c: 1 }, f: { g: true } },
    want: { a: 2, b: { d: null }, e: null, f: { g: true } },
  },
  {
    name: 'arrays are sent whole when they differ',
    original: { list: [1, 2], same: [{ a: 1 }] },
    modified: { list: [1, 2, 3], same: [{ a: 1 }] },
    want: { list: [1, 2, 3] },
  },
  { name: 'type changes send the new value', original: { a: { b: 1 } }, modified: { a: [1] }, want: { a: [1] } },
];

for (const c of diffCases) {
  test(`createMergePatch: ${c.name}`, () => {
    const patch = createMergePatch(deepFreeze(structuredClone(c.original)), deepFreeze(structuredClone(c.modified)));
    assert.deepEqual(patch, c.want);
    assert.deepEqual(applyMergePatch(c.original, patch), c.modified, 'the patch turns original into modified');
  });
}

test('createMergePatch refuses non-objects', () => {
  assert.throws(
    () => createMergePatch([1], { a: 1 }),
    (e: unknown) => isPatchError(e, 'BadRequest'),
  );
});
