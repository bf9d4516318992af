import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchemaRegistry } from './registry.js';
import { openapiHash, openapiV2, openapiV3Documents, openapiV3ForGroupVersion, openapiV3Root } from './openapi.js';

const registry = buildSchemaRegistry();
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON documents

const core = openapiV3ForGroupVersion(registry, '', 'v1') as Obj;

/** Every `$ref` string in a document. */
function refs(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => refs(x, out));
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      if (k === '$ref' && typeof x === 'string') out.push(x);
      else refs(x, out);
    }
  }
  return out;
}

test('core/v1 v3 document has the Pod schema with its GVK and allOf-wrapped refs', () => {
  assert.equal(core.openapi, '3.0.0');
  const pod = core.components.schemas['io.k8s.api.core.v1.Pod'];
  assert.deepEqual(pod['x-kubernetes-group-version-kind'], [{ group: '', kind: 'Pod', version: 'v1' }]);
  assert.deepEqual(pod.properties.metadata.allOf, [
    { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
  ]);
  assert.equal(typeof pod.properties.metadata.description, 'string');
  assert.equal(pod.type, 'object');
});

test('core/v1 v3 PATCH operation for pods lists fieldValidation', () => {
  const patch = core.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
  assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: '', kind: 'Pod', version: 'v1' });
  assert.equal(patch['x-kubernetes-action'], 'patch');
  assert.equal(patch.operationId, 'patchCoreV1NamespacedPod');
  const names = patch.parameters.map((p: Obj) => p.name);
  for (const n of ['dryRun', 'fieldManager', 'fieldValidation', 'force']) assert.ok(names.includes(n), n);
  assert.deepEqual(Object.keys(patch.requestBody.content).sort(), [
    'application/apply-patch+yaml',
    'application/json-patch+json',
    'application/merge-patch+json',
    'application/strategic-merge-patch+json',
  ]);
});

test('field extensions and formats follow upstream', () => {
  const s = core.components.schemas;
  const containers = s['io.k8s.api.core.v1.PodSpec'].properties.containers;
  assert.equal(containers['x-kubernetes-patch-merge-key'], 'name');
  assert.equal(containers['x-kubernetes-patch-strategy'], 'merge');
  assert.equal(containers['x-kubernetes-list-type'], 'map');
  assert.deepEqual(containers['x-kubernetes-list-map-keys'], ['name']);
  assert.deepEqual(s['io.k8s.api.core.v1.PodSpec'].required, ['containers']);
  assert.equal(s['io.k8s.api.core.v1.PodSpec'].properties.volumes['x-kubernetes-patch-strategy'], 'merge,retainKeys');
  assert.equal(s['io.k8s.api.core.v1.ContainerPort'].properties.containerPort.format, 'int32');
  assert.equal(s['io.k8s.api.core.v1.PodSpec'].properties.activeDeadlineSeconds.format, 'int64');
  assert.equal(s['io.k8s.api.core.v1.Secret'].properties.data.additionalProperties.format, 'byte');
  assert.equal(s['io.k8s.apimachinery.pkg.apis.meta.v1.Time'].format, 'date-time');
  assert.equal(s['io.k8s.apimachinery.pkg.util.intstr.IntOrString']['x-kubernetes-int-or-string'], true);
  assert.equal(s['io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector']['x-kubernetes-map-type'], 'atomic');
});

test('every $ref resolves and operation ids are unique', () => {
  for (const [key, entry] of openapiV3Documents(registry)) {
    const doc = entry.document as Obj;
    for (const r of refs(doc)) {
      const name = r.replace('#/components/schemas/', '');
      assert.ok(doc.components.schemas[name], `${key}: dangling ${r}`);
    }
    const ids = Object.values(doc.paths as Obj).flatMap((item: Obj) =>
      ['get', 'put', 'post', 'patch', 'delete'].filter((m) => item[m]).map((m) => item[m].operationId as string),
    );
    assert.equal(new Set(ids).size, ids.length, `${key}: duplicate operationId`);
  }
});

