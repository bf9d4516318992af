import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString } from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import { defaultPod } from './defaults.js';
import type { JsonRecord } from './json.js';
import { specDiff, validatePodStatusUpdate, validatePodUpdate } from './validation-update.js';

const FORBIDDEN =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function pod(edit: (spec: JsonRecord) => void = () => {}): KObject {
  const spec: JsonRecord = {
    containers: [{ name: 'c', image: 'busybox:1.35' }],
    tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }],
    activeDeadlineSeconds: 100,
  };
  edit(spec);
  const p: KObject = { metadata: { name: 'p', namespace: 'default' }, spec };
  defaultPod(p);
  return p;
}

const messages = (next: KObject, old: KObject): string[] =>
  validatePodUpdate(next, old).map((e) => errorToString(e).split('\n')[0]!);

test('pod updates: what may and may not change', () => {
  const cases: { name: string; edit: (s: JsonRecord) => void; want: string[] }[] = [
    { name: 'no change', edit: () => {}, want: [] },
    { name: 'image', edit: (s) => ((s.containers as JsonRecord[])[0]!.image = 'busybox:1.36'), want: [] },
    { name: 'shorter deadline', edit: (s) => (s.activeDeadlineSeconds = 50), want: [] },
    {
      name: 'longer deadline',
      edit: (s) => (s.activeDeadlineSeconds = 200),
      want: ['spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value'],
    },
    {
      name: 'deadline removed',
      edit: (s) => delete s.activeDeadlineSeconds,
      want: ['spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value'],
    },
    {
      name: 'toleration added, seconds changed',
      edit: (s) =>
        (s.tolerations = [
          { key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 },
          { key: 'x', operator: 'Exists' },
        ]),
      want: [],
    },
    {
      name: 'toleration removed',
      edit: (s) => (s.tolerations = []),
      want: ['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds'],
    },
    {
      name: 'container added',
      edit: (s) => (s.containers as JsonRecord[]).push({ name: 'd', image: 'x' }),
      want: ['spec.containers: Forbidden: pod updates may not add or remove containers'],
    },
    {
      name: 'port added',
      edit: (s) => ((s.containers as JsonRecord[])[0]!.ports = [{ containerPort: 80 }]),
      want: [FORBIDDEN],
    },
    { name: 'restart policy', edit: (s) => (s.restartPolicy = 'Never'), want: [FORBIDDEN] },
    {
      name: 'scheduling gate added',
      edit: (s) => (s.schedulingGates = [{ name: 'g' }]),
      want: ["spec.schedulingGates[0].name: Forbidden: only deletion is allowed, but found new scheduling gate 'g'"],
    },
  ];
  const old = pod();
  for (const c of cases) assert.deepEqual(messages(pod(c.edit), old), c.want, c.name);
});

test('a negative grace period may be raised to 1', () => {
  const old = pod((s) => (s.terminationGracePeriodSeconds = -5));
  assert.deepEqual(
    messages(
      pod((s) => (s.terminationGracePeriodSeconds = 1)),
      old,
    ),
    [],
  );
  assert.deepEqual(
    messages(
      pod((s) => (s.terminationGracePeriodSeconds = 2)),
      old,
    ),
    [FORBIDDEN],
  );
});

test('the forbidden-update message names the changed fields', () => {
  assert.deepEqual(specDiff({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3] }, d: 'x' }), [
    '- b.c[1]: 2',
    '+ b.c[1]: 3',
    '+ d: "x"',
  ]);
});

test('pod status updates keep the QoS class', () => {
  const old: KObject = { metadata: { name: 'p' }, spec: {}, status: { qosClass: 'BestEffort' } };
  assert.deepEqual(validatePodStatusUpdate({ ...old, status: { qosClass: 'BestEffort', phase: 'Running' } }, old), []);
  assert.deepEqual(validatePodStatusUpdate({ ...old, status: { qosClass: 'Guaranteed' } }, old).map(errorToString), [
    'status.qosClass: Invalid value: "Guaranteed": field is immutable',
  ]);
});
