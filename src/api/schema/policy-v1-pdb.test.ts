import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PodDisruptionBudget, policyV1PdbKinds } from './policy-v1-pdb.js';
import { patchMetaFor } from './fields.js';
import { buildSchemaRegistry } from './registry.js';
import { KUBECTL_GROUP_BODIES } from './testdata/kubectl-bodies-groups.js';
import { assertCapturedBodiesDecode, assertOpenAPIServes, assertResources } from './testdata/served-group.js';

const registry = buildSchemaRegistry();

test('policy/v1 PodDisruptionBudget registers with upstream discovery metadata', () => {
  assertResources(registry, policyV1PdbKinds, [
    {
      kind: 'PodDisruptionBudget',
      plural: 'poddisruptionbudgets',
      singular: 'poddisruptionbudget',
      namespaced: true,
      shortNames: ['pdb'],
      subresources: ['status'],
    },
  ]);
  assert.ok(registry.lookup('policy/v1', 'Eviction'), 'Eviction stays registered next to it');
});

test('policy/v1 OpenAPI v3 serves PodDisruptionBudget with a PATCH operation listing fieldValidation', () => {
  assertOpenAPIServes(registry, policyV1PdbKinds);
});

test('kubectl 1.32 protobuf bodies for policy/v1 decode to the JSON kubectl 1.27 sends', () => {
  assertCapturedBodiesDecode(registry, KUBECTL_GROUP_BODIES, 'policy/v1');
});

test('a PDB selector is replaced, not merged, by strategic merge patch', () => {
  const selector = patchMetaFor(PodDisruptionBudget).field('spec')!.elem!.field('selector')!;
  assert.deepEqual([...selector.strategies], ['replace']);
});
