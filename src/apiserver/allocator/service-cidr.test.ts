import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseServiceCIDR } from './service-cidr.js';

test('parseServiceCIDR takes IPv4 /8 to /30 ranges and says what is wrong with others', () => {
  assert.deepEqual(parseServiceCIDR('10.43.7.1/16'), { cidr: '10.43.0.0/16', base: 10 * 2 ** 24 + 43 * 2 ** 16, prefix: 16, size: 65536 });
  const cases = [
    { cidr: 'fd00::/108', want: /only IPv4 ranges are supported/ },
    { cidr: 'nope', want: /"nope" is not a CIDR \(want e\.g\. 10\.43\.0\.0\/16\)/ },
    { cidr: '10.0.0.0/7', want: /the prefix must be between \/8 and \/30/ },
    { cidr: '10.0.0.0/31', want: /the prefix must be between \/8 and \/30/ },
  ];
  for (const c of cases) assert.throws(() => parseServiceCIDR(c.cidr), c.want, c.cidr);
});
