import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PriorityClass, schedulingV1Kinds } from './scheduling-v1.js';
import { buildSchemaRegistry } from './registry.js';
import { KUBECTL_GROUP_BODIES } from './testdata/kubectl-bodies-groups.js';
import { assertCapturedBodiesDecode, assertOpenAPIServes, assertResources } from './testdata/served-group.js';

const registry = buildSchemaRegistry();

test('scheduling.k8s.io/v1 PriorityClass registers with upstream discovery metadata', () => {
  assertResources(registry, schedulingV1Kinds, [
    {
      kind: 'PriorityClass',
      plural: 'priorityclasses',
      singular: 'priorityclass',
      namespaced: false,
      shortNames: ['pc'],
    },
  ]);
});

test('scheduling.k8s.io/v1 OpenAPI v3 serves PriorityClass with a PATCH operation listing fieldValidation', () => {
  assertOpenAPIServes(registry, schedulingV1Kinds);
});

test('kubectl 1.32 protobuf bodies for scheduling decode to the JSON kubectl 1.27 sends', () => {
  assertCapturedBodiesDecode(registry, KUBECTL_GROUP_BODIES, 'scheduling.k8s.io/v1');
});

test('a priority class value is required and sits at the top level', () => {
  assert.equal(PriorityClass.property('value')!.required, true);
  assert.equal(PriorityClass.property('spec'), undefined);
});
