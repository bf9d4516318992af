import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gatewayOf, setupNodeNetwork } from './host-network.js';

test('gatewayOf is the first host address of the podCIDR', () => {
  assert.deepEqual(gatewayOf('10.42.0.0/24'), { address: '10.42.0.1', prefixLength: 24 });
  assert.deepEqual(gatewayOf('10.42.7.0/24'), { address: '10.42.7.1', prefixLength: 24 });
  assert.deepEqual(gatewayOf('10.42.0.5/16'), { address: '10.42.0.1', prefixLength: 16 });
  for (const bad of ['nope', '10.42.0.0', 'fd00::/64', '10.0.0.0/31']) assert.throws(() => gatewayOf(bad), /podCIDR/);
});

test('setupNodeNetwork creates a missing bridge, addresses it, routes the service CIDR; teardown undoes it', async () => {
  const calls: string[] = [];
  const ip = async (args: string[]) => {
    calls.push(args.join(' '));
    if (args[0] === 'link' && args[1] === 'show') throw new Error('Device "k8tsab" does not exist.');
    return '';
  };
  const net = await setupNodeNetwork({ bridgeName: 'k8tsab', podCIDR: '10.42.0.0/24', serviceCIDR: '10.43.0.0/16', ip });
  assert.equal(net.nodeIP, '10.42.0.1');
  await net.teardown();
  assert.deepEqual(calls, [
    'link show dev k8tsab',
    'link add name k8tsab type bridge',
    'addr replace 10.42.0.1/24 dev k8tsab',
    'link set dev k8tsab up',
    'route replace unreachable 10.43.0.0/16',
    'route del unreachable 10.43.0.0/16',
    'link del dev k8tsab',
  ]);
});

test('setupNodeNetwork keeps an existing bridge', async () => {
  const calls: string[] = [];
  const net = await setupNodeNetwork({ bridgeName: 'k8tsab', podCIDR: '10.42.0.0/24', ip: async (a) => (calls.push(a.join(' ')), '') });
  assert.equal(net.nodeIP, '10.42.0.1');
  assert.ok(!calls.some((c) => c.startsWith('link add')));
  assert.ok(!calls.some((c) => c.startsWith('route')));
});
