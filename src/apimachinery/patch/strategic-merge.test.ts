import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from './json.js';
import { isPatchError, type PatchErrorCode } from './patch-error.js';
import { EMPTY_PATCH_META, type PatchMeta } from './patch-meta.js';
import { DEPLOYMENT_META, POD_META, SERVICE_META, deepFreeze } from './patch-meta.fixtures.js';
import { applyStrategicMergePatch } from './strategic-merge.js';

/** A Deployment whose pod template has two containers, web and side. */
function deployment(podSpec: JsonObject = {}, spec: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'x', namespace: 'default', labels: { app: 'x' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'x' } },
      template: {
        metadata: { labels: { app: 'x' } },
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1.21' },
            { name: 'side', image: 'busybox', command: ['sleep', '3600'] },
          ],
          ...podSpec,
        },
      },
      ...spec,
    },
  };
}
const template = (podSpec: JsonObject): JsonObject => ({ spec: { template: { spec: podSpec } } });
const podSpecOf = (d: JsonObject) => ((d.spec as JsonObject).template as JsonObject).spec as JsonObject;
const pod = (spec: JsonObject, metadata: JsonObject = { name: 'p' }): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata,
  spec,
});

interface Case {
  name: string;
  meta: PatchMeta;
  original: JsonObject;
  patch: JsonObject;
  /** The whole result, or a function picking the part to compare. */
  want: JsonObject | JsonObject[keyof JsonObject];
  pick?: (result: JsonObject) => unknown;
}

