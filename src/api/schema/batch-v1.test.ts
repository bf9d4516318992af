import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveListType } from './dsl.js';
import { CronJob, Job, JobStatus, PodFailurePolicyOnExitCodesRequirement, batchV1Kinds } from './batch-v1.js';
import { findUnknownFields, patchMetaFor } from './fields.js';
import { buildSchemaRegistry } from './registry.js';
import { KUBECTL_GROUP_BODIES } from './testdata/kubectl-bodies-groups.js';
import { assertCapturedBodiesDecode, assertOpenAPIServes, assertResources } from './testdata/served-group.js';

const registry = buildSchemaRegistry();

test('batch/v1 kinds register with upstream discovery metadata', () => {
  assertResources(registry, batchV1Kinds, [
    {
      kind: 'CronJob',
      plural: 'cronjobs',
      singular: 'cronjob',
      namespaced: true,
      shortNames: ['cj'],
      categories: ['all'],
      subresources: ['status'],
    },
    { kind: 'Job', plural: 'jobs', singular: 'job', namespaced: true, categories: ['all'], subresources: ['status'] },
  ]);
});

test('batch/v1 OpenAPI v3 serves every kind with a PATCH operation listing fieldValidation', () => {
  assertOpenAPIServes(registry, batchV1Kinds);
});

test('kubectl 1.32 protobuf bodies for batch/v1 decode to the JSON kubectl 1.27 sends', () => {
  assertCapturedBodiesDecode(registry, KUBECTL_GROUP_BODIES, 'batch/v1');
});

test('job conditions keep a merge key but are atomic for server-side apply, as upstream declares', () => {
  const conditions = JobStatus.property('conditions')!;
  assert.deepEqual(effectiveListType(conditions), { listType: 'atomic', keys: [] });
  assert.equal(patchMetaFor(Job).field('status')!.elem!.field('conditions')!.mergeKey, 'type');
  assert.deepEqual(effectiveListType(PodFailurePolicyOnExitCodesRequirement.property('values')!), {
    listType: 'set',
    keys: [],
  });
});

test('unknown-field detection reaches into the cron job template down to containers', () => {
  const obj = {
    spec: {
      schedule: '*/5 * * * *',
      timeZone: 'Etc/UTC',
      jobTemplate: {
        spec: {
          podFailurePolicy: { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] }, x: 1 }] },
          template: { spec: { containers: [{ name: 'c', image: 'busybox', foo: true }] } },
        },
      },
    },
  };
  assert.deepEqual(findUnknownFields(obj, CronJob), [
    'spec.jobTemplate.spec.podFailurePolicy.rules[0].x',
    'spec.jobTemplate.spec.template.spec.containers[0].foo',
  ]);
});
