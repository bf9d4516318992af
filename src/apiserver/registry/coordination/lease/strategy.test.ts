import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { leaseStrategy, validateLease } from './strategy.js';

const lease = (spec: Record<string, unknown>): KObject => ({
  metadata: { name: 'l', namespace: 'kube-node-lease' },
  spec,
});

test('lease validation', () => {
  const cases: { name: string; spec: Record<string, unknown>; want: string[] }[] = [
    {
      name: 'a node lease',
      spec: { holderIdentity: 'n1', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:00.000000Z' },
      want: [],
    },
    {
      name: 'zero duration',
      spec: { leaseDurationSeconds: 0 },
      want: ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0'],
    },
    {
      name: 'negative transitions',
      spec: { leaseTransitions: -1 },
      want: ['spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'preferred holder without strategy',
      spec: { preferredHolder: 'n2' },
      want: ['spec.preferredHolder: Forbidden: may only be specified if `strategy` is defined'],
    },
  ];
  for (const c of cases) assert.deepEqual(validateLease(lease(c.spec)).map(String), c.want, c.name);
});

test('leases need a resourceVersion to be updated', () => {
  assert.equal(leaseStrategy.allowUnconditionalUpdate, false);
  assert.equal(leaseStrategy.allowCreateOnUpdate, true);
});
