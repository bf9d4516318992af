/**
 * The node's heartbeat Lease (pkg/kubelet/nodelease, component-helpers/apimachinery/lease): a
 * coordination.k8s.io/v1 Lease named after the node in kube-node-lease, owned by the Node, whose renewTime
 * moves every `renewIntervalMs` (a quarter of the 40 s lease duration). Failed renewals retry with a
 * doubling back-off from 200 ms up to 7 s, as upstream.
 */
import { rfc3339Micro } from '../../apimachinery/meta.js';
import { isNotFound } from '../../apimachinery/errors.js';
import type { Lease } from '../../client/leaderelection/lease-lock.js';
import type { ResourceClient } from '../../client/rest/resource-client.js';
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';

/** The namespace node leases live in. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
export const DEFAULT_LEASE_DURATION_SECONDS = 40;

/** Options of {@link NodeLeaseController}. */
export interface NodeLeaseControllerOptions {
  /** A lease client scoped to kube-node-lease. */
  leases: ResourceClient<Lease>;
  nodeName: string;
  /** The Node's uid for the owner reference, once known (empty: no owner reference yet). */
  nodeUID: () => string;
  clock: Clock;
  logger: Logger;
  leaseDurationSeconds?: number;
  /** Default: a quarter of the lease duration (10 s). */
  renewIntervalMs?: number;
}

/**
 * Keeps one node's Lease renewed.
 *
 * Contract: `renew` is idempotent (creates the Lease when missing, otherwise moves renewTime and adds the
 * owner reference once the node uid is known) and must not overlap with itself; `run` calls it in sequence.
 */
export class NodeLeaseController {
  private readonly durationSeconds: number;
  private readonly renewIntervalMs: number;

  constructor(private readonly options: NodeLeaseControllerOptions) {
    this.durationSeconds = options.leaseDurationSeconds ?? DEFAULT_LEASE_DURATION_SECONDS;
    this.renewIntervalMs = options.renewIntervalMs ?? (this.durationSeconds * 1000) / 4;
  }

  /** Creates or renews the Lease; resolves with what the API stored. */
  async renew(signal?: AbortSignal): Promise<Lease> {
    const { leases, nodeName, clock } = this.options;
    const renewTime = rfc3339Micro(clock.now());
    let current: Lease | undefined;
    try {
      current = await leases.get(nodeName, { signal });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    const ownerReferences = this.ownerReferences();
    if (!current) {
      return leases.create(
        {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: nodeName, namespace: NODE_LEASE_NAMESPACE, ...(ownerReferences ? { ownerReferences } : {}) },
          spec: { holderIdentity: nodeName, leaseDurationSeconds: this.durationSeconds, renewTime },
        },
        { signal },
      );
    }
    const metadata = { ...current.metadata };
    if (ownerReferences && !metadata.ownerReferences?.length) metadata.ownerReferences = ownerReferences;
    return leases.update(
      {
        ...current,
        metadata,
        spec: { ...current.spec, holderIdentity: nodeName, leaseDurationSeconds: this.durationSeconds, renewTime },
      },
      { signal },
    );
  }

  /** Renews every interval until `signal` aborts; errors back off (200 ms doubling to 7 s) and retry. */
  async run(signal: AbortSignal): Promise<void> {
    const { clock, logger } = this.options;
    let backoff = 200;
    while (!signal.aborted) {
      let wait = this.renewIntervalMs;
      try {
        await this.renew(signal);
        backoff = 200;
      } catch (err) {
        if (signal.aborted) return;
        logger.warn('failed to renew node lease, will retry', { err, retryMs: backoff });
        wait = backoff;
        backoff = Math.min(backoff * 2, 7_000);
      }
      await clock.sleep(wait, signal).catch(() => undefined);
    }
  }

  private ownerReferences() {
    const uid = this.options.nodeUID();
    if (!uid) return undefined;
    return [{ apiVersion: 'v1', kind: 'Node', name: this.options.nodeName, uid }];
  }
}
