import { test } from 'node:test';
import assert from 'node:assert/strict';
import { root } from '../../../../apimachinery/field-errors.js';
import { isStrictSubnet, isValidPortName, validateCIDR, validateIP, validateNonSpecialIP } from './net.js';

test('isValidPortName', () => {
  const cases: { in: string; want: string[] }[] = [
    { in: 'http', want: [] },
    { in: 'web-80', want: [] },
    { in: '8080', want: ['must contain at least one letter (a-z)'] },
    { in: 'Http', want: ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'] },
    { in: 'a--b', want: ['must not contain consecutive hyphens'] },
    { in: '-ab', want: ['must not begin or end with a hyphen'] },
    { in: 'abcdefghijklmnop', want: ['must be no more than 15 characters'] },
  ];
  for (const c of cases) assert.deepEqual(isValidPortName(c.in), c.want, c.in);
});

test('IP and CIDR validation', () => {
  const p = root('ip');
  assert.deepEqual(validateIP('10.0.0.1', p), []);
  assert.deepEqual(validateIP('2001:db8::1', p), []);
  assert.deepEqual(validateIP('10.0.0.256', p).map(String), [
    'ip: Invalid value: "10.0.0.256": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  ]);
  assert.deepEqual(validateCIDR('10.0.0.0/8', p), []);
  assert.deepEqual(validateCIDR('10.0.0.0/33', p).map(String), [
    'ip: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
  ]);
});

test('validateNonSpecialIP rejects unspecified, loopback and link-local addresses', () => {
  const p = root('ip');
  const cases: { in: string; want: string[] }[] = [
    { in: '10.1.2.3', want: [] },
    { in: '0.0.0.0', want: ['ip: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)'] },
    {
      in: '127.0.0.1',
      want: ['ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    },
    {
      in: '169.254.1.1',
      want: ['ip: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)'],
    },
    {
      in: '224.0.0.5',
      want: ['ip: Invalid value: "224.0.0.5": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'],
    },
    { in: '::1', want: ['ip: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)'] },
    {
      in: 'fe80::1',
      want: ['ip: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)'],
    },
    { in: '2001:db8::1', want: [] },
  ];
  for (const c of cases) assert.deepEqual(validateNonSpecialIP(c.in, p).map(String), c.want, c.in);
});

test('isStrictSubnet', () => {
  assert.equal(isStrictSubnet('10.1.0.0/16', '10.0.0.0/8'), true);
  assert.equal(isStrictSubnet('10.0.0.0/8', '10.0.0.0/8'), false);
  assert.equal(isStrictSubnet('11.0.0.0/16', '10.0.0.0/8'), false);
  assert.equal(isStrictSubnet('2001:db8:1::/48', '2001:db8::/32'), true);
});
