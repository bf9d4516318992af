import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { validatePVCSpec, validatePVCUpdate, type PVCSpec } from './validation.js';

const pvc = (spec: PVCSpec, phase?: string): KObject => ({
  metadata: { name: 'c', namespace: 'd' },
  spec,
  ...(phase ? { status: { phase, capacity: { storage: '1Gi' } } } : {}),
});
const good: PVCSpec = {
  accessModes: ['ReadWriteOnce'],
  resources: { requests: { storage: '1Gi' } },
  volumeMode: 'Filesystem',
};

test('PVC validation', () => {
  const cases: { name: string; spec: PVCSpec; want: string[] }[] = [
    { name: 'valid', spec: good, want: [] },
    {
      name: 'access modes and storage required',
      spec: {},
      want: [
        'spec.accessModes: Required value: at least 1 access mode is required',
        'spec.resources[storage]: Required value',
      ],
    },
    {
      name: 'ReadWriteOncePod alone',
      spec: { ...good, accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'] },
      want: ['spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes'],
    },
    {
      name: 'data source of the core group must be a PVC',
      spec: { ...good, dataSource: { kind: 'Snapshot', name: 's' } },
      want: [
        'spec.dataSource: Invalid value: "Snapshot": must be \'PersistentVolumeClaim\' when referencing the default apiGroup',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(validatePVCSpec(c.spec).map(String), c.want, c.name);
});

test('PVC spec is immutable except growth of bound claims and a first volumeName', () => {
  const forbidden =
    'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';
  assert.deepEqual(validatePVCUpdate(pvc({ ...good, volumeName: 'pv1' }), pvc(good)), []);
  assert.deepEqual(validatePVCUpdate(pvc({ ...good, accessModes: ['ReadWriteMany'] }), pvc(good)).map(String), [
    forbidden,
  ]);
  assert.deepEqual(
    validatePVCUpdate(pvc({ ...good, resources: { requests: { storage: '2Gi' } } }), pvc(good)).map(String),
    [forbidden],
  );
  assert.deepEqual(
    validatePVCUpdate(pvc({ ...good, resources: { requests: { storage: '2Gi' } } }, 'Bound'), pvc(good, 'Bound')),
    [],
  );
  assert.deepEqual(
    validatePVCUpdate(pvc({ ...good, resources: { requests: { storage: '512Mi' } } }, 'Bound'), pvc(good, 'Bound')).map(
      String,
    ),
    ['spec.resources.requests.storage: Forbidden: field can not be less than status.capacity'],
  );
});
