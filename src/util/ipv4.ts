/**
 * IPv4 ranges as integers, for everything that hands out or checks addresses: the Service ClusterIP range,
 * node podCIDRs split from the cluster CIDR, a podCIDR's gateway and the hollow nodes' pod IPs. ipaddr.js
 * parses; the arithmetic is on unsigned 32-bit numbers, which is what allocation needs.
 */
import ipaddr from 'ipaddr.js';

/** An IPv4 CIDR with its host bits cleared: the network address, prefix length and number of addresses. */
export interface IPv4Range {
  /** Canonical form, e.g. 10.43.0.0/16 for 10.43.7.1/16. */
  cidr: string;
  base: number;
  prefix: number;
  size: number;
}

/**
 * Parses `a.b.c.d/n` strictly: four decimal octets (ipaddr.js alone would also take inet_aton forms such as
 * `10/8` or hex octets) and a prefix of 0–32. Throws `not an IPv4 CIDR: "<input>"` otherwise.
 */
export function parseIPv4CIDR(cidr: string): IPv4Range {
  const [addr = '', prefixText = '', ...rest] = cidr.trim().split('/');
  const prefix = /^\d{1,2}$/.test(prefixText) ? Number(prefixText) : -1;
  if (rest.length > 0 || prefix < 0 || prefix > 32 || !ipaddr.IPv4.isValidFourPartDecimal(addr))
    throw new Error(`not an IPv4 CIDR: ${JSON.stringify(cidr)}`);
  const size = 2 ** (32 - prefix);
  const ip = ipv4ToInt(addr)!;
  const base = ip - (ip % size);
  return { cidr: `${formatIPv4(base)}/${prefix}`, base, prefix, size };
}

/** Whether `text` looks like an IPv6 address or range (to say "only IPv4" rather than "not a CIDR"). */
export function isIPv6(text: string): boolean {
  return ipaddr.IPv6.isValid(text.split('/')[0] ?? '');
}

export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** The address as a number, or undefined when it is not four decimal octets. */
export function ipv4ToInt(ip: string): number | undefined {
  if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return undefined;
  return ipaddr.IPv4.parse(ip)
    .toByteArray()
    .reduce((a, o) => a * 256 + o, 0);
}

/** Offset of `ip` inside `range`, or undefined when outside. */
export function offsetIn(range: IPv4Range, ip: string): number | undefined {
  const n = ipv4ToInt(ip);
  if (n === undefined || n < range.base || n >= range.base + range.size) return undefined;
  return n - range.base;
}

/** The `index`-th subnet of length `prefix` inside `cidr` (e.g. node i's /24 of a cluster's /16). */
export function nthSubnet(cidr: string, prefix: number, index: number): string {
  const { base, prefix: outer } = parseIPv4CIDR(cidr);
  if (prefix < outer || prefix > 32) throw new Error(`cannot split ${cidr} into /${prefix} subnets`);
  if (!Number.isInteger(index) || index < 0 || index >= 2 ** (prefix - outer))
    throw new Error(`${cidr} has no subnet #${index} of length /${prefix}`);
  return `${formatIPv4(base + index * 2 ** (32 - prefix))}/${prefix}`;
}
