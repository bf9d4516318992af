import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject, RequestContext } from '../../types.js';
import { ingressClassStrategy, validateIngressClass } from './strategy.js';

const ctx: RequestContext = { namespace: '', dryRun: false, user: { name: 'admin', groups: [] }, now: new Date(0) };
const ic = (spec: Record<string, unknown>): KObject => ({ metadata: { name: 'nginx' }, spec });

test('ingress class validation', () => {
  const cases: { name: string; spec: Record<string, unknown>; want: string[] }[] = [
    { name: 'valid', spec: { controller: 'k8s.io/ingress-nginx' }, want: [] },
    { name: 'controller required', spec: {}, want: ['spec.controller: Required value'] },
    {
      name: 'controller must be domain prefixed',
      spec: { controller: 'nginx' },
      want: ['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")'],
    },
    {
      name: 'namespaced parameters need a namespace',
      spec: { controller: 'k8s.io/x', parameters: { kind: 'Params', name: 'p', scope: 'Namespace' } },
      want: ["spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'"],
    },
  ];
  for (const c of cases) assert.deepEqual(validateIngressClass(ic(c.spec)).map(String), c.want, c.name);
});

test('parameters default to cluster scope; the controller is immutable', () => {
  const obj = ic({ controller: 'k8s.io/x', parameters: { kind: 'Params', name: 'p' } });
  ingressClassStrategy.defaults!(obj);
  assert.equal((obj.spec as { parameters: { scope: string } }).parameters.scope, 'Cluster');
  assert.deepEqual(
    ingressClassStrategy.validateUpdate!(ic({ controller: 'k8s.io/y' }), ic({ controller: 'k8s.io/x' }), ctx).map(
      String,
    ),
    ['spec.controller: Invalid value: "k8s.io/y": field is immutable'],
  );
});
