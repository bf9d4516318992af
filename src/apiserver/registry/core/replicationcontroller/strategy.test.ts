import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString } from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import type { JsonRecord } from '../pod/json.js';
import { mapSelectorScale } from '../pod/workload.js';
import {
  defaultReplicationController,
  validateReplicationController,
  validateReplicationControllerStatusUpdate,
} from './strategy.js';

function rc(edit: (spec: JsonRecord) => void = () => {}): KObject {
  const spec: JsonRecord = {
    template: {
      metadata: { labels: { app: 'web', tier: 'fe' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    },
  };
  edit(spec);
  const obj: KObject = { metadata: { name: 'web' }, spec };
  defaultReplicationController(obj);
  return obj;
}

test('the template labels default the selector and the labels', () => {
  const obj = rc();
  assert.deepEqual((obj.spec as JsonRecord).selector, { app: 'web', tier: 'fe' });
  assert.deepEqual(obj.metadata.labels, { app: 'web', tier: 'fe' });
  assert.equal((obj.spec as JsonRecord).replicas, 1);
  assert.equal(mapSelectorScale.selector(obj), 'app=web,tier=fe');
  const own = rc((s) => (s.selector = { app: 'web' }));
  assert.deepEqual((own.spec as JsonRecord).selector, { app: 'web' });
});

test('replication controller validation', () => {
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    { name: 'valid', obj: rc(), want: [] },
    {
      name: 'no template',
      obj: rc((s) => delete s.template),
      want: ['spec.selector: Required value', 'spec.template: Required value'],
    },
    {
      name: 'mismatch',
      obj: rc((s) => (s.selector = { app: 'db' })),
      want: [
        'spec.template.metadata.labels: Invalid value: {"app":"web","tier":"fe"}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'deadline',
      obj: rc((s) => (((s.template as JsonRecord).spec as JsonRecord).activeDeadlineSeconds = 1)),
      want: [
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(validateReplicationController(c.obj).map(errorToString), c.want, c.name);
  assert.deepEqual(
    validateReplicationControllerStatusUpdate({ metadata: {}, status: { replicas: 1, readyReplicas: 2 } }).map(
      errorToString,
    ),
    ['status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas'],
  );
});
