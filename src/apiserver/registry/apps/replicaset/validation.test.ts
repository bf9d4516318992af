import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString } from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import type { JsonRecord } from '../../core/pod/json.js';
import { defaultReplicaSet } from './strategy.js';
import { validateReplicaSet, validateReplicaSetStatus, validateReplicaSetUpdate } from './validation.js';

function rs(edit: (spec: JsonRecord) => void = () => {}): KObject {
  const spec: JsonRecord = {
    selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
  };
  edit(spec);
  const obj: KObject = { metadata: { name: 'web' }, spec };
  defaultReplicaSet(obj);
  return obj;
}

test('replicaset defaults and validation', () => {
  assert.equal((rs().spec as JsonRecord).replicas, 1);
  const cases: { name: string; edit: (s: JsonRecord) => void; want: string[] }[] = [
    { name: 'valid', edit: () => {}, want: [] },
    {
      name: 'empty selector uses the deployment wording',
      edit: (s) => (s.selector = { matchLabels: {} }),
      want: ['spec.selector: Invalid value: {"matchLabels":{}}: empty selector is invalid for deployment'],
    },
    {
      name: 'bad operator',
      edit: (s) => (s.selector = { matchExpressions: [{ key: 'app', operator: 'Near', values: ['web'] }] }),
      want: ['spec.selector.matchExpressions[0].operator: Invalid value: "Near": not a valid selector operator'],
    },
    {
      name: 'negative minReadySeconds',
      edit: (s) => (s.minReadySeconds = -1),
      want: ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    },
  ];
  for (const c of cases) assert.deepEqual(validateReplicaSet(rs(c.edit)).map(errorToString), c.want, c.name);
  assert.equal(
    validateReplicaSetUpdate(
      rs((s) => (s.selector = { matchLabels: { app: 'web' } })),
      rs(),
    ).length,
    1,
  );
});

test('replicaset status counters', () => {
  const obj: KObject = {
    metadata: {},
    status: { replicas: 2, fullyLabeledReplicas: 3, readyReplicas: 1, availableReplicas: 2 },
  };
  assert.deepEqual(validateReplicaSetStatus(obj).map(errorToString), [
    'status.fullyLabeledReplicas: Invalid value: 3: cannot be greater than status.replicas',
    'status.availableReplicas: Invalid value: 2: cannot be greater than readyReplicas',
  ]);
});
