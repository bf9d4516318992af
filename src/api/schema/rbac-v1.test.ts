import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterRole, RoleRef, Subject, rbacV1Kinds } from './rbac-v1.js';
import { applySchemaFor } from './fields.js';
import { buildSchemaRegistry } from './registry.js';
import { KUBECTL_GROUP_BODIES } from './testdata/kubectl-bodies-groups.js';
import { assertCapturedBodiesDecode, assertOpenAPIServes, assertResources } from './testdata/served-group.js';

const registry = buildSchemaRegistry();

test('rbac.authorization.k8s.io/v1 kinds register with upstream discovery metadata', () => {
  assertResources(registry, rbacV1Kinds, [
    {
      kind: 'ClusterRoleBinding',
      plural: 'clusterrolebindings',
      singular: 'clusterrolebinding',
      namespaced: false,
    },
    { kind: 'ClusterRole', plural: 'clusterroles', singular: 'clusterrole', namespaced: false },
    { kind: 'RoleBinding', plural: 'rolebindings', singular: 'rolebinding', namespaced: true },
    { kind: 'Role', plural: 'roles', singular: 'role', namespaced: true },
  ]);
});

test('rbac.authorization.k8s.io/v1 OpenAPI v3 serves every kind with a PATCH operation listing fieldValidation', () => {
  assertOpenAPIServes(registry, rbacV1Kinds);
});

test('kubectl 1.32 protobuf bodies for rbac decode to the JSON kubectl 1.27 sends', () => {
  assertCapturedBodiesDecode(registry, KUBECTL_GROUP_BODIES, 'rbac.authorization.k8s.io/v1');
});

test('subjects and roleRef are atomic structs, rules atomic lists', () => {
  assert.equal(applySchemaFor(Subject).atomic, true);
  assert.equal(applySchemaFor(RoleRef).atomic, true);
  const rules = applySchemaFor(ClusterRole).field('rules');
  assert.equal(rules?.kind === 'list' && rules.listType, 'atomic');
  assert.equal(ClusterRole.property('rules')!.omitempty, false, 'rules has no omitempty upstream');
});
