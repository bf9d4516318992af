import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import {
  endpointSlicePrinter,
  ingressClassPrinter,
  ingressHosts,
  ingressPrinter,
  ipAddressPrinter,
  networkPolicyPrinter,
  serviceCIDRPrinter,
} from './networking.js';
import type { TablePrinter } from './table.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const meta = { name: 'x', creationTimestamp: '2025-02-22T12:00:00Z' }; // 7d

const cases: { name: string; printer: TablePrinter; obj: KObject; want: unknown[] }[] = [
  {
    name: 'network policy selecting pods',
    printer: networkPolicyPrinter,
    obj: { metadata: meta, spec: { podSelector: { matchLabels: { role: 'db' } }, policyTypes: ['Ingress'] } },
    want: ['x', 'role=db', '7d'],
  },
  {
    name: 'network policy for every pod',
    printer: networkPolicyPrinter,
    obj: { metadata: meta, spec: { podSelector: {} } },
    want: ['x', '<none>', '7d'],
  },
  {
    name: 'ingress with class, TLS and a load balancer',
    printer: ingressPrinter,
    obj: {
      metadata: meta,
      spec: {
        ingressClassName: 'nginx',
        rules: [{ host: 'a.example.com' }, { host: 'b.example.com' }],
        tls: [{ hosts: ['a.example.com'] }],
      },
      status: {
        loadBalancer: {
          ingress: [{ ip: '192.0.2.10' }, { hostname: 'a-very-long-load-balancer-hostname.example.com' }],
        },
      },
    },
    want: [
      'x',
      'nginx',
      'a.example.com,b.example.com',
      '192.0.2.10,a-very-long-load-balancer-hostname.example.com',
      '80, 443',
      '7d',
    ],
  },
  {
    name: 'bare ingress',
    printer: ingressPrinter,
    obj: { metadata: meta, spec: {} },
    want: ['x', '<none>', '*', '', '80', '7d'],
  },
  {
    name: 'ingress class with parameters',
    printer: ingressClassPrinter,
    obj: {
      metadata: meta,
      spec: {
        controller: 'k8s.io/ingress-nginx',
        parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' },
      },
    },
    want: ['x', 'k8s.io/ingress-nginx', 'IngressParameters.k8s.example.com/external-lb', '7d'],
  },
  {
    name: 'ingress class with core parameters',
    printer: ingressClassPrinter,
    obj: { metadata: meta, spec: { controller: 'c', parameters: { kind: 'ConfigMap', name: 'cfg' } } },
    want: ['x', 'c', 'ConfigMap/cfg', '7d'],
  },
  {
    name: 'ingress class without parameters',
    printer: ingressClassPrinter,
    obj: { metadata: meta, spec: { controller: 'c' } },
    want: ['x', 'c', '<none>', '7d'],
  },
  {
    name: 'endpoint slice',
    printer: endpointSlicePrinter,
    obj: {
      metadata: meta,
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 80 }, { name: 'metrics' }, {}, { port: 9090 }],
      endpoints: [{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2', '10.0.0.3'] }, { addresses: ['10.0.0.4'] }],
    },
    want: ['x', 'IPv4', '80,metrics,* + 1 more...', '10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...', '7d'],
  },
  {
    name: 'empty endpoint slice',
    printer: endpointSlicePrinter,
    obj: { metadata: meta, addressType: 'IPv6' },
    want: ['x', 'IPv6', '<unset>', '<unset>', '7d'],
  },
  {
    name: 'service CIDR',
    printer: serviceCIDRPrinter,
    obj: { metadata: meta, spec: { cidrs: ['10.96.0.0/12', 'fd00::/108'] } },
    want: ['x', '10.96.0.0/12,fd00::/108', '7d'],
  },
  {
    name: 'IP address of a service',
    printer: ipAddressPrinter,
    obj: {
      metadata: meta,
      spec: { parentRef: { group: '', resource: 'services', namespace: 'default', name: 'kubernetes' } },
    },
    want: ['x', 'services/default/kubernetes', '7d'],
  },
  {
    name: 'IP address of a grouped cluster-scoped parent',
    printer: ipAddressPrinter,
    obj: {
      metadata: meta,
      spec: { parentRef: { group: 'Gateway.Networking.k8s.io', resource: 'Gateways', name: 'gw' } },
    },
    want: ['x', 'gateways.gateway.networking.k8s.io/gw', '7d'],
  },
  {
    name: 'IP address without a parent',
    printer: ipAddressPrinter,
    obj: { metadata: meta, spec: {} },
    want: ['x', '<none>', '7d'],
  },
];

for (const c of cases) {
  test(`networking printers: ${c.name}`, () => {
    assert.deepEqual(c.printer.cells(c.obj, NOW), c.want);
    assert.equal(c.printer.columns.length, c.want.length);
  });
}

test('ingress hosts: three at most, counting every rule', () => {
  const rules = [{ host: 'a' }, {}, { host: 'b' }, { host: 'c' }, { host: 'd' }];
  assert.equal(ingressHosts(rules), 'a,b,c + 2 more...');
  assert.equal(ingressHosts([{}]), '*');
});