test('core/v1 routes cover lists, watches and subresources', () => {
  const p = core.paths;
  const cases: [string, string, string, string][] = [
    ['/api/v1/namespaces/{namespace}/pods', 'get', 'listCoreV1NamespacedPod', 'list'],
    ['/api/v1/namespaces/{namespace}/pods', 'post', 'createCoreV1NamespacedPod', 'post'],
    ['/api/v1/pods', 'get', 'listCoreV1PodForAllNamespaces', 'list'],
    ['/api/v1/namespaces/{name}', 'put', 'replaceCoreV1Namespace', 'put'],
    ['/api/v1/namespaces/{name}/finalize', 'put', 'replaceCoreV1NamespaceFinalize', 'put'],
    ['/api/v1/watch/namespaces/{namespace}/pods/{name}', 'get', 'watchCoreV1NamespacedPod', 'watch'],
    ['/api/v1/namespaces/{namespace}/pods/{name}/status', 'patch', 'patchCoreV1NamespacedPodStatus', 'patch'],
    ['/api/v1/namespaces/{namespace}/pods/{name}/exec', 'get', 'connectCoreV1GetNamespacedPodExec', 'connect'],
    ['/api/v1/namespaces/{namespace}/pods/{name}/log', 'get', 'readCoreV1NamespacedPodLog', 'get'],
    ['/api/v1/namespaces/{namespace}/pods/{name}/eviction', 'post', 'createCoreV1NamespacedPodEviction', 'post'],
    [
      '/api/v1/namespaces/{namespace}/replicationcontrollers/{name}/scale',
      'patch',
      'patchCoreV1NamespacedReplicationControllerScale',
      'patch',
    ],
  ];
  for (const [path, method, id, action] of cases) {
    const op = p[path]?.[method];
    assert.ok(op, `${method} ${path}`);
    assert.equal(op.operationId, id);
    assert.equal(op['x-kubernetes-action'], action);
  }
  assert.deepEqual(p['/api/v1/namespaces/{namespace}/pods/{name}/eviction'].post['x-kubernetes-group-version-kind'], {
    group: 'policy',
    kind: 'Eviction',
    version: 'v1',
  });
  assert.ok(core.components.schemas['io.k8s.api.policy.v1.Eviction']);
  assert.ok(core.components.schemas['io.k8s.api.autoscaling.v1.Scale']);
  const exec = p['/api/v1/namespaces/{namespace}/pods/{name}/exec'].get;
  assert.ok(exec.parameters.some((q: Obj) => q.name === 'command'));
});

test('a group-version the registry does not serve has no document', () => {
  assert.equal(openapiV3ForGroupVersion(registry, 'nope.example.com', 'v1'), undefined);
});

test('the v3 root lists each group-version with the SHA-512 of its document', () => {
  const docs = openapiV3Documents(registry);
  const root = openapiV3Root(registry, docs);
  const entry = root.paths['api/v1'];
  assert.ok(entry);
  const m = /^\/openapi\/v3\/api\/v1\?hash=([0-9A-F]{128})$/.exec(entry.serverRelativeURL);
  assert.ok(m, entry.serverRelativeURL);
  assert.equal(m[1], openapiHash(docs.get('api/v1')!.json));
  assert.ok(root.paths['apis/authorization.k8s.io/v1']);
  assert.deepEqual(openapiV3Root(buildSchemaRegistry()), root, 'output is deterministic');
});

test('v2 document uses definitions refs and has the same PATCH parameters', () => {
  const v2 = openapiV2(registry, { version: 'v1.33.0' }) as Obj;
  assert.equal(v2.swagger, '2.0');
  assert.equal(v2.info.version, 'v1.33.0');
  for (const r of refs(v2)) assert.ok(v2.definitions[r.replace('#/definitions/', '')], `dangling ${r}`);
  const pod = v2.definitions['io.k8s.api.core.v1.Pod'];
  assert.equal(pod.properties.metadata.$ref, '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
  const patch = v2.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
  assert.ok(patch.parameters.some((p: Obj) => p.name === 'fieldValidation' && p.in === 'query'));
  assert.ok(patch.parameters.some((p: Obj) => p.in === 'body'));
  assert.ok(v2.paths['/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'].post);
});
