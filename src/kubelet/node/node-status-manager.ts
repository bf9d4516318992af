/**
 * Registers the node and keeps its status fresh (pkg/kubelet/kubelet_node_status.go): create the Node (or
 * adopt an existing one), then every `updateFrequencyMs` recompute the status and write it through the
 * status subresource when something other than the heartbeat changed, or when `reportFrequencyMs` passed
 * since the last report. The Lease (node-lease.ts) is the frequent liveness signal; this is the slow one.
 */
import { isAlreadyExists, isConflict, isNotFound } from '../../apimachinery/errors.js';
import type { ResourceClient } from '../../client/rest/resource-client.js';
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import type { RuntimeService } from '../cri/service.js';
import type { MachineInfo } from './machine-info.js';
import { nextNodeConditions, withoutHeartbeats, type NodeHealth } from './node-conditions.js';
import { initialNode, nodeLabels, nodeStatusFields, type NodeIdentity } from './node-object.js';
import type { ContainerImage, Node, NodeStatus } from './types.js';

/** Options of {@link NodeStatusManager}. */
export interface NodeStatusManagerOptions {
  nodes: ResourceClient<Node>;
  /** Only `version` and `status` are called. */
  runtime: Pick<RuntimeService, 'version' | 'status'>;
  identity: NodeIdentity;
  machine: MachineInfo;
  clock: Clock;
  logger: Logger;
  /** How often status is recomputed (upstream --node-status-update-frequency, default 10 s). */
  updateFrequencyMs?: number;
  /** How often an unchanged status is still written (upstream nodeStatusReportFrequency, default 5 min). */
  reportFrequencyMs?: number;
  /** Extra readiness checks (e.g. "CNI config not written yet"); each message makes the node NotReady. */
  extraHealth?: () => string[];
  /** The eviction manager's pressure signals (MemoryPressure/DiskPressure/PIDPressure); absent: no pressure. */
  pressure?: () => { memoryPressure: boolean; diskPressure: boolean; pidPressure: boolean };
  /** Node.status.images; a failed listing keeps the last reported list. */
  images?: (signal?: AbortSignal) => Promise<ContainerImage[]>;
}

/**
 * Node registration and status reporting for one node.
 *
 * Contract: `registerNode` and `syncNodeStatus` are idempotent and must not overlap (`run` calls them in
 * sequence); a failed write is retried at the next tick. `podCIDR()` is what the API last said in
 * Node.spec.podCIDR (empty before registration or when unassigned).
 */
export class NodeStatusManager {
  private readonly updateFrequencyMs: number;
  private readonly reportFrequencyMs: number;
  private runtimeVersion: string | undefined;
  private lastReport = -Infinity;
  private currentPodCIDR = '';
  private nodeUID = '';

  constructor(private readonly options: NodeStatusManagerOptions) {
    this.updateFrequencyMs = options.updateFrequencyMs ?? 10_000;
    this.reportFrequencyMs = options.reportFrequencyMs ?? 5 * 60_000;
  }

  podCIDR(): string {
    return this.currentPodCIDR;
  }

  /** The registered Node's uid (empty before registration); the Lease's owner reference needs it. */
  uid(): string {
    return this.nodeUID;
  }

  /** Creates the Node, or adopts an existing one of the same name by reconciling the kubelet's labels. */
  async registerNode(signal?: AbortSignal): Promise<Node> {
    const { nodes, identity, machine } = this.options;
    let node: Node;
    try {
      node = await nodes.create(initialNode(identity, machine), { signal });
      this.options.logger.info('registered node', { node: identity.nodeName });
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      node = await nodes.get(identity.nodeName, { signal });
      const want = nodeLabels(identity, machine);
      const labels = node.metadata.labels ?? {};
      if (Object.entries(want).some(([k, v]) => labels[k] !== v)) {
        node = await nodes.update({ ...node, metadata: { ...node.metadata, labels: { ...labels, ...want } } }, { signal });
      }
      this.options.logger.info('node already registered, adopted it', { node: identity.nodeName });
    }
    this.observe(node);
    return node;
  }

