import { isIPv6, parseIPv4CIDR, type IPv4Range } from '../../util/ipv4.js';

/**
 * The Service ClusterIP range (--service-cluster-ip-range): IPv4 only for now, and between /8 and /30 so the
 * allocator's bitmap stays bounded and the range has room for the kubernetes Service plus at least one more.
 */
export function parseServiceCIDR(cidr: string): IPv4Range {
  if (isIPv6(cidr)) throw new Error(`${cidr}: only IPv4 ranges are supported`);
  let range: IPv4Range;
  try {
    range = parseIPv4CIDR(cidr);
  } catch {
    throw new Error(`${JSON.stringify(cidr)} is not a CIDR (want e.g. 10.43.0.0/16)`);
  }
  if (range.prefix < 8 || range.prefix > 30) throw new Error(`${cidr}: the prefix must be between /8 and /30`);
  return range;
}
