import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { hpaV1Strategy, hpaV2Strategy } from './strategy.js';
import { validateHPA } from './validation.js';

const hpa = (spec: Record<string, unknown>): KObject => ({ metadata: { name: 'h', namespace: 'd' }, spec });
const target = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };

test('HPA defaults: minReplicas 1 and an 80% CPU target', () => {
  const v1 = hpa({ scaleTargetRef: target, maxReplicas: 5 });
  hpaV1Strategy.defaults!(v1);
  assert.deepEqual(v1.spec, {
    scaleTargetRef: target,
    maxReplicas: 5,
    minReplicas: 1,
    targetCPUUtilizationPercentage: 80,
  });
  const v2 = hpa({ scaleTargetRef: target, maxReplicas: 5 });
  hpaV2Strategy.defaults!(v2);
  assert.deepEqual((v2.spec as { metrics: unknown }).metrics, [
    { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
  ]);
});

test('HPA validation', () => {
  const cases: { name: string; spec: Record<string, unknown>; want: string[] }[] = [
    { name: 'valid', spec: { scaleTargetRef: target, minReplicas: 1, maxReplicas: 3 }, want: [] },
    {
      name: 'max below min',
      spec: { scaleTargetRef: target, minReplicas: 4, maxReplicas: 3 },
      want: ['spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`'],
    },
    {
      name: 'zero replicas and no target',
      spec: { minReplicas: 0, maxReplicas: 0 },
      want: [
        'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
        'spec.maxReplicas: Invalid value: 0: must be greater than 0',
        'spec.scaleTargetRef.kind: Required value',
        'spec.scaleTargetRef.name: Required value',
      ],
    },
    {
      name: 'metric without its source',
      spec: { scaleTargetRef: target, maxReplicas: 3, metrics: [{ type: 'Pods' }] },
      want: ['spec.metrics[0].pods: Required value: must populate information for the given metric source'],
    },
  ];
  for (const c of cases) assert.deepEqual(validateHPA(hpa(c.spec)).map(String), c.want, c.name);
});
