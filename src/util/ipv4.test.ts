import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIPv4, ipv4ToInt, isIPv6, nthSubnet, offsetIn, parseIPv4CIDR } from './ipv4.js';

test('parseIPv4CIDR masks the base address and rejects what is not IPv4', () => {
  assert.deepEqual(parseIPv4CIDR('10.244.3.7/24'), { cidr: '10.244.3.0/24', base: 10 * 256 ** 3 + 244 * 65536 + 3 * 256, prefix: 24, size: 256 });
  assert.deepEqual(parseIPv4CIDR('0.0.0.0/0'), { cidr: '0.0.0.0/0', base: 0, prefix: 0, size: 2 ** 32 });
  assert.equal(parseIPv4CIDR('255.255.255.255/32').base, 2 ** 32 - 1);
  for (const bad of ['', '10.0.0.0', '10.0.0.256/24', '10.0.0.0/33', 'fd00::/64', '10/8', '0xa.0.0.0/8', '10.0.0.0/8/8', '10.0.0.0/-1'])
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

test('addresses round-trip through numbers; offsetIn bounds them to the range', () => {
  for (const ip of ['0.0.0.0', '10.43.0.1', '255.255.255.255']) assert.equal(formatIPv4(ipv4ToInt(ip)!), ip);
  assert.equal(ipv4ToInt('10.43.0'), undefined);
  const r = parseIPv4CIDR('10.43.0.0/30');
  assert.deepEqual(['10.42.255.255', '10.43.0.0', '10.43.0.3', '10.43.0.4', 'x'].map((ip) => offsetIn(r, ip)), [undefined, 0, 3, undefined, undefined]);
  assert.equal(isIPv6('fd00::/108'), true);
  assert.equal(isIPv6('10.0.0.0/8'), false);
});
