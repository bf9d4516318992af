import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject, RequestContext } from '../../types.js';
import { persistentVolumeStrategy } from './strategy.js';
import { validatePersistentVolume, validatePersistentVolumeUpdate } from './validation.js';

const ctx: RequestContext = {
  namespace: '',
  dryRun: false,
  user: { name: 'admin', groups: [] },
  now: new Date('2026-01-01T00:00:00Z'),
};
const pv = (spec: Record<string, unknown>): KObject => ({ metadata: { name: 'pv1' }, spec });
const good = { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, hostPath: { path: '/data' } };

test('PV defaults and create status', () => {
  const obj = pv({ ...good });
  persistentVolumeStrategy.defaults!(obj);
  persistentVolumeStrategy.prepareForCreate!(obj, ctx);
  assert.equal((obj.spec as Record<string, unknown>).persistentVolumeReclaimPolicy, 'Retain');
  assert.equal((obj.spec as Record<string, unknown>).volumeMode, 'Filesystem');
  assert.deepEqual(obj.status, { phase: 'Pending', lastPhaseTransitionTime: '2026-01-01T00:00:00Z' });
});

test('PV validation', () => {
  const cases: { name: string; spec: Record<string, unknown>; want: string[] }[] = [
    { name: 'valid', spec: good, want: [] },
    {
      name: 'nothing set',
      spec: {},
      want: [
        'spec.accessModes: Required value',
        'spec.capacity: Required value',
        'spec.capacity: Unsupported value: {}: supported values: "storage"',
        'spec: Required value: must specify a volume type',
      ],
    },
    {
      name: 'two sources',
      spec: { ...good, nfs: { server: 'nfs', path: '/x' } },
      want: ['spec.nfs: Forbidden: may not specify more than 1 volume type'],
    },
    {
      name: 'unknown access mode and zero capacity',
      spec: { ...good, accessModes: ['ReadWriteSometimes'], capacity: { storage: '0' } },
      want: [
        'spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
        'spec.capacity[storage]: Invalid value: "0": must be greater than zero',
      ],
    },
    {
      name: 'local volumes need node affinity',
      spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, local: { path: '/mnt' } },
      want: ['spec.nodeAffinity: Required value: Local volume requires node affinity'],
    },
  ];
  for (const c of cases) assert.deepEqual(validatePersistentVolume(pv(c.spec)).map(String), c.want, c.name);
});

test('the PV source is immutable', () => {
  assert.deepEqual(
    validatePersistentVolumeUpdate(pv({ ...good, hostPath: { path: '/other' } }), pv(good)).map(String),
    ['spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation'],
  );
  assert.deepEqual(validatePersistentVolumeUpdate(pv({ ...good, capacity: { storage: '2Gi' } }), pv(good)), []);
});
