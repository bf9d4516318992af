import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString } from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import type { JsonRecord } from '../../core/pod/json.js';
import { defaultDeployment } from './defaults.js';
import { validateDeployment, validateDeploymentStatusUpdate, validateDeploymentUpdate } from './validation.js';

function deployment(edit: (spec: JsonRecord) => void = () => {}): KObject {
  const spec: JsonRecord = {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
  };
  edit(spec);
  const d: KObject = { metadata: { name: 'web', namespace: 'default' }, spec };
  defaultDeployment(d);
  return d;
}

const messages = (d: KObject): string[] => validateDeployment(d).map(errorToString);

test('defaultDeployment fills the apps/v1 defaults', () => {
  const d = deployment();
  const spec = d.spec as JsonRecord;
  assert.equal(spec.replicas, 1);
  assert.deepEqual(spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  assert.equal(spec.revisionHistoryLimit, 10);
  assert.equal(spec.progressDeadlineSeconds, 600);
  const tspec = (spec.template as JsonRecord).spec as JsonRecord;
  assert.equal(tspec.restartPolicy, 'Always');
  assert.equal(tspec.enableServiceLinks, undefined);
  const recreate = deployment((s) => (s.strategy = { type: 'Recreate' }));
  assert.deepEqual((recreate.spec as JsonRecord).strategy, { type: 'Recreate' });
});

test('deployment validation reports upstream messages', () => {
  const cases: { name: string; edit: (s: JsonRecord) => void; want: string[] }[] = [
    { name: 'valid', edit: () => {}, want: [] },
    {
      name: 'selector does not match the template',
      edit: (s) => (s.selector = { matchLabels: { app: 'other' } }),
      want: [
        'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'selector missing',
      edit: (s) => delete s.selector,
      want: [
        'spec.selector: Required value',
        'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'selector empty',
      edit: (s) => (s.selector = {}),
      want: ['spec.selector: Invalid value: {}: empty selector is invalid for deployment'],
    },
    {
      name: 'negative replicas',
      edit: (s) => (s.replicas = -1),
      want: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'template restart policy',
      edit: (s) => (((s.template as JsonRecord).spec as JsonRecord).restartPolicy = 'Never'),
      want: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      name: 'template activeDeadlineSeconds',
      edit: (s) => (((s.template as JsonRecord).spec as JsonRecord).activeDeadlineSeconds = 5),
      want: [
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
      ],
    },
    {
      name: 'both surge and unavailability zero',
      edit: (s) => (s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } }),
      want: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0'],
    },
    {
      name: 'bad percentages',
      edit: (s) => (s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'x', maxUnavailable: '150%' } }),
      want: [
        `spec.strategy.rollingUpdate.maxSurge: Invalid value: "x": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
        'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
      ],
    },
    {
      name: 'recreate with rollingUpdate',
      edit: (s) => (s.strategy = { type: 'Recreate', rollingUpdate: {} }),
      want: ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    },
    {
      name: 'progress deadline not above minReadySeconds',
      edit: (s) => {
        s.minReadySeconds = 10;
        s.progressDeadlineSeconds = 10;
      },
      want: ['spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds'],
    },
  ];
  for (const c of cases) assert.deepEqual(messages(deployment(c.edit)), c.want, c.name);
});

test('a deployment selector is immutable; the rest of the spec may change', () => {
  const old = deployment();
  const scaled = deployment((s) => (s.replicas = 5));
  assert.deepEqual(validateDeploymentUpdate(scaled, old), []);
  const reselected = deployment((s) => {
    s.selector = { matchLabels: { app: 'web', tier: 'fe' } };
    (s.template as JsonRecord).metadata = { labels: { app: 'web', tier: 'fe' } };
  });
  assert.deepEqual(validateDeploymentUpdate(reselected, old).map(errorToString), [
    'spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"fe"}}: field is immutable',
  ]);
  // An empty matchExpressions list is the same selector.
  const same = deployment((s) => (s.selector = { matchLabels: { app: 'web' }, matchExpressions: [] }));
  assert.deepEqual(validateDeploymentUpdate(same, old), []);
});

test('deployment status counters are checked', () => {
  const old: KObject = { metadata: { name: 'web' }, status: { collisionCount: 2 } };
  const next: KObject = {
    metadata: { name: 'web' },
    status: { replicas: 1, readyReplicas: 2, availableReplicas: 3, collisionCount: 1, unavailableReplicas: -1 },
  };
  assert.deepEqual(validateDeploymentStatusUpdate(next, old).map(errorToString), [
    'status.unavailableReplicas: Invalid value: -1: must be greater than or equal to 0',
    'status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas',
    'status.availableReplicas: Invalid value: 3: cannot be greater than status.replicas',
    'status.availableReplicas: Invalid value: 3: cannot be greater than readyReplicas',
    'status.collisionCount: Invalid value: 1: cannot be decremented',
  ]);
});
