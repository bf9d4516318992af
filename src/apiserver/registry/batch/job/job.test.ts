import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString } from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import type { JsonRecord } from '../../core/pod/json.js';
import { jobFields, jobStrategy } from './strategy.js';
import { validateJob, validateJobUpdate } from './validation.js';

const ctx = { namespace: 'default', dryRun: false, user: { name: 'admin', groups: [] }, now: new Date(0) };
const UID = '0b9f7c2e-1111-2222-3333-444455556666';

/** A job as the store prepares it for creation: defaulted, selector generated. */
function job(edit: (spec: JsonRecord) => void = () => {}, name = 'pi'): KObject {
  const spec: JsonRecord = {
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } },
  };
  edit(spec);
  const obj: KObject = { metadata: { name, namespace: 'default', uid: UID }, spec };
  jobStrategy.defaults!(obj);
  jobStrategy.prepareForCreate!(obj, ctx);
  return obj;
}

test('defaults and the generated selector', () => {
  const obj = job();
  const spec = obj.spec as JsonRecord;
  assert.equal(spec.completions, 1);
  assert.equal(spec.parallelism, 1);
  assert.equal(spec.backoffLimit, 6);
  assert.equal(spec.completionMode, 'NonIndexed');
  assert.equal(spec.suspend, false);
  assert.equal(spec.manualSelector, false);
  assert.equal(spec.podReplacementPolicy, 'TerminatingOrFailed');
  const labels = {
    'batch.kubernetes.io/controller-uid': UID,
    'batch.kubernetes.io/job-name': 'pi',
    'controller-uid': UID,
    'job-name': 'pi',
  };
  assert.deepEqual(spec.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': UID } });
  assert.deepEqual(((spec.template as JsonRecord).metadata as JsonRecord).labels, labels);
  assert.deepEqual(obj.metadata.labels, labels);
  assert.deepEqual(obj.status, {});
  assert.deepEqual(validateJob(obj), []);
});

test('defaults that depend on other fields', () => {
  const onlyParallel = job((s) => (s.parallelism = 3)).spec as JsonRecord;
  assert.equal(onlyParallel.completions, undefined);
  const perIndex = job((s) => {
    s.backoffLimitPerIndex = 1;
    s.completionMode = 'Indexed';
    s.completions = 3;
  }).spec as JsonRecord;
  assert.equal(perIndex.backoffLimit, 2147483647);
  const withPolicy = job(
    (s) => (s.podFailurePolicy = { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] }),
  ).spec as JsonRecord;
  assert.equal(withPolicy.podReplacementPolicy, 'Failed');
  assert.deepEqual(withPolicy.podFailurePolicy, {
    rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }],
  });
});

test('job validation reports upstream messages', () => {
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    {
      name: 'restartPolicy Always',
      obj: job((s) => delete ((s.template as JsonRecord).spec as JsonRecord).restartPolicy),
      want: ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    },
    {
      name: 'negative backoff',
      obj: job((s) => (s.backoffLimit = -1)),
      want: ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'a selector not generated',
      obj: job((s) => (s.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': 'other' } })),
      want: [
        'spec.selector: Invalid value: {"matchLabels":{"batch.kubernetes.io/controller-uid":"other"}}: `selector` not auto-generated',
        'spec.template.metadata.labels: Invalid value: {"batch.kubernetes.io/controller-uid":"0b9f7c2e-1111-2222-3333-444455556666","batch.kubernetes.io/job-name":"pi","controller-uid":"0b9f7c2e-1111-2222-3333-444455556666","job-name":"pi"}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'manual selector must be given',
      obj: job((s) => (s.manualSelector = true)),
      want: [
        'spec.selector: Required value',
        'spec.template.metadata.labels: Invalid value: {}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'indexed job needs completions and a short name',
      obj: job((s) => {
        s.completionMode = 'Indexed';
        s.completions = 100;
      }, 'a'.repeat(62)),
      want: [
        `metadata.name: Invalid value: "${'a'.repeat(62)}": will not able to create pod with invalid DNS label: ${'a'.repeat(62)}-99`,
      ],
    },
    {
      name: 'bad completion mode',
      obj: job((s) => (s.completionMode = 'Sometimes')),
      want: ['spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"'],
    },
  ];
  for (const c of cases) assert.deepEqual(validateJob(c.obj).map(errorToString), c.want, c.name);
});

test('job updates: template and selector are immutable, parallelism is not', () => {
  const old = job();
  const scaled = structuredClone(old);
  (scaled.spec as JsonRecord).parallelism = 4;
  assert.deepEqual(validateJobUpdate(scaled, old), []);
  const retemplated = structuredClone(old);
  (
    (((retemplated.spec as JsonRecord).template as JsonRecord).spec as JsonRecord).containers as JsonRecord[]
  )[0]!.image = 'perl:5';
  const msgs = validateJobUpdate(retemplated, old).map(errorToString);
  assert.equal(msgs.length, 1);
  assert.match(msgs[0]!, /^spec\.template: Invalid value: .*: field is immutable$/);
  const suspended = job((s) => (s.suspend = true));
  const moved = structuredClone(suspended);
  (((moved.spec as JsonRecord).template as JsonRecord).spec as JsonRecord).nodeSelector = { zone: 'a' };
  assert.deepEqual(validateJobUpdate(moved, suspended), []);
  const recompleted = structuredClone(old);
  (recompleted.spec as JsonRecord).completions = 2;
  assert.deepEqual(validateJobUpdate(recompleted, old).map(errorToString), [
    'spec.completions: Invalid value: 2: field is immutable',
  ]);
});

test('the status.successful field selector', () => {
  assert.deepEqual(jobFields({ metadata: {} }), { 'status.successful': '0' });
  assert.deepEqual(jobFields({ metadata: {}, status: { succeeded: 2 } }), { 'status.successful': '2' });
});
