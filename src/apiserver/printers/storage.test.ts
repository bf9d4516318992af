import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import {
  csiDriverPrinter,
  csiNodePrinter,
  csiStorageCapacityPrinter,
  storageClassPrinter,
  volumeAttachmentPrinter,
  volumeAttributesClassPrinter,
} from './storage.js';
import type { TablePrinter } from './table.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const meta = (annotations?: Record<string, string>) => ({
  name: 'x',
  creationTimestamp: '2025-03-01T10:30:00Z',
  annotations,
}); // 90m

const cases: { name: string; printer: TablePrinter; obj: KObject; want: unknown[] }[] = [
  {
    name: 'default storage class',
    printer: storageClassPrinter,
    obj: {
      metadata: meta({ 'storageclass.kubernetes.io/is-default-class': 'true' }),
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    },
    want: ['x (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '90m'],
  },
  {
    name: 'beta default annotation and defaults for unset fields',
    printer: storageClassPrinter,
    obj: {
      metadata: meta({ 'storageclass.beta.kubernetes.io/is-default-class': 'true' }),
      provisioner: 'p',
      allowVolumeExpansion: true,
    },
    want: ['x (default)', 'p', 'Delete', 'Immediate', true, '90m'],
  },
  {
    name: 'non-default storage class',
    printer: storageClassPrinter,
    obj: {
      metadata: meta({ 'storageclass.kubernetes.io/is-default-class': 'false' }),
      provisioner: 'p',
      reclaimPolicy: 'Retain',
    },
    want: ['x', 'p', 'Retain', 'Immediate', false, '90m'],
  },
  {
    name: 'volume attributes class',
    printer: volumeAttributesClassPrinter,
    obj: { metadata: meta(), driverName: 'csi.example.com' },
    want: ['x', 'csi.example.com', '90m'],
  },
  {
    name: 'csi driver with defaults',
    printer: csiDriverPrinter,
    obj: { metadata: meta(), spec: {} },
    want: ['x', true, false, false, '<unset>', false, '<none>', '90m'],
  },
  {
    name: 'csi driver with everything set',
    printer: csiDriverPrinter,
    obj: {
      metadata: meta(),
      spec: {
        attachRequired: false,
        podInfoOnMount: true,
        storageCapacity: true,
        tokenRequests: [{ audience: 'a' }, { audience: 'b' }],
        requiresRepublish: true,
        volumeLifecycleModes: ['Persistent', 'Ephemeral'],
      },
    },
    want: ['x', false, true, true, 'a,b', true, 'Persistent,Ephemeral', '90m'],
  },
  {
    name: 'csi node',
    printer: csiNodePrinter,
    obj: { metadata: meta(), spec: { drivers: [{ name: 'a' }, { name: 'b' }] } },
    want: ['x', 2, '90m'],
  },
  {
    name: 'csi storage capacity',
    printer: csiStorageCapacityPrinter,
    obj: { metadata: meta(), storageClassName: 'fast', capacity: '100Gi' },
    want: ['x', 'fast', '100Gi'],
  },
  {
    name: 'csi storage capacity unknown',
    printer: csiStorageCapacityPrinter,
    obj: { metadata: meta(), storageClassName: 'fast' },
    want: ['x', 'fast', '<unset>'],
  },
  {
    name: 'volume attachment',
    printer: volumeAttachmentPrinter,
    obj: {
      metadata: meta(),
      spec: { attacher: 'csi.example.com', source: { persistentVolumeName: 'pv1' }, nodeName: 'n1' },
      status: { attached: true },
    },
    want: ['x', 'csi.example.com', 'pv1', 'n1', true, '90m'],
  },
];

for (const c of cases) {
  test(`storage printers: ${c.name}`, () => {
    assert.deepEqual(c.printer.cells(c.obj, NOW), c.want);
    assert.equal(c.printer.columns.length, c.want.length);
  });
}
