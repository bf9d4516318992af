import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ingress, IngressRule, NetworkPolicy, networkingV1Kinds } from './networking-v1.js';
import { findUnknownFields } from './fields.js';
import { buildSchemaRegistry } from './registry.js';
import { KUBECTL_GROUP_BODIES } from './testdata/kubectl-bodies-groups.js';
import { assertCapturedBodiesDecode, assertOpenAPIServes, assertResources } from './testdata/served-group.js';

const registry = buildSchemaRegistry();

test('networking.k8s.io/v1 kinds register with upstream discovery metadata', () => {
  assertResources(registry, networkingV1Kinds, [
    { kind: 'IngressClass', plural: 'ingressclasses', singular: 'ingressclass', namespaced: false },
    {
      kind: 'Ingress',
      plural: 'ingresses',
      singular: 'ingress',
      namespaced: true,
      shortNames: ['ing'],
      subresources: ['status'],
    },
    { kind: 'IPAddress', plural: 'ipaddresses', singular: 'ipaddress', namespaced: false, shortNames: ['ip'] },
    {
      kind: 'NetworkPolicy',
      plural: 'networkpolicies',
      singular: 'networkpolicy',
      namespaced: true,
      shortNames: ['netpol'],
    },
    {
      kind: 'ServiceCIDR',
      plural: 'servicecidrs',
      singular: 'servicecidr',
      namespaced: false,
      subresources: ['status'],
    },
  ]);
});

test('networking.k8s.io/v1 OpenAPI v3 serves every kind with a PATCH operation listing fieldValidation', () => {
  assertOpenAPIServes(registry, networkingV1Kinds);
});

test('kubectl 1.32 protobuf bodies for networking decode to the JSON kubectl 1.27 sends', () => {
  assertCapturedBodiesDecode(registry, KUBECTL_GROUP_BODIES, 'networking.k8s.io/v1');
});

test('the inline IngressRuleValue puts http next to host in JSON', () => {
  assert.deepEqual(
    IngressRule.properties().map((f) => f.name),
    ['host', 'http'],
  );
  const obj = {
    spec: { rules: [{ host: 'a', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { svc: 'x' } }] } }] },
  };
  assert.deepEqual(findUnknownFields(obj, Ingress), ['spec.rules[0].http.paths[0].backend.svc']);
});

test('network policy peers accept selectors and IP blocks only', () => {
  const obj = {
    spec: {
      podSelector: {},
      ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: [] } }, { serviceSelector: {} }] }],
    },
  };
  assert.deepEqual(findUnknownFields(obj, NetworkPolicy), ['spec.ingress[0].from[1].serviceSelector']);
});
