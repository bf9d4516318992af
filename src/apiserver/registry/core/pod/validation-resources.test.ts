import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString, root } from '../../../../apimachinery/field-errors.js';
import { validateResourceRequirements } from './validation-resources.js';

test('resource requirements', () => {
  const p = root('r');
  const cases: { name: string; resources: unknown; want: string[] }[] = [
    { name: 'empty', resources: {}, want: [] },
    {
      name: 'valid',
      resources: {
        limits: { cpu: '1', memory: '1Gi', 'example.com/gpu': '2' },
        requests: { cpu: '500m', 'example.com/gpu': '2' },
      },
      want: [],
    },
    {
      name: 'not a quantity',
      resources: { limits: { cpu: 'lots' } },
      want: [
        `r.limits[cpu]: Invalid value: "lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      ],
    },
    {
      name: 'extended resource must be an integer',
      resources: { limits: { 'example.com/gpu': '500m' }, requests: { 'example.com/gpu': '500m' } },
      want: [
        'r.limits[example.com/gpu]: Invalid value: "500m": must be an integer',
        'r.requests[example.com/gpu]: Invalid value: "500m": must be an integer',
      ],
    },
    {
      name: 'extended resource needs equal limits',
      resources: { limits: { 'example.com/gpu': '2' }, requests: { 'example.com/gpu': '1' } },
      want: ['r.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2'],
    },
    {
      name: 'extended resource needs a limit',
      resources: { requests: { 'example.com/gpu': '1' } },
      want: ['r.limits: Required value: Limit must be set for non overcommitable resources'],
    },
    {
      name: 'hugepages need cpu or memory',
      resources: { limits: { 'hugepages-2Mi': '2Mi' }, requests: { 'hugepages-2Mi': '2Mi' } },
      want: ['r: Forbidden: HugePages require cpu or memory'],
    },
  ];
  for (const c of cases)
    assert.deepEqual(validateResourceRequirements(c.resources, p).map(errorToString), c.want, c.name);
});
