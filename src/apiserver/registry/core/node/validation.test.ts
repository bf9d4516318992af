import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject, RequestContext } from '../../types.js';
import { nodeStrategy, unschedulableField } from './strategy.js';
import { validateNode, validateNodeUpdate } from './validation.js';

const ctx: RequestContext = { namespace: '', dryRun: false, user: { name: 'admin', groups: [] }, now: new Date(0) };
const node = (spec: Record<string, unknown>, status?: Record<string, unknown>): KObject => ({
  metadata: { name: 'n1' },
  spec,
  ...(status ? { status } : {}),
});

test('node validation', () => {
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    {
      name: 'taints are fine',
      obj: node({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
      want: [],
    },
    {
      name: 'taint effect required and known',
      obj: node({ taints: [{ key: 'a' }, { key: 'b', effect: 'Never' }] }),
      want: [
        'metadata.taints[0].effect: Required value',
        'metadata.taints[1].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    },
    {
      name: 'duplicate taints',
      obj: node({
        taints: [
          { key: 'a', effect: 'NoSchedule' },
          { key: 'a', value: 'x', effect: 'NoSchedule' },
        ],
      }),
      want: [
        'metadata.taints[1]: Duplicate value: {"key":"a","value":"x","effect":"NoSchedule"}: taints must be unique by key and effect pair',
      ],
    },
    {
      name: 'pod CIDRs: one per family',
      obj: node({ podCIDRs: ['10.0.0.0/24', '10.0.1.0/24'] }),
      want: [
        'spec.podCIDRs: Invalid value: []string{"10.0.0.0/24", "10.0.1.0/24"}: may specify no more than one CIDR for each IP family',
      ],
    },
    {
      name: 'negative capacity',
      obj: node({}, { capacity: { cpu: '-1' } }),
      want: ['status.capacity.cpu: Invalid value: "-1": must be greater than or equal to 0'],
    },
  ];
  for (const c of cases) assert.deepEqual(validateNode(c.obj).map(String), c.want, c.name);
});

test('podCIDR and providerID are set once', () => {
  const old = node({ podCIDRs: ['10.42.0.0/24'], providerID: 'k3s://n1' });
  assert.deepEqual(
    validateNodeUpdate(node({ podCIDRs: ['10.42.0.0/24'], providerID: 'k3s://n1', unschedulable: true }), old),
    [],
  );
  assert.deepEqual(validateNodeUpdate(node({ podCIDRs: ['10.42.1.0/24'], providerID: 'other' }), old).map(String), [
    'spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
    'spec.providerID: Forbidden: node updates may not change providerID except from "" to valid',
  ]);
  // Setting it the first time is allowed.
  assert.deepEqual(validateNodeUpdate(node({ podCIDRs: ['10.42.0.0/24'] }), node({})), []);
});

test('node defaults: podCIDR and podCIDRs agree, allocatable from capacity; updates keep status', () => {
  const n = node({ podCIDR: '10.42.0.0/24' }, { capacity: { cpu: '4' } });
  nodeStrategy.defaults!(n);
  assert.deepEqual(n.spec, { podCIDR: '10.42.0.0/24', podCIDRs: ['10.42.0.0/24'] });
  assert.deepEqual(n.status, { capacity: { cpu: '4' }, allocatable: { cpu: '4' } });
  const next = node({ unschedulable: true }, { capacity: { cpu: '8' } });
  nodeStrategy.prepareForUpdate!(next, n, ctx);
  assert.deepEqual(next.status, n.status);
  assert.equal(unschedulableField(next), 'true');
  assert.equal(unschedulableField(n), 'false');
});
