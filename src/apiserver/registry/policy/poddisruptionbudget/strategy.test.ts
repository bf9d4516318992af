import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { validatePDB } from './strategy.js';

const pdb = (spec: Record<string, unknown>): KObject => ({ metadata: { name: 'p', namespace: 'd' }, spec });

test('pod disruption budget validation', () => {
  const cases: { name: string; spec: Record<string, unknown>; want: string[] }[] = [
    { name: 'minAvailable count', spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } }, want: [] },
    { name: 'maxUnavailable percent', spec: { maxUnavailable: '25%' }, want: [] },
    {
      name: 'both set',
      spec: { minAvailable: 1, maxUnavailable: 1 },
      want: [
        'spec: Invalid value: {"minAvailable":1,"maxUnavailable":1}: minAvailable and maxUnavailable cannot be both set',
      ],
    },
    {
      name: 'negative',
      spec: { minAvailable: -1 },
      want: ['spec.minAvailable: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'over 100%',
      spec: { maxUnavailable: '150%' },
      want: ['spec.maxUnavailable: Invalid value: "150%": must not be greater than 100%'],
    },
    {
      name: 'not a percent',
      spec: { minAvailable: 'half' },
      want: [
        "spec.minAvailable: Invalid value: \"half\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(validatePDB(pdb(c.spec)).map(String), c.want, c.name);
});
