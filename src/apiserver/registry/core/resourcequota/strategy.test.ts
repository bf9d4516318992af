import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { resourceQuotaStrategy, validateResourceQuota, validateResourceQuotaUpdate } from './strategy.js';

const quota = (spec: Record<string, unknown>): KObject => ({ metadata: { name: 'q', namespace: 'team' }, spec });

test('resource quota validation', () => {
  const cases: { name: string; spec: Record<string, unknown>; want: string[] }[] = [
    {
      name: "seed 000's compute-resources quota",
      spec: { hard: { 'requests.cpu': '4', 'requests.memory': '4Gi', 'limits.cpu': '8', 'limits.memory': '8Gi' } },
      want: [],
    },
    {
      name: 'object counts and extended resources',
      spec: { hard: { pods: '10', 'count/deployments.apps': '5', 'requests.nvidia.com/gpu': '2' } },
      want: [],
    },
    {
      name: 'unknown unprefixed name',
      spec: { hard: { 'requests.gpu': '1' } },
      want: [
        'spec.hard[requests.gpu]: Invalid value: "requests.gpu": must be a standard resource type or fully qualified',
        'spec.hard[requests.gpu]: Invalid value: "requests.gpu": must be a standard resource for quota',
      ],
    },
    {
      name: 'standard but not a quota resource',
      spec: { hard: { storage: '1Gi' } },
      want: ['spec.hard[storage]: Invalid value: "storage": must be a standard resource for quota'],
    },
    {
      name: 'negative',
      spec: { hard: { cpu: '-1' } },
      want: ['spec.hard[cpu]: Invalid value: "-1": must be greater than or equal to 0'],
    },
    {
      name: 'fractional count',
      spec: { hard: { pods: '1500m' } },
      want: ['spec.hard[pods]: Invalid value: "1500m": must be an integer'],
    },
    {
      name: 'not a quantity',
      spec: { hard: { cpu: 'lots' } },
      want: [
        'spec.hard[cpu]: Invalid value: "lots": quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
      ],
    },
    {
      name: 'conflicting scopes',
      spec: { hard: { pods: '1' }, scopes: ['BestEffort', 'NotBestEffort'] },
      want: ['spec.scopes: Invalid value: []string{"BestEffort", "NotBestEffort"}: conflicting scopes'],
    },
    {
      name: 'scope that cannot limit the resource',
      spec: { hard: { 'requests.cpu': '1' }, scopes: ['BestEffort'] },
      want: ['spec.scopes: Invalid value: []string{"BestEffort"}: unsupported scope applied to resource'],
    },
  ];
  for (const c of cases) assert.deepEqual(validateResourceQuota(quota(c.spec)).map(String), c.want, c.name);
});

test('quota scopes are immutable; status is kept on update and quantities are canonical', () => {
  const old = { ...quota({ hard: { pods: '1' }, scopes: ['Terminating'] }), status: { used: { pods: '1' } } };
  assert.deepEqual(
    validateResourceQuotaUpdate(quota({ hard: { pods: '1' }, scopes: ['NotTerminating'] }), old).map(String),
    ['spec.scopes: Invalid value: []string{"NotTerminating"}: field is immutable'],
  );
  const next: KObject = {
    ...quota({ hard: { 'requests.cpu': '0.5', 'requests.memory': '1024Mi' } }),
    status: { used: {} },
  };
  resourceQuotaStrategy.prepareForUpdate!(next, old, {
    namespace: 'team',
    dryRun: false,
    user: { name: 'a', groups: [] },
    now: new Date(0),
  });
  resourceQuotaStrategy.canonicalize!(next);
  assert.deepEqual(next.status, { used: { pods: '1' } });
  assert.deepEqual((next.spec as { hard: unknown }).hard, { 'requests.cpu': '500m', 'requests.memory': '1Gi' });
});