const cases: Case[] = [
  {
    name: 'kubectl apply patch: $setElementOrder keeps both containers, updates web, order web, side',
    meta: DEPLOYMENT_META,
    original: deployment(),
    patch: {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'web' }, { name: 'side' }],
            containers: [{ image: 'nginx:latest', name: 'web' }],
          },
        },
      },
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1"}\n' } },
    },
    want: {
      ...deployment({
        containers: [
          { name: 'web', image: 'nginx:latest' },
          { name: 'side', image: 'busybox', command: ['sleep', '3600'] },
        ],
      }),
      metadata: {
        name: 'x',
        namespace: 'default',
        labels: { app: 'x' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1"}\n' },
      },
    },
  },
  {
    name: 'kubectl patch (default strategic) merges containers by name',
    meta: DEPLOYMENT_META,
    original: deployment(),
    patch: template({ containers: [{ name: 'side', image: 'busybox:1.36' }] }),
    want: deployment({
      containers: [
        { name: 'web', image: 'nginx:1.21' },
        { name: 'side', image: 'busybox:1.36', command: ['sleep', '3600'] },
      ],
    }),
  },
  {
    name: 'maps merge recursively and null deletes a key',
    meta: DEPLOYMENT_META,
    original: deployment(),
    patch: { metadata: { labels: { app: null, tier: 'web' }, annotations: { a: 'b' } }, spec: { replicas: 3 } },
    want: { labels: { tier: 'web' }, annotations: { a: 'b' }, replicas: 3 },
    pick: (r) => ({
      labels: (r.metadata as JsonObject).labels,
      annotations: (r.metadata as JsonObject).annotations,
      replicas: (r.spec as JsonObject).replicas,
    }),
  },
  {
    name: 'null for an absent key is ignored, not stored',
    meta: POD_META,
    original: pod({ containers: [] }),
    patch: { spec: { nodeName: null, nodeSelector: { disk: 'ssd', zone: null } } },
    want: { containers: [], nodeSelector: { disk: 'ssd' } },
    pick: (r) => r.spec,
  },
  {
    name: '$patch: replace on a map replaces it',
    meta: POD_META,
    original: pod({ containers: [], nodeSelector: { disk: 'ssd', zone: 'a' } }),
    patch: { spec: { nodeSelector: { $patch: 'replace', gpu: 'yes' } } },
    want: { containers: [], nodeSelector: { gpu: 'yes' } },
    pick: (r) => r.spec,
  },
  {
    name: '$patch: delete on an existing map empties it (upstream keeps an empty map)',
    meta: POD_META,
    original: pod({ containers: [], nodeSelector: { disk: 'ssd' } }),
    patch: { spec: { nodeSelector: { $patch: 'delete' } } },
    want: { containers: [], nodeSelector: {} },
    pick: (r) => r.spec,
  },
  {
    name: 'a directive map for an absent key adds nothing',
    meta: POD_META,
    original: pod({ containers: [] }),
    patch: { spec: { nodeSelector: { $patch: 'delete' }, securityContext: { $patch: 'replace', runAsUser: 1 } } },
    want: { containers: [] },
    pick: (r) => r.spec,
  },
  {
    name: '$patch: replace at the root replaces the whole object',
    meta: POD_META,
    original: pod({ containers: [] }),
    patch: { $patch: 'replace', kind: 'Pod', metadata: { name: 'q' } },
    want: { kind: 'Pod', metadata: { name: 'q' } },
  },
  {
    name: 'list element $patch: delete removes the element with that key',
    meta: DEPLOYMENT_META,
    original: deployment(),
    patch: template({ containers: [{ $patch: 'delete', name: 'side' }] }),
    want: [{ name: 'web', image: 'nginx:1.21' }],
    pick: (r) => podSpecOf(r).containers,
  },
  {
    name: 'list element $patch: replace replaces the whole list with the other elements',
    meta: DEPLOYMENT_META,
    original: deployment(),
    patch: template({ containers: [{ $patch: 'replace' }, { name: 'only', image: 'alpine', stdin: null }] }),
    want: [{ name: 'only', image: 'alpine' }],
    pick: (r) => podSpecOf(r).containers,
  },
  {
    name: 'a new container without $setElementOrder goes first (upstream places unknown patch items first)',
    meta: DEPLOYMENT_META,
    original: deployment(),
    patch: template({ containers: [{ name: 'log', image: 'fluentd', ports: [{ containerPort: 24224 }] }] }),
    want: ['log', 'web', 'side'],
    pick: (r) => (podSpecOf(r).containers as JsonObject[]).map((c) => c.name),
  },
  {
    name: 'nested merge lists: env by name, ports by containerPort, volumeMounts by mountPath',
    meta: POD_META,
    original: pod({
      containers: [
        {
          name: 'web',
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        },
      ],
    }),
    patch: {
      spec: {
        containers: [
          {
            name: 'web',
            env: [
              { name: 'B', value: '3' },
              { name: 'C', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            ],
            ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }],
            volumeMounts: [
              { mountPath: '/data', readOnly: true },
              { $patch: 'delete', mountPath: '/tmp' },
            ],
          },
        ],
      },
    },
    want: [
      {
        name: 'web',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '3' },
          { name: 'C', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        ],
        ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 443 }],
        volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }],
      },
    ],
    pick: (r) => (r.spec as JsonObject).containers,
  },
  {
    name: 'initContainers and ephemeralContainers merge by name too',
    meta: POD_META,
    original: pod({
      containers: [],
      initContainers: [{ name: 'init', image: 'a' }],
      ephemeralContainers: [{ name: 'dbg', image: 'b' }],
    }),
    patch: {
      spec: { initContainers: [{ name: 'init', image: 'a2' }], ephemeralContainers: [{ name: 'dbg2', image: 'c' }] },
    },
    want: {
      initContainers: [{ name: 'init', image: 'a2' }],
      ephemeralContainers: [
        { name: 'dbg2', image: 'c' },
        { name: 'dbg', image: 'b' },
      ],
    },
    pick: (r) => ({
      initContainers: (r.spec as JsonObject).initContainers,
      ephemeralContainers: (r.spec as JsonObject).ephemeralContainers,
    }),
  },
  {
    name: 'primitive merge list (finalizers) takes the union',
    meta: POD_META,
    original: pod({}, { name: 'p', finalizers: ['a', 'b'] }),
    patch: { metadata: { finalizers: ['b', 'c'] } },
    want: ['a', 'b', 'c'],
    pick: (r) => (r.metadata as JsonObject).finalizers,
  },
  {
    name: 'primitive merge list without $setElementOrder puts new values before the live ones (upstream order)',
    meta: POD_META,
    original: pod({}, { name: 'p', finalizers: ['a', 'b'] }),
    patch: { metadata: { finalizers: ['c'] } },
    want: ['c', 'a', 'b'],
    pick: (r) => (r.metadata as JsonObject).finalizers,
  },
  {
    name: '$deleteFromPrimitiveList removes primitives; unknown values are ignored',
    meta: POD_META,
    original: pod({}, { name: 'p', finalizers: ['a', 'b', 'c'] }),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'zzz'] } },
    want: ['a', 'c'],
    pick: (r) => (r.metadata as JsonObject).finalizers,
  },
  {
    name: '$deleteFromPrimitiveList of an absent list adds nothing',
    meta: POD_META,
    original: pod({}, { name: 'p' }),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] } },
    want: { name: 'p' },
    pick: (r) => r.metadata,
  },
  {
    name: 'kubectl apply finalizers patch: add, delete and order together',
    meta: POD_META,
    original: pod({}, { name: 'p', finalizers: ['a', 'b'] }),
    patch: {
      metadata: {
        '$setElementOrder/finalizers': ['c', 'b'],
        '$deleteFromPrimitiveList/finalizers': ['a'],
        finalizers: ['c'],
      },
    },
    want: ['c', 'b'],
    pick: (r) => (r.metadata as JsonObject).finalizers,
  },
  {
    name: '$setElementOrder alone reorders containers',
    meta: DEPLOYMENT_META,
    original: deployment(),
    patch: template({ '$setElementOrder/containers': [{ name: 'side' }, { name: 'web' }] }),
    want: ['side', 'web'],
    pick: (r) => (podSpecOf(r).containers as JsonObject[]).map((c) => c.name),
  },
  {
    name: '$setElementOrder places a new container where the order says',
    meta: DEPLOYMENT_META,
    original: deployment(),
    patch: template({
      '$setElementOrder/containers': [{ name: 'web' }, { name: 'log' }, { name: 'side' }],
      containers: [{ name: 'log', image: 'fluentd' }],
    }),
    want: ['web', 'log', 'side'],
    pick: (r) => (podSpecOf(r).containers as JsonObject[]).map((c) => c.name),
  },
  {
    name: '$setElementOrder: live items it does not name are interleaved by live order (upstream rule)',
    meta: POD_META,
    original: pod({ containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }),
    patch: { spec: { '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }] } },
    want: ['b', 'c', 'a'],
    pick: (r) => ((r.spec as JsonObject).containers as JsonObject[]).map((c) => c.name),
  },
  {
    name: 'kubectl apply swapping a sidecar: live-only containers are ordered by the merged live list (upstream)',
    meta: DEPLOYMENT_META,
    original: deployment({ containers: [{ name: 'web' }, { name: 'side' }, { name: 'istio-proxy' }] }),
    patch: template({
      '$setElementOrder/containers': [{ name: 'web' }, { name: 'log' }],
      containers: [
        { name: 'log', image: 'fluentd' },
        { $patch: 'delete', name: 'side' },
      ],
    }),
    want: ['web', 'istio-proxy', 'log'],
    pick: (r) => (podSpecOf(r).containers as JsonObject[]).map((c) => c.name),
  },
  {
    name: '$setElementOrder with an addition and a deletion keeps live-only items before the new one',
    meta: POD_META,
    original: pod({ containers: [{ name: 'a' }, { name: 'b', tty: true }, { name: 'd', stdin: true }] }),
    patch: {
      spec: {
        '$setElementOrder/containers': [{ name: 'b' }, { name: 'c' }],
        containers: [{ name: 'c' }, { name: 'a', $patch: 'delete' }],
      },
    },
    want: [{ name: 'b', tty: true }, { name: 'd', stdin: true }, { name: 'c' }],
    pick: (r) => (r.spec as JsonObject).containers,
  },
  {
    name: '$setElementOrder may name items absent from the list',
    meta: POD_META,
    original: pod({}, { name: 'p', finalizers: ['x', 'z'] }),
    patch: { metadata: { '$setElementOrder/finalizers': ['z', 'y', 'x'] } },
    want: ['z', 'x'],
    pick: (r) => (r.metadata as JsonObject).finalizers,
  },
  {
    name: 'volumes: $retainKeys on an element clears the old volume source',
    meta: POD_META,
    original: pod({
      containers: [],
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'cfg', configMap: { name: 'c1' } },
      ],
    }),
    patch: {
      spec: {
        '$setElementOrder/volumes': [{ name: 'data' }, { name: 'cfg' }],
        volumes: [{ name: 'data', $retainKeys: ['configMap', 'name'], configMap: { name: 'c2' } }],
      },
    },
    want: [
      { name: 'data', configMap: { name: 'c2' } },
      { name: 'cfg', configMap: { name: 'c1' } },
    ],
    pick: (r) => (r.spec as JsonObject).volumes,
  },
  {
    name: 'Deployment strategy: $retainKeys drops rollingUpdate when switching to Recreate',
    meta: DEPLOYMENT_META,
    original: deployment(
      {},
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } },
    ),
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } } },
    want: { type: 'Recreate' },
    pick: (r) => (r.spec as JsonObject).strategy,
  },
  {
    name: 'retainKeys map without $retainKeys merges normally',
    meta: DEPLOYMENT_META,
    original: deployment({}, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } }),
    patch: { spec: { strategy: { rollingUpdate: { maxSurge: 1 } } } },
    want: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    pick: (r) => (r.spec as JsonObject).strategy,
  },
  {
    name: 'tolerations are atomic: the patch list replaces the live one',
    meta: POD_META,
    original: pod({
      containers: [],
      tolerations: [
        { key: 'a', operator: 'Exists' },
        { key: 'b', operator: 'Exists' },
      ],
    }),
    patch: { spec: { tolerations: [{ key: 'c', operator: 'Equal', value: 'x', effect: null }] } },
    want: [{ key: 'c', operator: 'Equal', value: 'x' }],
    pick: (r) => (r.spec as JsonObject).tolerations,
  },
  {
    name: 'imagePullSecrets merge by name',
    meta: POD_META,
    original: pod({ containers: [], imagePullSecrets: [{ name: 'reg1' }] }),
    patch: { spec: { imagePullSecrets: [{ name: 'reg2' }, { name: 'reg1' }] } },
    want: [{ name: 'reg2' }, { name: 'reg1' }],
    pick: (r) => (r.spec as JsonObject).imagePullSecrets,
  },
  {
    name: 'ownerReferences merge by uid',
    meta: POD_META,
    original: pod(
      {},
      { name: 'p', ownerReferences: [{ uid: 'u1', kind: 'ReplicaSet', name: 'rs1', controller: true }] },
    ),
    patch: {
      metadata: {
        ownerReferences: [
          { uid: 'u1', blockOwnerDeletion: true },
          { uid: 'u2', kind: 'Job', name: 'j' },
        ],
      },
    },
    want: [
      { uid: 'u1', kind: 'ReplicaSet', name: 'rs1', controller: true, blockOwnerDeletion: true },
      { uid: 'u2', kind: 'Job', name: 'j' },
    ],
    pick: (r) => (r.metadata as JsonObject).ownerReferences,
  },
  {
    name: 'Service ports merge by port',
    meta: SERVICE_META,
    original: {
      kind: 'Service',
      spec: { selector: { app: 'x' }, ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] },
    },
    patch: { spec: { ports: [{ port: 80, targetPort: 9090, name: 'http' }] } },
    want: [{ port: 80, targetPort: 9090, name: 'http' }, { port: 443 }],
    pick: (r) => (r.spec as JsonObject).ports,
  },
  {
    name: 'status conditions merge by type',
    meta: POD_META,
    original: pod({}, { name: 'p' }),
    patch: { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    want: { conditions: [{ type: 'Ready', status: 'True' }] },
    pick: (r) => r.status,
  },
  {
    name: 'status conditions: existing type updated in place',
    meta: POD_META,
    original: {
      ...pod({}),
      status: {
        conditions: [
          { type: 'PodScheduled', status: 'True' },
          { type: 'Ready', status: 'False' },
        ],
      },
    },
    patch: { status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z' }] } },
    want: [
      { type: 'PodScheduled', status: 'True' },
      { type: 'Ready', status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z' },
    ],
    pick: (r) => (r.status as JsonObject).conditions,
  },
  {
    name: 'unknown fields: maps merge, lists are replaced (EMPTY_PATCH_META)',
    meta: EMPTY_PATCH_META,
    original: deployment(),
    patch: template({ containers: [{ name: 'side', image: 'busybox:1.36' }] }),
    want: [{ name: 'side', image: 'busybox:1.36' }],
    pick: (r) => podSpecOf(r).containers,
  },
  {
    name: 'a key repeated in the patch list merges into the element just added',
    meta: POD_META,
    original: pod({ containers: [] }),
    patch: {
      spec: {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'a', tty: true },
        ],
      },
    },
    want: [{ name: 'a', image: 'x', tty: true }],
    pick: (r) => (r.spec as JsonObject).containers,
  },
  {
    name: 'a value of another JSON type replaces the live value',
    meta: POD_META,
    original: pod({ containers: [{ name: 'a', ports: [{ containerPort: 80 }] }] }),
    patch: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: '8080' }] }] } },
    want: [{ name: 'a', ports: [{ containerPort: 80, hostPort: '8080' }] }],
    pick: (r) => (r.spec as JsonObject).containers,
  },
];

