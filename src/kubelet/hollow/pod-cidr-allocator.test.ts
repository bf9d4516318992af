import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nthSubnet, parseIPv4CIDR, PodCIDRAllocator } from './pod-cidr-allocator.js';

test('parseIPv4CIDR masks the base address and rejects what is not IPv4', () => {
  assert.deepEqual(parseIPv4CIDR('10.244.3.7/24'), { base: 10 * 256 ** 3 + 244 * 65536 + 3 * 256, prefix: 24 });
  for (const bad of ['', '10.0.0.0', '10.0.0.256/24', '10.0.0.0/33', 'fd00::/64'])
    assert.throws(() => parseIPv4CIDR(bad), /not an IPv4 CIDR/, bad);
});

test('nthSubnet splits a cluster CIDR into node subnets', () => {
  const cases = [
    { cidr: '10.244.0.0/16', prefix: 24, index: 0, want: '10.244.0.0/24' },
    { cidr: '10.244.0.0/16', prefix: 24, index: 255, want: '10.244.255.0/24' },
    { cidr: '10.0.0.0/8', prefix: 24, index: 257, want: '10.1.1.0/24' },
    { cidr: '10.244.7.0/24', prefix: 24, index: 0, want: '10.244.7.0/24' },
  ];
  for (const c of cases) assert.equal(nthSubnet(c.cidr, c.prefix, c.index), c.want);
  assert.throws(() => nthSubnet('10.244.0.0/16', 24, 256), /no subnet #256/);
  assert.throws(() => nthSubnet('10.244.0.0/24', 16, 0), /cannot split/);
});

test('PodCIDRAllocator hands out host addresses round-robin, releases them, and fails when full or unassigned', () => {
  let cidr = '';
  const a = new PodCIDRAllocator(() => cidr);
  assert.throws(() => a.allocate('s0'), /no podCIDR/);
  cidr = '10.1.2.0/29'; // .0 network, .1 gateway, .7 broadcast: .2-.6 for pods
  const got = ['s1', 's2', 's3', 's4', 's5'].map((id) => a.allocate(id));
  assert.deepEqual(got, ['10.1.2.2', '10.1.2.3', '10.1.2.4', '10.1.2.5', '10.1.2.6']);
  assert.throws(() => a.allocate('s6'), /no IP addresses left/);
  a.release('s2');
  a.release('s2');
  a.release('unknown');
  assert.equal(a.inUse(), 4);
  assert.equal(a.allocate('s7'), '10.1.2.3');
  a.release('s3'); // 10.1.2.4
  a.release('s1'); // 10.1.2.2
  assert.equal(a.allocate('s8'), '10.1.2.4', 'round-robin continues after the last address given');
});
