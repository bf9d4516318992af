import type { Store } from '../../storage/interface.js';
import { invalid } from '../../apimachinery/errors.js';
import { invalidValue, root } from '../../apimachinery/field-errors.js';
import type { KObject, RequestContext } from '../registry/types.js';
import type { WriteHooks } from '../registry/resource.js';
import { RangeAllocator, AlreadyAllocatedError, RangeFullError } from './range-allocator.js';
import { formatIPv4, offsetIn, type IPv4Range } from '../../util/ipv4.js';
import { parseServiceCIDR } from './service-cidr.js';

interface ServicePort {
  name?: string;
  port?: number;
  nodePort?: number;
}
interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: ServicePort[];
}

export interface ServiceAllocationOptions {
  serviceCIDR: string;
  /** Inclusive NodePort range (upstream default 30000-32767). */
  nodePortRange?: { min: number; max: number };
}

const specOf = (svc: KObject): ServiceSpec => (svc.spec ??= {}) as ServiceSpec;
const needsClusterIP = (s: ServiceSpec) => s.type !== 'ExternalName' && s.clusterIP !== 'None';
const needsNodePorts = (s: ServiceSpec) => s.type === 'NodePort' || s.type === 'LoadBalancer';

/**
 * ClusterIP and NodePort allocation for Services (upstream's service REST allocators), persisted in the store
 * under /registry/ranges/ so that no address or port is handed out twice, across restarts and concurrent
 * creates, and freed when the Service goes.
 */
export class ServiceAllocator {
  readonly range: IPv4Range;
  private readonly ips: RangeAllocator;
  private readonly ports: RangeAllocator;
  private readonly portMin: number;
  private readonly portMax: number;

  constructor(store: Store, options: ServiceAllocationOptions) {
    this.range = parseServiceCIDR(options.serviceCIDR);
    // Offset 0 is the network address and offset 1 is kept for the kubernetes Service (allocated explicitly).
    this.ips = new RangeAllocator(store, '/registry/ranges/serviceips', this.range.cidr, this.range.size, 2, this.range.size - 1);
    this.portMin = options.nodePortRange?.min ?? 30000;
    this.portMax = options.nodePortRange?.max ?? 32767;
    const n = this.portMax - this.portMin + 1;
    this.ports = new RangeAllocator(store, '/registry/ranges/servicenodeports', `${this.portMin}-${this.portMax}`, n, 0);
  }

  /** The ClusterIP of the `kubernetes` Service: the first address of the range. */
  get kubernetesServiceIP(): string {
    return formatIPv4(this.range.base + 1);
  }

  private invalidService(svc: KObject, field: string, value: unknown, detail: string): Error {
    return invalid({ group: '', kind: 'Service' }, svc.metadata.name ?? '', [invalidValue(root('spec', ...field.split('.')), value, detail)]);
  }

  private async allocateIP(svc: KObject, s: ServiceSpec, dryRun: boolean): Promise<(() => Promise<void>) | undefined> {
    if (s.clusterIP) {
      const off = offsetIn(this.range, s.clusterIP);
      if (off === undefined) {
        throw this.invalidService(svc, 'clusterIPs', [s.clusterIP], `failed to allocate IP ${s.clusterIP}: provided IP is not in the valid range. The range of valid IPs is ${this.range.cidr}`);
      }
      if (dryRun) {
        if (await this.ips.isAllocated(off)) throw this.invalidService(svc, 'clusterIPs', [s.clusterIP], `failed to allocate IP ${s.clusterIP}: provided IP is already allocated`);
        return undefined;
      }
      try {
        await this.ips.allocate(off);
      } catch (err) {
        if (err instanceof AlreadyAllocatedError) throw this.invalidService(svc, 'clusterIPs', [s.clusterIP], `failed to allocate IP ${s.clusterIP}: provided IP is already allocated`);
        throw err;
      }
      return () => this.ips.release(off);
    }
    try {
      const off = dryRun ? await this.ips.peekFree() : await this.ips.allocateNext();
      s.clusterIP = formatIPv4(this.range.base + off);
      s.clusterIPs = [s.clusterIP];
      return dryRun ? undefined : () => this.ips.release(off);
    } catch (err) {
      if (err instanceof RangeFullError) throw this.invalidService(svc, 'clusterIPs', [], `failed to allocate IP: range is full`);
      throw err;
    }
  }

