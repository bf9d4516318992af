import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveListType } from './dsl.js';
import { appsV1Kinds } from './apps-v1.js';
import { Deployment, DeploymentSpec } from './apps-v1-deployment.js';
import { StatefulSetSpec } from './apps-v1-statefulset.js';
import { findUnknownFields, patchMetaFor } from './fields.js';
import { openapiV3ForGroupVersion } from './openapi.js';
import { decodeK8sProtobuf } from './protobuf.js';
import { buildSchemaRegistry } from './registry.js';
import { KUBECTL_GROUP_BODIES } from './testdata/kubectl-bodies-groups.js';
import { entry, envelope, message, str, sub, varint, type Part } from './testdata/protobuf-builders.js';
import { assertCapturedBodiesDecode, assertOpenAPIServes, assertResources } from './testdata/served-group.js';

const registry = buildSchemaRegistry();

test('apps/v1 kinds register with upstream discovery metadata', () => {
  assertResources(registry, appsV1Kinds, [
    { kind: 'ControllerRevision', plural: 'controllerrevisions', singular: 'controllerrevision', namespaced: true },
    {
      kind: 'DaemonSet',
      plural: 'daemonsets',
      singular: 'daemonset',
      namespaced: true,
      shortNames: ['ds'],
      categories: ['all'],
      subresources: ['status'],
    },
    {
      kind: 'Deployment',
      plural: 'deployments',
      singular: 'deployment',
      namespaced: true,
      shortNames: ['deploy'],
      categories: ['all'],
      subresources: ['scale', 'status'],
    },
    {
      kind: 'ReplicaSet',
      plural: 'replicasets',
      singular: 'replicaset',
      namespaced: true,
      shortNames: ['rs'],
      categories: ['all'],
      subresources: ['scale', 'status'],
    },
    {
      kind: 'StatefulSet',
      plural: 'statefulsets',
      singular: 'statefulset',
      namespaced: true,
      shortNames: ['sts'],
      categories: ['all'],
      subresources: ['scale', 'status'],
    },
  ]);
  const scale = appsV1Kinds.find((k) => k.gvk.kind === 'Deployment')!.resource!.subresources[0]!;
  assert.deepEqual(scale.kind, { group: 'autoscaling', version: 'v1', kind: 'Scale' });
});

test('apps/v1 OpenAPI v3 serves every kind with a PATCH operation listing fieldValidation', () => {
  assertOpenAPIServes(registry, appsV1Kinds);
});

test('apps/v1 OpenAPI marks Deployment strategy retainKeys and its required fields', () => {
  const doc = openapiV3ForGroupVersion(registry, 'apps', 'v1') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON document
  const spec = doc.components.schemas['io.k8s.api.apps.v1.DeploymentSpec'];
  assert.equal(spec.properties.strategy['x-kubernetes-patch-strategy'], 'retainKeys');
  assert.deepEqual(spec.required, ['selector', 'template']);
  const maxSurge = doc.components.schemas['io.k8s.api.apps.v1.RollingUpdateDeployment'].properties.maxSurge;
  assert.deepEqual(maxSurge.allOf, [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString' }]);
  assert.deepEqual(doc.components.schemas['io.k8s.api.apps.v1.DeploymentStrategy'].properties.type.enum, [
    'Recreate',
    'RollingUpdate',
  ]);
});

// --- protobuf -----------------------------------------------------------------------------------------------------
const strEntry = (no: number, key: string, value: string): Part => entry(no, key, str(2, value));

test('a hand-built Deployment protobuf decodes to the JSON kubectl 1.27 sends', () => {
  const labels = strEntry(11, 'app', 'web');
  const body = message(
    sub(1, str(1, 'web'), str(2, ''), str(3, ''), labels), // ObjectMeta: name, generateName, namespace, labels
    sub(
      2, // DeploymentSpec
      varint(1, 3), // replicas
      sub(2, strEntry(1, 'app', 'web')), // selector.matchLabels
      sub(
        3, // template
        sub(1, labels), // metadata.labels
        sub(
          2, // PodSpec
          sub(
            2, // containers[0]
            str(1, 'nginx'),
            str(2, 'nginx:1.21'),
            sub(6, varint(3, 80), str(4, 'TCP')), // ports[0]: containerPort, protocol
          ),
        ),
      ),
      sub(
        4, // strategy
        str(1, 'RollingUpdate'),
        sub(2, sub(2, varint(1, 1), str(3, '25%'))), // rollingUpdate.maxSurge: IntOrString{type 1, strVal}
      ),
    ),
  );
  const got = decodeK8sProtobuf(envelope('apps/v1', 'Deployment', body), registry);
  const want = {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [
            { name: 'nginx', image: 'nginx:1.21', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} },
          ],
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } },
    },
    status: {},
  };
  assert.equal(JSON.stringify(got), JSON.stringify(want));
});

test('kubectl 1.32 protobuf bodies for apps/v1 decode to the JSON kubectl 1.27 sends', () => {
  assertCapturedBodiesDecode(registry, KUBECTL_GROUP_BODIES, 'apps/v1');
});

// --- fields -------------------------------------------------------------------------------------------------------
test('unknown-field detection reaches into the Deployment pod template', () => {
  const obj = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailble: 0 } },
      template: { spec: { containers: [{ name: 'c', image: 'nginx', foo: 1 }] } },
    },
  };
  assert.deepEqual(findUnknownFields(obj, Deployment), [
    'spec.strategy.rollingUpdate.maxUnavailble',
    'spec.template.spec.containers[0].foo',
  ]);
});

test('strategic merge metadata: containers merge by name, strategy retains keys, conditions merge by type', () => {
  const spec = patchMetaFor(Deployment).field('spec')!.elem!;
  const containers = spec.field('template')!.elem!.field('spec')!.elem!.field('containers')!;
  assert.equal(containers.mergeKey, 'name');
  assert.ok(containers.strategies.has('merge'));
  assert.equal(containers.isList, true);
  const strategy = spec.field('strategy')!;
  assert.deepEqual([...strategy.strategies], ['retainKeys']);
  assert.equal(strategy.mergeKey, undefined);
  const conditions = patchMetaFor(Deployment).field('status')!.elem!.field('conditions')!;
  assert.equal(conditions.mergeKey, 'type');
  assert.ok(conditions.strategies.has('merge'));
});

test('apps/v1 list semantics follow upstream markers', () => {
  const cases = [
    { name: 'volumeClaimTemplates', f: StatefulSetSpec.property('volumeClaimTemplates')!, want: 'atomic' },
    {
      name: 'deployment conditions',
      f: registry.definitions.get('io.k8s.api.apps.v1.DeploymentStatus')!.property('conditions')!,
      want: 'map',
    },
  ];
  for (const c of cases) assert.equal(effectiveListType(c.f).listType, c.want, c.name);
  assert.equal(DeploymentSpec.property('selector')!.required, true);
  assert.equal(DeploymentSpec.property('replicas')!.pointer, true);
});
