import ipaddr from 'ipaddr.js';

/** An IPv4 CIDR as integers: the network address and the number of addresses. */
export interface Ipv4Range {
  cidr: string;
  base: number;
  size: number;
}

export function parseIpv4Cidr(cidr: string): Ipv4Range {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(cidr);
  } catch {
    throw new Error(`${JSON.stringify(cidr)} is not a CIDR (want e.g. 10.43.0.0/16)`);
  }
  const [addr, prefix] = parsed;
  if (addr.kind() !== 'ipv4') throw new Error(`${cidr}: only IPv4 ranges are supported`);
  if (prefix < 8 || prefix > 30) throw new Error(`${cidr}: the prefix must be between /8 and /30`);
  const bytes = addr.toByteArray();
  const ip = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const size = 2 ** (32 - prefix);
  const base = Math.floor(ip / size) * size;
  return { cidr: `${intToIpv4(base)}/${prefix}`, base, size };
}

export function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function ipv4ToInt(ip: string): number | undefined {
  if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return undefined;
  const b = ipaddr.IPv4.parse(ip).toByteArray();
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}

/** Offset of `ip` inside `range`, or undefined when outside. */
export function offsetIn(range: Ipv4Range, ip: string): number | undefined {
  const n = ipv4ToInt(ip);
  if (n === undefined || n < range.base || n >= range.base + range.size) return undefined;
  return n - range.base;
}