  private async allocatePorts(svc: KObject, s: ServiceSpec, keep: Set<number>, dryRun: boolean): Promise<Array<() => Promise<void>>> {
    const undo: Array<() => Promise<void>> = [];
    for (const [i, p] of (s.ports ?? []).entries()) {
      if (p.nodePort && keep.has(p.nodePort)) continue;
      if (p.nodePort) {
        if (p.nodePort < this.portMin || p.nodePort > this.portMax) {
          throw this.invalidService(svc, `ports.${i}.nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${this.portMin}-${this.portMax}`);
        }
        if (dryRun) continue;
        try {
          await this.ports.allocate(p.nodePort - this.portMin);
        } catch (err) {
          if (err instanceof AlreadyAllocatedError) throw this.invalidService(svc, `ports.${i}.nodePort`, p.nodePort, 'provided port is already allocated');
          throw err;
        }
        const off = p.nodePort - this.portMin;
        undo.push(() => this.ports.release(off));
      } else {
        const off = dryRun ? await this.ports.peekFree() : await this.ports.allocateNext();
        p.nodePort = this.portMin + off;
        if (!dryRun) undo.push(() => this.ports.release(off));
      }
    }
    return undo;
  }

  private async releaseAll(svc: KObject): Promise<void> {
    const s = specOf(svc);
    if (s.clusterIP && s.clusterIP !== 'None') {
      const off = offsetIn(this.range, s.clusterIP);
      if (off !== undefined) await this.ips.release(off);
    }
    for (const p of s.ports ?? []) if (p.nodePort) await this.ports.release(p.nodePort - this.portMin);
  }

  /** The write hooks of the services resource. */
  hooks(): WriteHooks {
    return {
      beginCreate: async (svc: KObject, ctx: RequestContext) => {
        const s = specOf(svc);
        const undo: Array<() => Promise<void>> = [];
        try {
          if (needsClusterIP(s)) {
            const u = await this.allocateIP(svc, s, ctx.dryRun);
            if (u) undo.push(u);
          }
          if (needsNodePorts(s)) undo.push(...(await this.allocatePorts(svc, s, new Set(), ctx.dryRun)));
        } catch (err) {
          for (const u of undo.reverse()) await u();
          throw err;
        }
        return async () => {
          for (const u of undo.reverse()) await u();
        };
      },
      beginUpdate: async (svc: KObject, old: KObject, ctx: RequestContext) => {
        const s = specOf(svc);
        const o = specOf(old);
        const undo: Array<() => Promise<void>> = [];
        // A client that did not send the allocated values (e.g. kubectl apply) keeps them.
        if (needsClusterIP(s) && !s.clusterIP && o.clusterIP && o.clusterIP !== 'None') {
          s.clusterIP = o.clusterIP;
          s.clusterIPs = o.clusterIPs ?? [o.clusterIP];
        } else if (needsClusterIP(s) && !s.clusterIP) {
          const u = await this.allocateIP(svc, s, ctx.dryRun);
          if (u) undo.push(u);
        }
        const oldPorts = new Set((o.ports ?? []).map((p) => p.nodePort).filter((n): n is number => !!n));
        if (needsNodePorts(s)) {
          for (const p of s.ports ?? []) {
            const prev = (o.ports ?? []).find((q) => q.port === p.port && q.nodePort);
            if (!p.nodePort && prev) p.nodePort = prev.nodePort;
          }
          undo.push(...(await this.allocatePorts(svc, s, oldPorts, ctx.dryRun)));
        } else {
          for (const p of s.ports ?? []) delete p.nodePort;
        }
        return async () => {
          for (const u of undo.reverse()) await u();
        };
      },
      afterUpdate: async (svc: KObject, old: KObject) => {
        const s = specOf(svc);
        const o = specOf(old);
        if (o.clusterIP && o.clusterIP !== 'None' && o.clusterIP !== s.clusterIP) {
          const off = offsetIn(this.range, o.clusterIP);
          if (off !== undefined) await this.ips.release(off);
        }
        const kept = new Set((s.ports ?? []).map((p) => p.nodePort));
        for (const p of o.ports ?? []) if (p.nodePort && !kept.has(p.nodePort)) await this.ports.release(p.nodePort - this.portMin);
      },
      afterDelete: async (svc: KObject) => this.releaseAll(svc),
    };
  }

  /** Reserves the kubernetes Service's address (idempotent). */
  async reserveKubernetesServiceIP(): Promise<void> {
    if (!(await this.ips.isAllocated(1))) await this.ips.allocate(1).catch((err: unknown) => {
      if (!(err instanceof AlreadyAllocatedError)) throw err;
    });
  }
}
