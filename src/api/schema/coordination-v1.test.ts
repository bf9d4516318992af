import { test } from 'node:test';
import assert from 'node:assert/strict';
import protobuf from 'protobufjs/minimal.js';
import { Lease, coordinationV1Kinds } from './coordination-v1.js';
import { decodeProtobufMessage } from './protobuf.js';
import { buildSchemaRegistry } from './registry.js';
import { assertOpenAPIServes, assertResources } from './testdata/served-group.js';

const registry = buildSchemaRegistry();

test('coordination.k8s.io/v1 Lease registers with upstream discovery metadata', () => {
  assertResources(registry, coordinationV1Kinds, [
    { kind: 'Lease', plural: 'leases', singular: 'lease', namespaced: true },
  ]);
});

test('coordination.k8s.io/v1 OpenAPI v3 serves Lease with a PATCH operation listing fieldValidation', () => {
  assertOpenAPIServes(registry, coordinationV1Kinds);
});

test('a lease decodes renewTime with microseconds and keeps zero-valued pointers', () => {
  const microTime = protobuf.Writer.create()
    .uint32(1 << 3)
    .int64(1_700_000_000)
    .uint32(2 << 3)
    .int32(123_456_789)
    .finish();
  const spec = protobuf.Writer.create()
    .uint32((1 << 3) | 2)
    .string('node-1')
    .uint32(2 << 3)
    .int32(40)
    .uint32((4 << 3) | 2)
    .bytes(microTime)
    .uint32(5 << 3)
    .int32(0)
    .finish();
  const body = protobuf.Writer.create()
    .uint32((2 << 3) | 2)
    .bytes(spec)
    .finish();
  assert.equal(
    JSON.stringify(decodeProtobufMessage(body, Lease)),
    JSON.stringify({
      metadata: { creationTimestamp: null },
      spec: {
        holderIdentity: 'node-1',
        leaseDurationSeconds: 40,
        renewTime: '2023-11-14T22:13:20.123456Z',
        leaseTransitions: 0,
      },
    }),
  );
});