  /**
   * Recomputes status and writes it when needed. Resolves true when it wrote. A NotFound node (deleted under
   * us) is registered again, as upstream's kubelet does on restart.
   */
  async syncNodeStatus(signal?: AbortSignal): Promise<boolean> {
    const { nodes, identity, machine, clock } = this.options;
    let node: Node;
    try {
      node = await nodes.get(identity.nodeName, { signal });
    } catch (err) {
      if (!isNotFound(err)) throw err;
      node = await this.registerNode(signal);
    }
    this.observe(node);
    const health = await this.health(signal);
    const now = clock.now();
    const images = this.options.images ? await this.options.images(signal).catch(() => node.status?.images) : node.status?.images;
    const status: NodeStatus = {
      ...node.status,
      ...(images ? { images } : {}),
      ...nodeStatusFields(identity, machine, this.runtimeVersion ?? ''),
      conditions: nextNodeConditions(node.status?.conditions, health, now),
    };
    const changed =
      canonicalJSON({ ...status, conditions: withoutHeartbeats(status.conditions) }) !==
      canonicalJSON({ ...node.status, conditions: withoutHeartbeats(node.status?.conditions) });
    if (!changed && now - this.lastReport < this.reportFrequencyMs) return false;
    try {
      const updated = await nodes.update({ ...node, status }, { subresource: 'status', signal });
      this.observe(updated);
    } catch (err) {
      // Someone else wrote the node between our read and write; the next tick reads it again.
      if (isConflict(err)) return false;
      throw err;
    }
    this.lastReport = now;
    return true;
  }

  /** Registers (retrying until it works) and then reports status until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    const { clock, logger } = this.options;
    let backoff = 100;
    while (!signal.aborted) {
      try {
        await this.registerNode(signal);
        break;
      } catch (err) {
        if (signal.aborted) return;
        logger.warn('unable to register node, will retry', { err, retryMs: backoff });
        await clock.sleep(backoff, signal).catch(() => undefined);
        backoff = Math.min(backoff * 2, 7_000);
      }
    }
    while (!signal.aborted) {
      try {
        await this.syncNodeStatus(signal);
      } catch (err) {
        if (signal.aborted) return;
        logger.warn('error updating node status, will retry', { err });
      }
      await clock.sleep(this.updateFrequencyMs, signal).catch(() => undefined);
    }
  }

  private observe(node: Node): void {
    this.nodeUID = node.metadata.uid ?? '';
    this.currentPodCIDR = node.spec?.podCIDR ?? '';
  }

  /** Runtime readiness as upstream judges it: RuntimeReady and NetworkReady must both hold. */
  private async health(signal?: AbortSignal): Promise<NodeHealth> {
    const errors: string[] = [];
    try {
      if (this.runtimeVersion === undefined) {
        const v = await this.options.runtime.version({ version: 'v1' }, { signal });
        this.runtimeVersion = `${v.runtime_name}://${v.runtime_version}`;
      }
      const st = await this.options.runtime.status({ verbose: false }, { signal });
      for (const type of ['RuntimeReady', 'NetworkReady']) {
        const c = st.status?.conditions.find((x) => x.type === type);
        if (!c?.status) {
          const what = type === 'RuntimeReady' ? 'container runtime status check may not have completed yet' : 'container runtime network not ready';
          errors.push(`${what}: ${type}=false reason:${c?.reason ?? ''} message:${c?.message ?? ''}`);
        }
      }
    } catch (err) {
      errors.push(`container runtime is down: ${err instanceof Error ? err.message : String(err)}`);
    }
    errors.push(...(this.options.extraHealth?.() ?? []));
    return { runtimeErrors: errors, ...this.options.pressure?.() };
  }
}

/** JSON with object keys sorted, so that the server's key order does not read as a change. */
export function canonicalJSON(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
