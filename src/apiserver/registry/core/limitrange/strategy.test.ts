import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { defaultLimitRange, validateLimitRange } from './strategy.js';

const lr = (limits: unknown[]): KObject => ({ metadata: { name: 'l', namespace: 'd' }, spec: { limits } });

test('container limit ranges default their limits and requests', () => {
  const obj = lr([{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' }, default: { memory: '256Mi' } }]);
  defaultLimitRange(obj);
  assert.deepEqual((obj.spec as { limits: unknown[] }).limits[0], {
    type: 'Container',
    max: { cpu: '2' },
    min: { memory: '64Mi' },
    default: { memory: '256Mi', cpu: '2' },
    defaultRequest: { memory: '256Mi', cpu: '2' },
  });
});

test('limit range validation', () => {
  const cases: { name: string; limits: unknown[]; want: string[] }[] = [
    { name: 'valid', limits: [{ type: 'Container', max: { cpu: '2' }, min: { cpu: '100m' } }], want: [] },
    {
      name: 'min above max',
      limits: [{ type: 'Container', max: { cpu: '1' }, min: { cpu: '2' } }],
      want: ['spec.limits[0].min[cpu]: Invalid value: "2": min value 2 is greater than max value 1'],
    },
    {
      name: 'unknown type',
      limits: [{ type: 'Node', max: { cpu: '1' } }],
      want: ['spec.limits[0].type: Invalid value: "Node": must be a standard limit type or fully qualified'],
    },
    {
      name: 'pod limits take no defaults',
      limits: [{ type: 'Pod', default: { cpu: '1' } }],
      want: ["spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'"],
    },
    {
      name: 'PVC needs a storage bound',
      limits: [{ type: 'PersistentVolumeClaim', max: { cpu: '1' } }],
      want: [
        'spec.limits[0].limits: Required value: either minimum or maximum storage value is required, but neither was provided',
      ],
    },
    {
      name: 'container resources only',
      limits: [{ type: 'Container', max: { pods: '1' } }],
      want: ['spec.limits[0].max[pods]: Invalid value: "pods": must be a standard resource for containers'],
    },
  ];
  for (const c of cases) assert.deepEqual(validateLimitRange(lr(c.limits)).map(String), c.want, c.name);
});
