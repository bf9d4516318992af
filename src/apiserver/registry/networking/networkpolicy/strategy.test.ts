import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { defaultNetworkPolicy, validateNetworkPolicy } from './strategy.js';

const np = (spec: Record<string, unknown>): KObject => ({ metadata: { name: 'p', namespace: 'd' }, spec });

test('network policy defaults', () => {
  const cases: { name: string; spec: Record<string, unknown>; want: Record<string, unknown> }[] = [
    { name: 'ingress only', spec: { podSelector: {} }, want: { podSelector: {}, policyTypes: ['Ingress'] } },
    {
      name: 'egress rules add Egress; ports default to TCP',
      spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] },
      want: {
        podSelector: {},
        egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }],
        policyTypes: ['Ingress', 'Egress'],
      },
    },
    {
      name: 'explicit types stay',
      spec: { podSelector: {}, policyTypes: ['Egress'] },
      want: { podSelector: {}, policyTypes: ['Egress'] },
    },
  ];
  for (const c of cases) {
    const obj = np(c.spec);
    defaultNetworkPolicy(obj);
    assert.deepEqual(obj.spec, c.want, c.name);
  }
});

test('network policy validation', () => {
  const cases: { name: string; spec: Record<string, unknown>; want: string[] }[] = [
    {
      name: 'valid',
      spec: {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }],
      },
      want: [],
    },
    {
      name: 'empty peer',
      spec: { podSelector: {}, ingress: [{ from: [{}] }] },
      want: ['spec.ingress[0].from[0]: Required value: must specify a peer'],
    },
    {
      name: 'ipBlock with another peer, except outside cidr',
      spec: {
        podSelector: {},
        ingress: [{ from: [{ podSelector: {}, ipBlock: { cidr: '10.0.0.0/8', except: ['11.0.0.0/16'] } }] }],
      },
      want: [
        'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "11.0.0.0/16": must be a strict subset of `cidr`',
        'spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer',
      ],
    },
    {
      name: 'endPort below port',
      spec: { podSelector: {}, egress: [{ ports: [{ port: 80, endPort: 70 }] }] },
      want: ['spec.egress[0].ports[0].endPort: Invalid value: 70: must be greater than or equal to `port`'],
    },
    {
      name: 'unknown policy type',
      spec: { podSelector: {}, policyTypes: ['Sideways'] },
      want: ['spec.policyTypes[0]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"'],
    },
  ];
  for (const c of cases) assert.deepEqual(validateNetworkPolicy(np(c.spec)).map(String), c.want, c.name);
});
