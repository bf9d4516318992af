import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSINode, StorageClass, storageV1Kinds } from './storage-v1.js';
import { applySchemaFor, findUnknownFields, patchMetaFor } from './fields.js';
import { buildSchemaRegistry } from './registry.js';
import { assertOpenAPIServes, assertResources } from './testdata/served-group.js';

const registry = buildSchemaRegistry();

test('storage.k8s.io/v1 kinds register with upstream discovery metadata', () => {
  assertResources(registry, storageV1Kinds, [
    { kind: 'CSIDriver', plural: 'csidrivers', singular: 'csidriver', namespaced: false },
    { kind: 'CSINode', plural: 'csinodes', singular: 'csinode', namespaced: false },
    {
      kind: 'CSIStorageCapacity',
      plural: 'csistoragecapacities',
      singular: 'csistoragecapacity',
      namespaced: true,
    },
    { kind: 'StorageClass', plural: 'storageclasses', singular: 'storageclass', namespaced: false, shortNames: ['sc'] },
    {
      kind: 'VolumeAttachment',
      plural: 'volumeattachments',
      singular: 'volumeattachment',
      namespaced: false,
      subresources: ['status'],
    },
  ]);
});

test('storage.k8s.io/v1 OpenAPI v3 serves every kind with a PATCH operation listing fieldValidation', () => {
  assertOpenAPIServes(registry, storageV1Kinds);
});

test('a storage class has its fields at the top level and atomic allowed topologies', () => {
  const obj = {
    provisioner: 'rancher.io/local-path',
    parameters: { a: 'b' },
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowedTopologies: [{ matchLabelExpressions: [{ key: 'zone', values: ['a'] }], matchLabels: {} }],
    spec: {},
  };
  assert.deepEqual(findUnknownFields(obj, StorageClass), ['allowedTopologies[0].matchLabels', 'spec']);
  const topo = applySchemaFor(StorageClass).field('allowedTopologies');
  assert.ok(topo?.kind === 'list' && topo.listType === 'atomic' && topo.elem?.atomic);
});

test('CSINode drivers merge by name', () => {
  const drivers = patchMetaFor(CSINode).field('spec')!.elem!.field('drivers')!;
  assert.equal(drivers.mergeKey, 'name');
  assert.ok(drivers.strategies.has('merge'));
});
