/**
 * Network-value validators shared by the resources that carry addresses and ports (services, endpoints,
 * endpoint slices, nodes, network policies, ingresses), with upstream's messages.
 */
import { isIP } from 'node:net';
import { invalidValue, type FieldError, type FieldPath } from '../../../../apimachinery/field-errors.js';
import { invalidEach, isValidPortNum, maxLenError } from '../../../../apimachinery/validation/names.js';

const PORT_NAME_CHARSET = /^[-a-z0-9]+$/;
const PORT_NAME_ONE_LETTER = /[a-z]/;

/** An IANA_SVC_NAME: at most 15 lower-case alphanumerics and single hyphens, with a letter (IsValidPortName). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (Buffer.byteLength(port) > 15) errs.push(maxLenError(15));
  if (!PORT_NAME_CHARSET.test(port))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  else if (!PORT_NAME_ONE_LETTER.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** An int-or-string port: a number is a port number, a string a port name (ValidatePortNumOrName). */
export function validatePortNumOrName(port: unknown, path: FieldPath): FieldError[] {
  if (typeof port === 'number') return invalidEach(path, port, isValidPortNum(port));
  if (typeof port === 'string') return invalidEach(path, port, isValidPortName(port));
  return [invalidValue(path, port, 'must be an integer or a string')];
}

/** Parses an IPv4 or IPv6 address; undefined when it is not one. Leading zeros are not accepted, as upstream. */
export function ipFamilyOf(value: string): 'IPv4' | 'IPv6' | undefined {
  const v = isIP(value);
  return v === 4 ? 'IPv4' : v === 6 ? 'IPv6' : undefined;
}

/** A valid IP address at `path` (validation.IsValidIP). */
export function validateIP(value: string, path: FieldPath): FieldError[] {
  return ipFamilyOf(value)
    ? []
    : [invalidValue(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

/** A CIDR's parts, or undefined when malformed. */
export function parseCIDR(value: string): { family: 'IPv4' | 'IPv6'; ip: string; prefix: number } | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const ip = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  const family = ipFamilyOf(ip);
  if (!family || !/^\d{1,3}$/.test(bits)) return undefined;
  const prefix = Number(bits);
  if (prefix > (family === 'IPv4' ? 32 : 128)) return undefined;
  return { family, ip, prefix };
}

/** A valid CIDR at `path` (validation.IsValidCIDR). */
export function validateCIDR(value: string, path: FieldPath): FieldError[] {
  return parseCIDR(value)
    ? []
    : [invalidValue(path, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}

/** The address as a bigint, for range checks. */
export function ipToBigInt(ip: string): bigint {
  if (isIP(ip) === 4) return ip.split('.').reduce((acc, o) => (acc << 8n) + BigInt(Number(o)), 0n);
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const expand = (groups: string[]) =>
    groups.flatMap((g) => {
      if (!g.includes('.')) return [g];
      const n = ipToBigInt(g);
      return [(n >> 16n).toString(16), (n & 0xffffn).toString(16)];
    });
  const hh = expand(h);
  const tt = expand(t);
  const groups = tail !== undefined ? [...hh, ...Array(8 - hh.length - tt.length).fill('0'), ...tt] : hh;
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || '0', 16)), 0n);
}

/**
 * Rejects addresses that make no sense as endpoints or external IPs: unspecified, loopback, link-local
 * (ValidateNonSpecialIP).
 */
export function validateNonSpecialIP(value: string, path: FieldPath): FieldError[] {
  const family = ipFamilyOf(value);
  if (!family) return [invalidValue(path, value, 'must be a valid IP address')];
  const n = ipToBigInt(value);
  const errs: FieldError[] = [];
  const inRange = (base: bigint, bits: number, width: number) =>
    n >> BigInt(width - bits) === base >> BigInt(width - bits);
  if (family === 'IPv4') {
    if (n === 0n) errs.push(invalidValue(path, value, `may not be unspecified (${value})`));
    if (inRange(0x7f000000n, 8, 32))
      errs.push(invalidValue(path, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
    if (inRange(0xa9fe0000n, 16, 32))
      errs.push(invalidValue(path, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
    if (inRange(0xe0000000n, 24, 32)) {
      errs.push(invalidValue(path, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
    }
  } else {
    if (n === 0n) errs.push(invalidValue(path, value, `may not be unspecified (${value})`));
    if (n === 1n) errs.push(invalidValue(path, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
    if (inRange(0xfe80n << 112n, 10, 128))
      errs.push(invalidValue(path, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
    if (n >> 112n === 0xff02n)
      errs.push(invalidValue(path, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}

/** Whether CIDR `inner` lies strictly inside CIDR `outer` (same family, longer prefix, inside the range). */
export function isStrictSubnet(inner: string, outer: string): boolean {
  const a = parseCIDR(inner);
  const b = parseCIDR(outer);
  if (!a || !b || a.family !== b.family || a.prefix <= b.prefix) return false;
  const width = a.family === 'IPv4' ? 32 : 128;
  const shift = BigInt(width - b.prefix);
  return ipToBigInt(a.ip) >> shift === ipToBigInt(b.ip) >> shift;
}
