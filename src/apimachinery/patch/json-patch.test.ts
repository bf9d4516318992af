import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyJsonPatch, decodeJsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch.js';
import type { JsonObject, JsonValue } from './json.js';
import { GENERIC_INVALID_MESSAGE, isPatchError, type PatchErrorCode } from './patch-error.js';
import { deepFreeze } from './patch-meta.fixtures.js';

function deployment(): JsonObject {
  return {
    metadata: { name: 'x', labels: { app: 'x', 'app.kubernetes.io/name': 'x', 'a~b': 'tilde' } },
    spec: {
      replicas: 1,
      template: {
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1.21', args: ['--a'] },
            { name: 'side', image: 'busybox' },
          ],
        },
      },
    },
  };
}
const containers = (d: JsonValue) =>
  ((((d as JsonObject).spec as JsonObject).template as JsonObject).spec as JsonObject).containers as JsonObject[];
const labels = (d: JsonValue) => ((d as JsonObject).metadata as JsonObject).labels;

interface Case {
  name: string;
  ops: JsonValue;
  want: unknown;
  pick: (doc: JsonValue) => unknown;
}

const cases: Case[] = [
  {
    name: 'add a member',
    ops: [{ op: 'add', path: '/metadata/labels/tier', value: 'fe' }],
    want: { app: 'x', 'app.kubernetes.io/name': 'x', 'a~b': 'tilde', tier: 'fe' },
    pick: labels,
  },
  {
    name: 'add inserts at an array index',
    ops: [{ op: 'add', path: '/spec/template/spec/containers/1', value: { name: 'log' } }],
    want: ['web', 'log', 'side'],
    pick: (d) => containers(d).map((c) => c.name),
  },
  {
    name: 'add with - appends',
    ops: [{ op: 'add', path: '/spec/template/spec/containers/0/args/-', value: '--b' }],
    want: ['--a', '--b'],
    pick: (d) => containers(d)[0]?.args,
  },
  {
    name: 'negative index counts from the end (upstream extension)',
    ops: [{ op: 'replace', path: '/spec/template/spec/containers/-1/image', value: 'busybox:1.36' }],
    want: 'busybox:1.36',
    pick: (d) => containers(d)[1]?.image,
  },
  {
    name: 'remove a member and an element',
    ops: [
      { op: 'remove', path: '/metadata/labels/app' },
      { op: 'remove', path: '/spec/template/spec/containers/0' },
    ],
    want: [['app.kubernetes.io/name', 'a~b'], ['side']],
    pick: (d) => [Object.keys(labels(d) as JsonObject), containers(d).map((c) => c.name)],
  },
  {
    name: 'replace an existing value',
    ops: [{ op: 'replace', path: '/spec/replicas', value: 3 }],
    want: 3,
    pick: (d) => ((d as JsonObject).spec as JsonObject).replicas,
  },
  {
    name: 'replace of a missing member of an existing object adds it (upstream v4 leniency)',
    ops: [{ op: 'replace', path: '/spec/paused', value: true }],
    want: true,
    pick: (d) => ((d as JsonObject).spec as JsonObject).paused,
  },
  {
    name: '~1 and ~0 escape / and ~ in keys',
    ops: [
      { op: 'replace', path: '/metadata/labels/app.kubernetes.io~1name', value: 'y' },
      { op: 'remove', path: '/metadata/labels/a~0b' },
    ],
    want: { app: 'x', 'app.kubernetes.io/name': 'y' },
    pick: labels,
  },
  {
    name: 'test then replace (kubectl patch --type=json compare-and-swap)',
    ops: [
      { op: 'test', path: '/metadata/labels/app', value: 'x' },
      { op: 'replace', path: '/metadata/labels/app', value: 'z' },
    ],
    want: 'z',
    pick: (d) => (labels(d) as JsonObject).app,
  },
  {
    name: 'test compares structurally, ignoring member order',
    ops: [{ op: 'test', path: '/spec/template/spec/containers/1', value: { image: 'busybox', name: 'side' } }],
    want: 'side',
    pick: (d) => containers(d)[1]?.name,
  },
  {
    name: 'test for null matches a missing member',
    ops: [{ op: 'test', path: '/metadata/annotations', value: null }],
    want: undefined,
    pick: (d) => ((d as JsonObject).metadata as JsonObject).annotations,
  },
  {
    name: 'move relocates a value',
    ops: [{ op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/name' }],
    want: { 'app.kubernetes.io/name': 'x', 'a~b': 'tilde', name: 'x' },
    pick: labels,
  },
  {
    name: 'move reorders array elements',
    ops: [{ op: 'move', from: '/spec/template/spec/containers/1', path: '/spec/template/spec/containers/0' }],
    want: ['side', 'web'],
    pick: (d) => containers(d).map((c) => c.name),
  },
  {
    name: 'copy duplicates a value by value',
    ops: [
      { op: 'copy', from: '/spec/template/spec/containers/0', path: '/spec/template/spec/containers/-' },
      { op: 'replace', path: '/spec/template/spec/containers/2/name', value: 'web2' },
    ],
    want: [['web', 'side', 'web2'], 'nginx:1.21'],
    pick: (d) => [containers(d).map((c) => c.name), containers(d)[2]?.image],
  },
  {
    name: 'add without value stores null (upstream)',
    ops: [{ op: 'add', path: '/metadata/annotations' }],
    want: null,
    pick: (d) => ((d as JsonObject).metadata as JsonObject).annotations,
  },
  {
    name: 'replace of the root with an object swaps the document',
    ops: [{ op: 'replace', path: '', value: { kind: 'Pod' } }],
    want: { kind: 'Pod' },
    pick: (d) => d,
  },
  {
    name: 'replace of the root with a scalar is ignored (upstream)',
    ops: [{ op: 'replace', path: '', value: 5 }],
    want: 1,
    pick: (d) => ((d as JsonObject).spec as JsonObject).replicas,
  },
  {
    name: 'a null body is an empty patch',
    ops: null,
    want: 1,
    pick: (d) => ((d as JsonObject).spec as JsonObject).replicas,
  },
];

for (const c of cases) {
  test(`applyJsonPatch: ${c.name}`, () => {
    const doc = deepFreeze(deployment());
    const ops = deepFreeze(structuredClone(c.ops));
    assert.deepEqual(c.pick(applyJsonPatch(doc, ops)), c.want);
    assert.deepEqual(doc, deployment(), 'input is unchanged');
  });
}

interface ErrorCase {
  name: string;
  ops: JsonValue;
  code: PatchErrorCode;
  message: string;
}

const errorCases: ErrorCase[] = [
  {
    name: 'replace under a missing parent',
    ops: [{ op: 'replace', path: '/spec/nope/x', value: 1 }],
    code: 'Invalid',
    message: 'replace operation does not apply: doc is missing path: /spec/nope/x: missing value',
  },
  {
    name: 'add under a missing parent (path is quoted, as upstream)',
    ops: [{ op: 'add', path: '/spec/nope/x', value: 1 }],
    code: 'Invalid',
    message: 'add operation does not apply: doc is missing path: "/spec/nope/x": missing value',
  },
  {
    name: 'replace of a missing array element',
    ops: [{ op: 'replace', path: '/spec/template/spec/containers/5', value: {} }],
    code: 'Invalid',
    message: 'replace operation does not apply: doc is missing key: /spec/template/spec/containers/5: missing value',
  },
  {
    name: 'remove of a missing member',
    ops: [{ op: 'remove', path: '/metadata/labels/nope' }],
    code: 'Invalid',
    message: "error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value",
  },
  {
    name: 'add past the end of an array',
    ops: [{ op: 'add', path: '/spec/template/spec/containers/5', value: {} }],
    code: 'Invalid',
    message:
      "error in add for path: '/spec/template/spec/containers/5': Unable to access invalid index: 5: invalid index referenced",
  },
  {
    name: 'add with a non-numeric array index',
    ops: [{ op: 'add', path: '/spec/template/spec/containers/x', value: {} }],
    code: 'Invalid',
    message: `error in add for path: '/spec/template/spec/containers/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
  },
  {
    name: 'failed test',
    ops: [{ op: 'test', path: '/metadata/labels/app', value: 'nope' }],
    code: 'Invalid',
    message: 'testing value /metadata/labels/app failed: test failed',
  },
  {
    name: 'test under a missing parent',
    ops: [{ op: 'test', path: '/status/phase/x', value: 'Running' }],
    code: 'Invalid',
    message: 'test operation does not apply: is missing path: /status/phase/x: missing value',
  },
  {
    name: 'move from a missing member',
    ops: [{ op: 'move', from: '/metadata/labels/nope', path: '/metadata/labels/x' }],
    code: 'Invalid',
    message: "error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value",
  },
  {
    name: 'move into its own child',
    ops: [{ op: 'move', from: '/metadata', path: '/metadata/labels/m' }],
    code: 'Invalid',
    message: 'move operation does not apply: doc is missing destination path: /metadata/labels/m: missing value',
  },
  {
    name: 'copy to a missing parent',
    ops: [{ op: 'copy', from: '/metadata/name', path: '/status/x/y' }],
    code: 'Invalid',
    message: 'copy operation does not apply: doc is missing destination path: /status/x/y: missing value',
  },
  {
    name: 'unknown op',
    ops: [{ op: 'frobnicate', path: '/a' }],
    code: 'Invalid',
    message: 'Unexpected kind: frobnicate',
  },
  { name: 'missing op', ops: [{ path: '/a' }], code: 'Invalid', message: 'Unexpected kind: unknown' },
  {
    name: 'missing path',
    ops: [{ op: 'replace', value: 1 }],
    code: 'Invalid',
    message: 'replace operation failed to decode path: operation missing path field: missing value',
  },
  {
    name: '__proto__ cannot be targeted',
    ops: [{ op: 'add', path: '/metadata/__proto__', value: { polluted: true } }],
    code: 'Invalid',
    message: 'add operation does not apply: /metadata/__proto__: __proto__ and constructor/prototype cannot be patched',
  },
  {
    name: 'a body that is not an array',
    ops: { op: 'add', path: '/a', value: 1 },
    code: 'BadRequest',
    message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
  },
  {
    name: 'an operation that is not an object',
    ops: ['add'],
    code: 'BadRequest',
    message: 'json: cannot unmarshal string into Go value of type jsonpatch.Operation',
  },
];

for (const c of errorCases) {
  test(`applyJsonPatch fails: ${c.name}`, () => {
    assert.throws(
      () => applyJsonPatch(deployment(), c.ops),
      (e: unknown) => {
        assert.ok(isPatchError(e, c.code), `want PatchError ${c.code}, got ${String(e)}`);
        assert.equal(e.message, c.message);
        return true;
      },
    );
  });
}

test('applyJsonPatch: operations that do not apply answer 422 with upstream generic message', () => {
  try {
    applyJsonPatch(deployment(), [{ op: 'replace', path: '/spec/nope/x', value: 1 }]);
    assert.fail('expected an error');
  } catch (e) {
    assert.ok(isPatchError(e, 'Invalid'));
    assert.equal(e.status, 422);
    assert.equal(e.reason, 'Invalid');
    assert.equal(e.statusMessage, GENERIC_INVALID_MESSAGE);
  }
});

test('applyJsonPatch: a failed operation leaves nothing half-applied in the input', () => {
  const doc = deepFreeze(deployment());
  assert.throws(() =>
    applyJsonPatch(doc, [
      { op: 'replace', path: '/spec/replicas', value: 9 },
      { op: 'test', path: '/spec/replicas', value: 1 },
    ]),
  );
  assert.deepEqual(doc, deployment());
});

test('applyJsonPatch: copy size is capped', () => {
  const ops = [
    { op: 'copy', from: '/metadata', path: '/a' },
    { op: 'copy', from: '/metadata', path: '/b' },
  ];
  assert.throws(
    () => applyJsonPatch(deployment(), ops, { maxCopyBytes: 150 }),
    (e: unknown) =>
      isPatchError(e, 'Invalid') &&
      /^Unable to complete the copy, the accumulated size increase of copy is \d+, exceeding the limit 150$/.test(
        e.message,
      ),
  );
  assert.doesNotThrow(() => applyJsonPatch(deployment(), ops, { maxCopyBytes: 0 }));
});

test('decodeJsonPatch refuses more than the maximum number of operations', () => {
  const ops = Array.from({ length: MAX_JSON_PATCH_OPERATIONS + 1 }, () => ({ op: 'test', path: '/a', value: 1 }));
  assert.throws(
    () => decodeJsonPatch(ops),
    (e: unknown) =>
      isPatchError(e, 'RequestEntityTooLarge') &&
      e.status === 413 &&
      e.statusMessage ===
        'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
  );
});
