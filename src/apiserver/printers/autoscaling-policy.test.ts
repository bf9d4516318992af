import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import { formatHPAMetrics, horizontalPodAutoscalerPrinter, podDisruptionBudgetPrinter } from './autoscaling-policy.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const meta = { name: 'web', creationTimestamp: '2025-03-01T11:58:00Z' }; // 2m
const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };

const v2 = (metrics: unknown[], currentMetrics?: unknown[]): KObject => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: meta,
  spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, metrics },
  status: { currentReplicas: 2, currentMetrics },
});
const cpu = (target: Record<string, unknown>) => ({ type: 'Resource', resource: { name: 'cpu', target } });

const metricCases: { name: string; hpa: KObject; want: string }[] = [
  { name: 'no metrics', hpa: v2([]), want: '<none>' },
  {
    name: 'cpu utilization before the first reading',
    hpa: v2([cpu({ type: 'Utilization', averageUtilization: 80 })]),
    want: 'cpu: <unknown>/80%',
  },
  {
    name: 'cpu utilization with a reading',
    hpa: v2(
      [cpu({ type: 'Utilization', averageUtilization: 80 })],
      [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 35, averageValue: '70m' } } }],
    ),
    want: 'cpu: 35%/80%',
  },
  {
    name: 'memory average value',
    hpa: v2(
      [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '512Mi' } } }],
      [{ type: 'Resource', resource: { name: 'memory', current: { averageValue: '300Mi' } } }],
    ),
    want: 'memory: 300Mi/512Mi',
  },
  { name: 'utilization without a target', hpa: v2([cpu({ type: 'Utilization' })]), want: 'cpu: <unknown>/<auto>' },
  {
    name: 'pods, object and external metrics, then + N more',
    hpa: v2(
      [
        { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1k' } } },
        {
          type: 'Object',
          object: {
            metric: { name: 'hits' },
            describedObject: { kind: 'Ingress', name: 'i' },
            target: { type: 'Value', value: '10' },
          },
        },
        {
          type: 'External',
          external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } },
        },
      ],
      [{ type: 'Pods', pods: { metric: { name: 'qps' }, current: { averageValue: '500' } } }],
    ),
    want: '500/1k, <unknown>/10 + 1 more...',
  },
  {
    name: 'external and object value and average forms',
    hpa: v2(
      [
        { type: 'External', external: { metric: { name: 'q' }, target: { type: 'Value', value: '5' } } },
        { type: 'Object', object: { metric: { name: 'h' }, target: { type: 'AverageValue', averageValue: '2' } } },
      ],
      [
        { type: 'External', external: { current: { value: '7' } } },
        { type: 'Object', object: { current: { averageValue: '1500m' } } },
      ],
    ),
    want: '7/5, 1500m/2 (avg)',
  },
  {
    name: 'container resource',
    hpa: v2([
      {
        type: 'ContainerResource',
        containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 60 } },
      },
    ]),
    want: 'cpu: <unknown>/60%',
  },
  { name: 'unknown metric type', hpa: v2([{ type: 'Custom' }]), want: '<unknown type>' },
];

for (const c of metricCases) {
  test(`hpa targets: ${c.name}`, () => {
    assert.equal(formatHPAMetrics(c.hpa), c.want);
  });
}

test('hpa printer: autoscaling/v1 objects read their CPU fields as a cpu metric', () => {
  const hpa: KObject = {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta,
    spec: { scaleTargetRef: ref, maxReplicas: 5, targetCPUUtilizationPercentage: 50 },
    status: { currentReplicas: 1, currentCPUUtilizationPercentage: 12 },
  };
  assert.deepEqual(horizontalPodAutoscalerPrinter.cells(hpa, NOW), [
    'web',
    'Deployment/web',
    'cpu: 12%/50%',
    '<unset>',
    5,
    1,
    '2m',
  ]);
});

test('hpa printer: v2 row', () => {
  assert.deepEqual(
    horizontalPodAutoscalerPrinter.cells(v2([cpu({ type: 'Utilization', averageUtilization: 80 })]), NOW),
    ['web', 'Deployment/web', 'cpu: <unknown>/80%', '1', 10, 2, '2m'],
  );
  assert.deepEqual(
    horizontalPodAutoscalerPrinter.columns.map((c) => c.name),
    ['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age'],
  );
});

const pdbCases: { name: string; pdb: KObject; want: unknown[] }[] = [
  {
    name: 'min available count',
    pdb: { metadata: meta, spec: { minAvailable: 2 }, status: { disruptionsAllowed: 1 } },
    want: ['web', '2', 'N/A', 1, '2m'],
  },
  {
    name: 'max unavailable percent',
    pdb: { metadata: meta, spec: { maxUnavailable: '25%' } },
    want: ['web', 'N/A', '25%', 0, '2m'],
  },
];

for (const c of pdbCases) {
  test(`poddisruptionbudget printer: ${c.name}`, () => {
    assert.deepEqual(podDisruptionBudgetPrinter.cells(c.pdb, NOW), c.want);
  });
}
