import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import { endpointsPrinter, formatEndpoints, servicePrinter } from './core-services.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const CREATED = '2025-03-01T11:00:00Z'; // 60m before NOW

const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject => ({
  metadata: { name: 's', creationTimestamp: CREATED },
  spec,
  status,
});

const serviceCases: { name: string; svc: KObject; want: unknown[] }[] = [
  {
    name: 'cluster IP service',
    svc: svc({
      type: 'ClusterIP',
      clusterIPs: ['10.96.0.10'],
      ports: [{ port: 80, protocol: 'TCP' }],
      selector: { app: 'web', tier: 'a' },
    }),
    want: ['s', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '60m', 'app=web,tier=a'],
  },
  {
    name: 'node port service prints port:nodePort',
    svc: svc({
      type: 'NodePort',
      clusterIPs: ['10.96.0.11'],
      ports: [
        { port: 80, nodePort: 30080, protocol: 'TCP' },
        { port: 53, protocol: 'UDP' },
      ],
    }),
    want: ['s', 'NodePort', '10.96.0.11', '<none>', '80:30080/TCP,53/UDP', '60m', '<none>'],
  },
  {
    name: 'cluster IP service with external IPs',
    svc: svc({
      type: 'ClusterIP',
      clusterIPs: ['10.96.0.12'],
      externalIPs: ['1.2.3.4', '5.6.7.8'],
      ports: [{ port: 443, protocol: 'TCP' }],
    }),
    want: ['s', 'ClusterIP', '10.96.0.12', '1.2.3.4,5.6.7.8', '443/TCP', '60m', '<none>'],
  },
  {
    name: 'load balancer waiting for an address',
    svc: svc({
      type: 'LoadBalancer',
      clusterIPs: ['10.96.0.13'],
      ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }],
    }),
    want: ['s', 'LoadBalancer', '10.96.0.13', '<pending>', '80:31000/TCP', '60m', '<none>'],
  },
  {
    name: 'load balancer ingress sorted and de-duplicated, then external IPs, never clipped',
    svc: svc(
      {
        type: 'LoadBalancer',
        clusterIPs: ['10.96.0.14'],
        externalIPs: ['9.9.9.9'],
        ports: [{ port: 80, nodePort: 31001, protocol: 'TCP' }],
      },
      { loadBalancer: { ingress: [{ ip: '203.0.113.20' }, { hostname: 'lb.example.com' }, { ip: '203.0.113.20' }] } },
    ),
    want: ['s', 'LoadBalancer', '10.96.0.14', '203.0.113.20,lb.example.com,9.9.9.9', '80:31001/TCP', '60m', '<none>'],
  },
  {
    name: 'external name service',
    svc: svc({ type: 'ExternalName', externalName: 'db.example.com' }),
    want: ['s', 'ExternalName', '<none>', 'db.example.com', '<none>', '60m', '<none>'],
  },
  {
    name: 'headless service',
    svc: svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 5432, protocol: 'TCP' }] }),
    want: ['s', 'ClusterIP', 'None', '<none>', '5432/TCP', '60m', '<none>'],
  },
  { name: 'service without a type', svc: svc({}), want: ['s', '', '<none>', '<unknown>', '<none>', '60m', '<none>'] },
];

for (const c of serviceCases) {
  test(`service printer: ${c.name}`, () => {
    assert.deepEqual(servicePrinter.cells(c.svc, NOW), c.want);
  });
}

test('service printer: columns NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, wide SELECTOR', () => {
  assert.deepEqual(
    servicePrinter.columns.map((c) => `${c.name}:${c.priority}`),
    ['Name:0', 'Type:0', 'Cluster-IP:0', 'External-IP:0', 'Port(s):0', 'Age:0', 'Selector:1'],
  );
});

const addrs = (...ips: string[]) => ips.map((ip) => ({ ip }));
const endpointCases: { name: string; subsets: unknown; want: string }[] = [
  { name: 'no subsets', subsets: undefined, want: '<none>' },
  {
    name: 'one address and port',
    subsets: [{ addresses: addrs('10.0.0.1'), ports: [{ port: 80 }] }],
    want: '10.0.0.1:80',
  },
  {
    name: 'every address for every port, three at most',
    subsets: [
      {
        addresses: addrs('10.0.0.1', '10.0.0.2'),
        ports: [
          { name: 'http', port: 80 },
          { name: 'https', port: 443 },
        ],
      },
    ],
    want: '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...',
  },
  {
    name: 'headless subset without ports',
    subsets: [{ addresses: addrs('10.0.0.1', '10.0.0.2') }],
    want: '10.0.0.1,10.0.0.2',
  },
  {
    name: 'more than three across subsets',
    subsets: [
      { addresses: addrs('10.0.0.1', '10.0.0.2', '10.0.0.3') },
      { addresses: addrs('10.0.0.4', '10.0.0.5'), ports: [{ port: 8080 }] },
    ],
    want: '10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...',
  },
  {
    name: 'IPv6 addresses are bracketed',
    subsets: [{ addresses: addrs('fd00::1'), ports: [{ port: 53 }] }],
    want: '[fd00::1]:53',
  },
  {
    name: 'subset without addresses',
    subsets: [{ notReadyAddresses: addrs('10.0.0.9'), ports: [{ port: 80 }] }],
    want: '',
  },
];

for (const c of endpointCases) {
  test(`endpoints printer: ${c.name}`, () => {
    assert.equal(formatEndpoints(c.subsets), c.want);
  });
}

test('endpoints printer: NAME ENDPOINTS AGE', () => {
  const ep: KObject = {
    metadata: { name: 'web', creationTimestamp: CREATED },
    subsets: [{ addresses: addrs('10.0.0.1'), ports: [{ port: 80 }] }],
  };
  assert.deepEqual(endpointsPrinter.cells(ep, NOW), ['web', '10.0.0.1:80', '60m']);
});
