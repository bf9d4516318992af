import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString } from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import type { JsonRecord } from '../../core/pod/json.js';
import { defaultStatefulSet } from './defaults.js';
import { validateStatefulSet, validateStatefulSetUpdate } from './validation.js';

const FORBIDDEN =
  "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

function sts(edit: (spec: JsonRecord) => void = () => {}, name = 'db'): KObject {
  const spec: JsonRecord = {
    serviceName: 'db',
    selector: { matchLabels: { app: 'db' } },
    template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres' }] } },
    volumeClaimTemplates: [
      {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
  };
  edit(spec);
  const s: KObject = { metadata: { name, namespace: 'default' }, spec };
  defaultStatefulSet(s);
  return s;
}

test('defaultStatefulSet fills the apps/v1 defaults', () => {
  const spec = sts().spec as JsonRecord;
  assert.equal(spec.podManagementPolicy, 'OrderedReady');
  assert.deepEqual(spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  assert.deepEqual(spec.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Retain', whenScaled: 'Retain' });
  assert.equal(spec.replicas, 1);
  assert.equal(spec.revisionHistoryLimit, 10);
  const claim = (spec.volumeClaimTemplates as JsonRecord[])[0]!;
  assert.equal((claim.spec as JsonRecord).volumeMode, 'Filesystem');
  assert.deepEqual(claim.status, { phase: 'Pending' });
  const onDelete = sts((s) => (s.updateStrategy = { type: 'OnDelete' })).spec as JsonRecord;
  assert.deepEqual(onDelete.updateStrategy, { type: 'OnDelete' });
});

test('statefulset validation reports upstream messages', () => {
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    { name: 'valid', obj: sts(), want: [] },
    {
      name: 'name must be a DNS label',
      obj: sts(() => {}, 'db.1'),
      want: ['metadata.name: Invalid value: "db.1": must not contain dots'],
    },
    {
      name: 'empty selector',
      obj: sts((s) => (s.selector = {})),
      want: ['spec.selector: Invalid value: {}: empty selector is invalid for statefulset'],
    },
    {
      name: 'bad policies',
      obj: sts((s) => {
        s.podManagementPolicy = 'Random';
        s.updateStrategy = { type: 'OnDelete', rollingUpdate: { partition: 1 } };
      }),
      want: [
        `spec.podManagementPolicy: Invalid value: "Random": must be 'OrderedReady' or 'Parallel'`,
        `spec.updateStrategy.rollingUpdate: Invalid value: {"partition":1}: only allowed for updateStrategy 'RollingUpdate'`,
      ],
    },
    {
      name: 'template restart policy',
      obj: sts((s) => (((s.template as JsonRecord).spec as JsonRecord).restartPolicy = 'OnFailure')),
      want: ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    },
  ];
  for (const c of cases) assert.deepEqual(validateStatefulSet(c.obj).map(errorToString), c.want, c.name);
});

test('statefulset updates may change only the listed spec fields', () => {
  const old = sts();
  const cases: { name: string; edit: (s: JsonRecord) => void; want: string[] }[] = [
    { name: 'replicas', edit: (s) => (s.replicas = 3), want: [] },
    {
      name: 'template image',
      edit: (s) =>
        ((((s.template as JsonRecord).spec as JsonRecord).containers as JsonRecord[])[0]!.image = 'postgres:17'),
      want: [],
    },
    { name: 'update strategy', edit: (s) => (s.updateStrategy = { type: 'OnDelete' }), want: [] },
    { name: 'minReadySeconds', edit: (s) => (s.minReadySeconds = 5), want: [] },
    { name: 'service name', edit: (s) => (s.serviceName = 'other'), want: [FORBIDDEN] },
    { name: 'claim templates', edit: (s) => (s.volumeClaimTemplates = []), want: [FORBIDDEN] },
    { name: 'pod management', edit: (s) => (s.podManagementPolicy = 'Parallel'), want: [FORBIDDEN] },
  ];
  for (const c of cases)
    assert.deepEqual(validateStatefulSetUpdate(sts(c.edit), old).map(errorToString), c.want, c.name);
});
