/**
 * Pod IPs for hollow nodes: what host-local IPAM does on a real node, from the node's IPv4 podCIDR. The
 * network address and the first host address (the bridge's gateway on a real node) are never handed out, nor
 * is the broadcast address. Allocation goes round-robin after the last address given, so a released IP is
 * not reused at once (as host-local does).
 */
import type { FakePodNetwork } from '../cri/fake-client.js';

/** An IPv4 CIDR as numbers. Throws on anything else. */
export function parseIPv4CIDR(cidr: string): { base: number; prefix: number } {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  const octets = m ? m.slice(1, 5).map(Number) : [];
  const prefix = m ? Number(m[5]) : -1;
  if (!m || octets.some((o) => o > 255) || prefix > 32) throw new Error(`not an IPv4 CIDR: ${JSON.stringify(cidr)}`);
  const addr = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  return { base: addr - (addr % size), prefix };
}

export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** The `index`-th subnet of length `prefix` inside `cidr` (e.g. node i's /24 of a cluster's /16). */
export function nthSubnet(cidr: string, prefix: number, index: number): string {
  const { base, prefix: outer } = parseIPv4CIDR(cidr);
  if (prefix < outer || prefix > 32) throw new Error(`cannot split ${cidr} into /${prefix} subnets`);
  if (!Number.isInteger(index) || index < 0 || index >= 2 ** (prefix - outer))
    throw new Error(`${cidr} has no subnet #${index} of length /${prefix}`);
  return `${formatIPv4(base + index * 2 ** (32 - prefix))}/${prefix}`;
}

/**
 * See the module comment. `cidr` is read at each allocation, so a podCIDR assigned after start is used;
 * without one, allocation fails (the sandbox is retried later, as with a CNI that is not configured).
 * Not safe for concurrent use; FakeCriClient calls it synchronously.
 */
export class PodCIDRAllocator implements FakePodNetwork {
  private readonly bySandbox = new Map<string, number>();
  private readonly used = new Set<number>();
  private last = -1;

  constructor(private readonly cidr: () => string) {}

  allocate(sandboxId: string): string {
    const cidr = this.cidr();
    if (!cidr) throw new Error('no podCIDR assigned to this node yet');
    const { base, prefix } = parseIPv4CIDR(cidr);
    const size = 2 ** (32 - prefix);
    const first = base + 2;
    const count = size - 3; // network, gateway and broadcast are reserved
    if (count <= 0) throw new Error(`podCIDR ${cidr} has no room for pods`);
    const start = this.last >= first && this.last < first + count ? this.last - first : -1;
    for (let i = 1; i <= count; i++) {
      const offset = (start + i) % count;
      const ip = first + offset;
      if (this.used.has(ip)) continue;
      this.used.add(ip);
      this.bySandbox.set(sandboxId, ip);
      this.last = ip;
      return formatIPv4(ip);
    }
    throw new Error(`no IP addresses left in podCIDR ${cidr}`);
  }

  release(sandboxId: string): void {
    const ip = this.bySandbox.get(sandboxId);
    if (ip === undefined) return;
    this.bySandbox.delete(sandboxId);
    this.used.delete(ip);
  }

  /** How many IPs are held. */
  inUse(): number {
    return this.used.size;
  }
}
