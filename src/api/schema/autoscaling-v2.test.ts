import { test } from 'node:test';
import assert from 'node:assert/strict';
import protobuf from 'protobufjs/minimal.js';
import { HorizontalPodAutoscaler, autoscalingV2Kinds } from './autoscaling-v2.js';
import { findUnknownFields } from './fields.js';
import { decodeProtobufMessage } from './protobuf.js';
import { buildSchemaRegistry } from './registry.js';
import { assertOpenAPIServes, assertResources } from './testdata/served-group.js';

const registry = buildSchemaRegistry();

test('autoscaling/v2 HorizontalPodAutoscaler registers with upstream discovery metadata', () => {
  assertResources(registry, autoscalingV2Kinds, [
    {
      kind: 'HorizontalPodAutoscaler',
      plural: 'horizontalpodautoscalers',
      singular: 'horizontalpodautoscaler',
      namespaced: true,
      shortNames: ['hpa'],
      categories: ['all'],
      subresources: ['status'],
    },
  ]);
  const v1 = registry.lookup('autoscaling/v1', 'HorizontalPodAutoscaler')!;
  assert.notEqual(v1.schema, HorizontalPodAutoscaler, 'v1 and v2 are distinct definitions');
});

test('autoscaling/v2 OpenAPI v3 serves HorizontalPodAutoscaler with a PATCH operation listing fieldValidation', () => {
  assertOpenAPIServes(registry, autoscalingV2Kinds);
});

test('every metric source type and the behavior block are declared', () => {
  const obj = {
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      maxReplicas: 5,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
        {
          type: 'ContainerResource',
          containerResource: {
            name: 'memory',
            container: 'app',
            target: { type: 'AverageValue', averageValue: '1Gi' },
          },
        },
        { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
        {
          type: 'Object',
          object: {
            describedObject: { kind: 'Ingress', name: 'i' },
            metric: { name: 'rps', selector: { matchLabels: { a: 'b' } } },
            target: { type: 'Value', value: '100' },
          },
        },
        { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'Value', value: '3' } } },
      ],
      behavior: {
        scaleUp: {
          stabilizationWindowSeconds: 0,
          selectPolicy: 'Max',
          policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }],
        },
        scaleDown: { tolerance: '0.05', policies: [{ type: 'Percent', value: 100, periodSeconds: 15, burst: 1 }] },
      },
    },
  };
  assert.deepEqual(findUnknownFields(obj, HorizontalPodAutoscaler), ['spec.behavior.scaleDown.policies[0].burst']);
});

test('an HPA decodes with Go zero values: required fields kept, currentMetrics null', () => {
  const w = protobuf.Writer.create();
  // status (3) { desiredReplicas (4): 2 }
  const status = protobuf.Writer.create()
    .uint32(4 << 3)
    .int32(2)
    .finish();
  w.uint32((3 << 3) | 2).bytes(status);
  const got = decodeProtobufMessage(w.finish(), HorizontalPodAutoscaler);
  assert.equal(
    JSON.stringify(got),
    JSON.stringify({
      metadata: { creationTimestamp: null },
      spec: { scaleTargetRef: { kind: '', name: '' }, maxReplicas: 0 },
      status: { desiredReplicas: 2, currentMetrics: null },
    }),
  );
});
