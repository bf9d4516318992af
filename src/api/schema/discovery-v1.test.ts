import { test } from 'node:test';
import assert from 'node:assert/strict';
import protobuf from 'protobufjs/minimal.js';
import { EndpointSlice, discoveryV1Kinds } from './discovery-v1.js';
import { applySchemaFor, findUnknownFields } from './fields.js';
import { decodeProtobufMessage } from './protobuf.js';
import { buildSchemaRegistry } from './registry.js';
import { assertOpenAPIServes, assertResources } from './testdata/served-group.js';

const registry = buildSchemaRegistry();

test('discovery.k8s.io/v1 EndpointSlice registers with upstream discovery metadata', () => {
  assertResources(registry, discoveryV1Kinds, [
    { kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', namespaced: true },
  ]);
});

test('discovery.k8s.io/v1 OpenAPI v3 serves EndpointSlice with a PATCH operation listing fieldValidation', () => {
  assertOpenAPIServes(registry, discoveryV1Kinds);
});

test('an endpoint slice decodes with Go rules: ports without omitempty become null', () => {
  const conditions = protobuf.Writer.create()
    .uint32(1 << 3)
    .bool(true)
    .finish();
  const endpoint = protobuf.Writer.create()
    .uint32((1 << 3) | 2)
    .string('10.0.0.1')
    .uint32((2 << 3) | 2)
    .bytes(conditions)
    .uint32((6 << 3) | 2)
    .string('node-1')
    .finish();
  const body = protobuf.Writer.create()
    .uint32((2 << 3) | 2)
    .bytes(endpoint)
    .uint32((4 << 3) | 2)
    .string('IPv4')
    .finish();
  assert.equal(
    JSON.stringify(decodeProtobufMessage(body, EndpointSlice)),
    JSON.stringify({
      metadata: { creationTimestamp: null },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.0.0.1'], conditions: { ready: true }, nodeName: 'node-1' }],
      ports: null,
    }),
  );
});

test('endpoint fields include conditions, hints, nodeName and zone; ports are atomic', () => {
  const obj = {
    addressType: 'IPv4',
    endpoints: [
      {
        addresses: ['10.0.0.1'],
        conditions: { ready: true, serving: true, terminating: false },
        hints: { forZones: [{ name: 'a' }], forNodes: [{ name: 'n' }] },
        nodeName: 'n',
        zone: 'a',
        topology: {},
      },
    ],
    ports: [{ name: 'http', port: 80, protocol: 'TCP', appProtocol: 'http' }],
  };
  assert.deepEqual(findUnknownFields(obj, EndpointSlice), ['endpoints[0].topology']);
  const ports = applySchemaFor(EndpointSlice).field('ports');
  assert.ok(ports?.kind === 'list' && ports.listType === 'atomic' && ports.elem?.atomic);
});
