import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from './json.js';
import { isPatchError } from './patch-error.js';
import { EMPTY_PATCH_META, type PatchMeta } from './patch-meta.js';
import { DEPLOYMENT_META, POD_META, SERVICE_META, deepFreeze } from './patch-meta.fixtures.js';
import { applyStrategicMergePatch, createTwoWayMergePatch } from './strategic-merge.js';

const pod = (spec: JsonObject, metadata: JsonObject = { name: 'p' }): JsonObject => ({ metadata, spec });
const web = { name: 'web', image: 'nginx:1.21' };
const side = { name: 'side', image: 'busybox' };

interface Case {
  name: string;
  meta: PatchMeta;
  original: JsonObject;
  modified: JsonObject;
  want: JsonObject;
}

const cases: Case[] = [
  {
    name: 'identical objects give an empty patch',
    meta: POD_META,
    original: pod({ containers: [web, side] }),
    modified: pod({ containers: [web, side] }),
    want: {},
  },
  {
    name: 'changed image: element diff with merge key plus $setElementOrder',
    meta: POD_META,
    original: pod({ containers: [web, side] }),
    modified: pod({ containers: [{ ...web, image: 'nginx:latest' }, side] }),
    want: {
      spec: {
        '$setElementOrder/containers': [{ name: 'web' }, { name: 'side' }],
        containers: [{ name: 'web', image: 'nginx:latest' }],
      },
    },
  },
  {
    name: 'removed container: delete directive',
    meta: POD_META,
    original: pod({ containers: [web, side] }),
    modified: pod({ containers: [web] }),
    want: {
      spec: { '$setElementOrder/containers': [{ name: 'web' }], containers: [{ $patch: 'delete', name: 'side' }] },
    },
  },
  {
    name: 'added container is sent whole',
    meta: POD_META,
    original: pod({ containers: [web] }),
    modified: pod({ containers: [web, side] }),
    want: { spec: { '$setElementOrder/containers': [{ name: 'web' }, { name: 'side' }], containers: [side] } },
  },
  {
    name: 'reordered containers: only $setElementOrder',
    meta: POD_META,
    original: pod({ containers: [web, side] }),
    modified: pod({ containers: [side, web] }),
    want: { spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'web' }] } },
  },
  {
    name: 'finalizers: additions, parallel deletion list and order',
    meta: POD_META,
    original: pod({}, { name: 'p', finalizers: ['a', 'b'] }),
    modified: pod({}, { name: 'p', finalizers: ['b', 'c'] }),
    want: {
      metadata: {
        finalizers: ['c'],
        '$deleteFromPrimitiveList/finalizers': ['a'],
        '$setElementOrder/finalizers': ['b', 'c'],
      },
    },
  },
  {
    name: 'removed label is null, changed one carries the new value',
    meta: POD_META,
    original: pod({}, { name: 'p', labels: { app: 'x', tier: 'web' } }),
    modified: pod({}, { name: 'p', labels: { app: 'y' } }),
    want: { metadata: { labels: { app: 'y', tier: null } } },
  },
  {
    name: 'Deployment strategy switch: $retainKeys clears rollingUpdate',
    meta: DEPLOYMENT_META,
    original: { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
    modified: { spec: { strategy: { type: 'Recreate' } } },
    want: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } } },
  },
  {
    name: 'volume source switch: $retainKeys inside the element',
    meta: POD_META,
    original: pod({ volumes: [{ name: 'data', emptyDir: {} }] }),
    modified: pod({ volumes: [{ name: 'data', configMap: { name: 'cfg' } }] }),
    want: {
      spec: {
        '$setElementOrder/volumes': [{ name: 'data' }],
        volumes: [{ name: 'data', $retainKeys: ['configMap', 'name'], configMap: { name: 'cfg' }, emptyDir: null }],
      },
    },
  },
  {
    name: 'atomic tolerations are sent whole',
    meta: POD_META,
    original: pod({ tolerations: [{ key: 'a', operator: 'Exists' }] }),
    modified: pod({
      tolerations: [
        { key: 'a', operator: 'Exists' },
        { key: 'b', operator: 'Exists' },
      ],
    }),
    want: {
      spec: {
        tolerations: [
          { key: 'a', operator: 'Exists' },
          { key: 'b', operator: 'Exists' },
        ],
      },
    },
  },
  {
    name: 'Service port changed by port key',
    meta: SERVICE_META,
    original: { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } },
    modified: { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } },
    want: {
      spec: { '$setElementOrder/ports': [{ port: 80 }, { port: 443 }], ports: [{ port: 80, targetPort: 9090 }] },
    },
  },
  {
    name: 'unknown fields: lists are sent whole, type changes replace',
    meta: EMPTY_PATCH_META,
    original: { a: [1, 2], b: { c: 1 }, d: 'x' },
    modified: { a: [1, 2, 3], b: 'now a string', d: 'x' },
    want: { a: [1, 2, 3], b: 'now a string' },
  },
];

for (const c of cases) {
  test(`createTwoWayMergePatch: ${c.name}`, () => {
    const original = deepFreeze(structuredClone(c.original));
    const modified = deepFreeze(structuredClone(c.modified));
    const patch = createTwoWayMergePatch(original, modified, c.meta);
    assert.deepEqual(patch, c.want);
    assert.deepEqual(
      applyStrategicMergePatch(original, patch, c.meta),
      c.modified,
      'the patch turns original into modified',
    );
  });
}

test('createTwoWayMergePatch round-trips a realistic Deployment edit', () => {
  const original = {
    metadata: { name: 'x', labels: { app: 'x' }, finalizers: ['f1'] },
    spec: {
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } },
      template: {
        spec: {
          containers: [
            { name: 'web', image: 'nginx', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] },
            { name: 'side', image: 'busybox' },
          ],
          volumes: [{ name: 'v', emptyDir: {} }],
        },
      },
    },
  };
  const modified = {
    metadata: { name: 'x', labels: { app: 'x', tier: 'fe' }, finalizers: ['f2', 'f1'] },
    spec: {
      replicas: 3,
      strategy: { type: 'Recreate' },
      template: {
        spec: {
          containers: [
            { name: 'log', image: 'fluentd' },
            {
              name: 'web',
              image: 'nginx:2',
              env: [{ name: 'B', value: '2' }],
              ports: [{ containerPort: 80 }, { containerPort: 443 }],
            },
          ],
          volumes: [{ name: 'v', secret: { secretName: 's' } }],
        },
      },
    },
  };
  const patch = createTwoWayMergePatch(original, modified, DEPLOYMENT_META);
  assert.deepEqual(applyStrategicMergePatch(original, patch, DEPLOYMENT_META), modified);
});

test('createTwoWayMergePatch refuses non-objects', () => {
  assert.throws(
    () => createTwoWayMergePatch([], {}, POD_META),
    (e) => isPatchError(e, 'BadRequest'),
  );
});
