import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstNodeCIDR, firstNodeIP } from './server-node.js';
import { UsageError } from './flags.js';

test('the server node gets the first /24 of the cluster CIDR and its gateway', () => {
  const cases: Array<[string, string, string]> = [
    ['10.42.0.0/16', '10.42.0.0/24', '10.42.0.1'],
    ['10.99.0.0/16', '10.99.0.0/24', '10.99.0.1'],
    ['10.42.5.0/24', '10.42.5.0/24', '10.42.5.1'],
    ['10.42.5.128/25', '10.42.5.128/25', '10.42.5.129'],
  ];
  for (const [cluster, node, ip] of cases) {
    assert.equal(firstNodeCIDR(cluster), node, cluster);
    assert.equal(firstNodeIP(cluster), ip, cluster);
  }
});

test('a bad --cluster-cidr is a usage error naming the flag', () => {
  for (const bad of ['banana', '10.42.0.0', 'fd00::/64', '10.42.0.0/31']) {
    assert.throws(() => firstNodeCIDR(bad), (err: unknown) => err instanceof UsageError && /--cluster-cidr/.test(err.message), bad);
  }
});
