import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import { accessModesString, persistentVolumeClaimPrinter, persistentVolumePrinter } from './core-volumes.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const CREATED = '2025-03-01T11:55:00Z'; // 5m

const pvCases: { name: string; pv: KObject; want: unknown[] }[] = [
  {
    name: 'bound volume',
    pv: {
      metadata: { name: 'pv1', creationTimestamp: CREATED },
      spec: {
        capacity: { storage: '10Gi' },
        accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        claimRef: { namespace: 'default', name: 'data' },
        storageClassName: 'fast',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound' },
    },
    want: ['pv1', '10Gi', 'RWO,RWX', 'Retain', 'Bound', 'default/data', 'fast', '<unset>', '', '5m', 'Filesystem'],
  },
  {
    name: 'released volume being deleted, class from the beta annotation',
    pv: {
      metadata: {
        name: 'pv2',
        creationTimestamp: CREATED,
        deletionTimestamp: CREATED,
        annotations: { 'volume.beta.kubernetes.io/storage-class': 'old' },
      },
      spec: {
        capacity: { storage: '1024Mi' },
        accessModes: ['ReadWriteOncePod'],
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'new',
        volumeAttributesClassName: 'gold',
      },
      status: { phase: 'Failed', reason: 'Recycle failed' },
    },
    want: ['pv2', '1Gi', 'RWOP', 'Delete', 'Terminating', '', 'old', 'gold', 'Recycle failed', '5m', '<unset>'],
  },
  {
    name: 'empty volume',
    pv: { metadata: { name: 'pv3' } },
    want: ['pv3', '0', '', '', '', '', '', '<unset>', '', '<unknown>', '<unset>'],
  },
];

for (const c of pvCases) {
  test(`persistentvolume printer: ${c.name}`, () => {
    assert.deepEqual(persistentVolumePrinter.cells(c.pv, NOW), c.want);
  });
}

const pvcCases: { name: string; pvc: KObject; want: unknown[] }[] = [
  {
    name: 'pending claim shows no capacity or modes',
    pvc: {
      metadata: { name: 'data', creationTimestamp: CREATED },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        storageClassName: 'fast',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Pending' },
    },
    want: ['data', 'Pending', '', '', '', 'fast', '<unset>', '5m', 'Filesystem'],
  },
  {
    name: 'bound claim shows the volume capacity and modes',
    pvc: {
      metadata: { name: 'data', creationTimestamp: CREATED },
      spec: { volumeName: 'pv1', storageClassName: '' },
      status: { phase: 'Bound', capacity: { storage: '10Gi' }, accessModes: ['ReadOnlyMany', 'ReadWriteOnce'] },
    },
    want: ['data', 'Bound', 'pv1', '10Gi', 'RWO,ROX', '', '<unset>', '5m', '<unset>'],
  },
  {
    name: 'claim being deleted',
    pvc: {
      metadata: { name: 'data', creationTimestamp: CREATED, deletionTimestamp: CREATED },
      spec: {},
      status: { phase: 'Bound' },
    },
    want: ['data', 'Terminating', '', '', '', '', '<unset>', '5m', '<unset>'],
  },
];

for (const c of pvcCases) {
  test(`persistentvolumeclaim printer: ${c.name}`, () => {
    assert.deepEqual(persistentVolumeClaimPrinter.cells(c.pvc, NOW), c.want);
  });
}

test('access modes keep a fixed order', () => {
  assert.equal(
    accessModesString(['ReadWriteOncePod', 'ReadWriteMany', 'ReadOnlyMany', 'ReadWriteOnce']),
    'RWO,ROX,RWX,RWOP',
  );
  assert.equal(accessModesString(undefined), '');
});
