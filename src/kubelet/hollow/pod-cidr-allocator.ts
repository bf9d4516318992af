/**
 * Pod IPs for hollow nodes: what host-local IPAM does on a real node, from the node's IPv4 podCIDR. The
 * network address and the first host address (the bridge's gateway on a real node) are never handed out, nor
 * is the broadcast address. Allocation goes round-robin after the last address given, so a released IP is
 * not reused at once (as host-local does).
 */
import { formatIPv4, parseIPv4CIDR } from '../../util/ipv4.js';
import type { FakePodNetwork } from '../cri/fake-client.js';

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
    const { base, size } = parseIPv4CIDR(cidr);
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
