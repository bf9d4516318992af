import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { storageClassStrategy, validateStorageClass, validateStorageClassUpdate } from './strategy.js';

const sc = (fields: Record<string, unknown>): KObject => ({ metadata: { name: 'fast' }, ...fields });

test('storage class defaults', () => {
  const obj = sc({ provisioner: 'rancher.io/local-path' });
  storageClassStrategy.defaults!(obj);
  assert.deepEqual(
    obj,
    sc({ provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' }),
  );
});

test('storage class validation', () => {
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    {
      name: 'valid',
      obj: sc({ provisioner: 'example.com/disk', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer' }),
      want: [],
    },
    {
      name: 'provisioner required',
      obj: sc({ volumeBindingMode: 'Immediate' }),
      want: ['provisioner: Required value'],
    },
    {
      name: 'bad reclaim policy and binding mode',
      obj: sc({ provisioner: 'x', reclaimPolicy: 'Recycle', volumeBindingMode: 'Later' }),
      want: [
        'reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
        'volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(validateStorageClass(c.obj).map(String), c.want, c.name);
});

test('storage class parameters, provisioner and policies are fixed', () => {
  const old = sc({
    provisioner: 'a.io/x',
    parameters: { type: 'ssd' },
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  });
  const next = sc({
    provisioner: 'b.io/x',
    parameters: { type: 'hdd' },
    reclaimPolicy: 'Retain',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  assert.deepEqual(validateStorageClassUpdate(next, old).map(String), [
    'parameters: Forbidden: updates to parameters are forbidden.',
    'provisioner: Forbidden: updates to provisioner are forbidden.',
    'reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.',
    'volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable',
  ]);
});