for (const c of cases) {
  test(`applyStrategicMergePatch: ${c.name}`, () => {
    const original = deepFreeze(structuredClone(c.original));
    const patch = deepFreeze(structuredClone(c.patch));
    const got = applyStrategicMergePatch(original, patch, c.meta);
    assert.deepEqual(c.pick ? c.pick(got) : got, c.want);
    assert.deepEqual(original, c.original, 'original is unchanged');
  });
}

interface ErrorCase {
  name: string;
  meta: PatchMeta;
  original: unknown;
  patch: unknown;
  code: PatchErrorCode;
  status: number;
  message: RegExp | string;
}

const errorCases: ErrorCase[] = [
  {
    name: 'a patch that is not an object is a bad request',
    meta: POD_META,
    original: pod({}),
    patch: [{ op: 'add' }],
    code: 'BadRequest',
    status: 400,
    message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
  },
  {
    name: 'unknown $ directive keys are refused like strict decoding',
    meta: POD_META,
    original: pod({ containers: [] }),
    patch: { spec: { $foo: 1 } },
    code: 'Invalid',
    status: 422,
    message: 'strict decoding error: unknown field "spec.$foo"',
  },
  {
    name: 'unknown $ directive keys inside new values are refused too',
    meta: POD_META,
    original: pod({ containers: [] }),
    patch: { spec: { containers: [{ name: 'a', $bar: true }] } },
    code: 'Invalid',
    status: 422,
    message: 'strict decoding error: unknown field "spec.containers[0].$bar"',
  },
  {
    name: 'unknown $patch value on a map',
    meta: POD_META,
    original: pod({ containers: [], nodeSelector: {} }),
    patch: { spec: { nodeSelector: { $patch: 'bogus' } } },
    code: 'Internal',
    status: 500,
    message: 'unknown patch type: bogus in map: map[$patch:bogus]',
  },
  {
    name: 'unknown $patch value on a list element',
    meta: POD_META,
    original: pod({ containers: [{ name: 'a' }] }),
    patch: { spec: { containers: [{ name: 'a', $patch: 'frob' }] } },
    code: 'Internal',
    status: 500,
    message: 'unknown patch type: frob in map: map[$patch:frob name:a]',
  },
  {
    name: '$patch: merge on a list element is not supported',
    meta: POD_META,
    original: pod({ containers: [{ name: 'a' }] }),
    patch: { spec: { containers: [{ $patch: 'merge' }] } },
    code: 'Internal',
    status: 500,
    message: 'merging lists cannot yet be specified in the patch',
  },
  {
    name: 'a merge list element without its merge key',
    meta: POD_META,
    original: pod({ containers: [{ name: 'a' }] }),
    patch: { spec: { containers: [{ image: 'x' }] } },
    code: 'Internal',
    status: 500,
    message: 'map: map[image:x] does not contain declared merge key: name',
  },
  {
    name: 'a map where the field is a list',
    meta: POD_META,
    original: pod({ containers: [{ name: 'a' }] }),
    patch: { spec: { containers: { name: 'a' } } },
    code: 'Invalid',
    status: 422,
    message: 'cannot restore slice from map',
  },
  {
    name: 'a list where the field is an object',
    meta: DEPLOYMENT_META,
    original: deployment(),
    patch: { spec: { template: [{ spec: {} }] } },
    code: 'Invalid',
    status: 422,
    message: 'cannot restore struct from: slice',
  },
  {
    name: 'patch list order contradicting $setElementOrder',
    meta: POD_META,
    original: pod({ containers: [{ name: 'a' }, { name: 'b' }] }),
    patch: {
      spec: {
        '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }],
        containers: [{ name: 'b' }, { name: 'a' }],
      },
    },
    code: 'Internal',
    status: 500,
    message: /^The order in patch list:\n\[map\[name:b\] map\[name:a\]\]\n doesn't match \$setElementOrder list:\n/,
  },
  {
    name: '$setElementOrder that is not a list',
    meta: POD_META,
    original: pod({ containers: [] }),
    patch: { spec: { '$setElementOrder/containers': { name: 'a' } } },
    code: 'Internal',
    status: 500,
    message: 'expected a []interface {}, but received a map[string]interface {}',
  },
  {
    name: 'malformed $setElementOrder key',
    meta: POD_META,
    original: pod({ containers: [] }),
    patch: { spec: { $setElementOrdercontainers: [] } },
    code: 'BadRequest',
    status: 400,
    message: 'invalid patch format of setElementOrder list',
  },
  {
    name: 'malformed $deleteFromPrimitiveList key',
    meta: POD_META,
    original: pod({}, { name: 'p', finalizers: ['a'] }),
    patch: { metadata: { $deleteFromPrimitiveList: ['a'] } },
    code: 'BadRequest',
    status: 400,
    message: 'invalid patch format of primitive list',
  },
  {
    name: '$retainKeys that is not a list',
    meta: DEPLOYMENT_META,
    original: deployment({}, { strategy: { type: 'Recreate' } }),
    patch: { spec: { strategy: { $retainKeys: 'type' } } },
    code: 'BadRequest',
    status: 400,
    message: 'invalid patch format of retainKeys',
  },
  {
    name: '$retainKeys must list every key the patch sets',
    meta: DEPLOYMENT_META,
    original: deployment({}, { strategy: { type: 'Recreate' } }),
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
    code: 'BadRequest',
    status: 400,
    message: 'invalid patch format of retainKeys',
  },
  {
    name: 'lists of lists are refused',
    meta: POD_META,
    original: pod({}, { name: 'p', finalizers: [] }),
    patch: { metadata: { finalizers: [['a']] } },
    code: 'Invalid',
    status: 422,
    message: 'lists of lists are not supported',
  },
  {
    name: 'mixed element types in a merge list',
    meta: POD_META,
    original: pod({}, { name: 'p', finalizers: ['a'] }),
    patch: { metadata: { finalizers: [1] } },
    code: 'Internal',
    status: 500,
    message: 'list element types are not identical: [[a] [1]]',
  },
];

for (const c of errorCases) {
  test(`applyStrategicMergePatch fails: ${c.name}`, () => {
    assert.throws(
      () => applyStrategicMergePatch(c.original, c.patch, c.meta),
      (e: unknown) => {
        assert.ok(isPatchError(e, c.code), `want PatchError ${c.code}, got ${String(e)}`);
        assert.equal(e.status, c.status);
        if (typeof c.message === 'string') assert.equal(e.message, c.message);
        else assert.match(e.message, c.message);
        return true;
      },
    );
  });
}

test('applyStrategicMergePatch: Invalid errors carry the Status upstream renders', () => {
  const patch = { spec: { containers: { name: 'a' } } };
  try {
    applyStrategicMergePatch(pod({ containers: [] }), patch, POD_META);
    assert.fail('expected an error');
  } catch (e) {
    assert.ok(isPatchError(e, 'Invalid'));
    assert.equal(e.reason, 'Invalid');
    assert.equal(
      e.statusMessage,
      ' "" is invalid: patch: Invalid value: "map[spec:map[containers:map[name:a]]]": cannot restore slice from map',
    );
    assert.deepEqual(e.causes, [
      {
        type: 'FieldValueInvalid',
        field: 'patch',
        message: 'Invalid value: "map[spec:map[containers:map[name:a]]]": cannot restore slice from map',
      },
    ]);
  }
});

test('applyStrategicMergePatch: the result shares no objects with the inputs', () => {
  const original = pod({ containers: [{ name: 'a', image: 'x' }] });
  const patch = { spec: { containers: [{ name: 'b', resources: { limits: { cpu: '1' } } }] } };
  const got = applyStrategicMergePatch(original, patch, POD_META);
  const containers = (got.spec as JsonObject).containers as JsonObject[];
  const byName = (n: string) => containers.find((c) => c.name === n) as JsonObject;
  byName('a').image = 'changed';
  (byName('b').resources as JsonObject).limits = {};
  assert.equal(((original.spec as JsonObject).containers as JsonObject[])[0]?.image, 'x');
  assert.deepEqual(patch.spec.containers[0]?.resources, { limits: { cpu: '1' } });
});

test('applyStrategicMergePatch: __proto__ is an ordinary key', () => {
  const got = applyStrategicMergePatch({ data: {} }, JSON.parse('{"data":{"__proto__":"x"}}'), EMPTY_PATCH_META);
  assert.deepEqual(Object.keys(got.data as JsonObject), ['__proto__']);
  assert.equal(Object.getPrototypeOf(got.data), Object.prototype);
});
