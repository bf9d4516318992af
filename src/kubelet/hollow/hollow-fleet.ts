/**
 * Several hollow nodes in one process (`k8ts kubelet --runtime=fake --hollow-nodes N`): names derived from
 * one prefix, pod CIDRs carved from one range, and one API client per node — each kubelet has its own
 * client-side rate limit, as separate kubelet processes would.
 */
import { RestClient } from '../../client/rest/rest-client.js';
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import { startHollowNode, type HollowNode } from './hollow-node.js';
import { nthSubnet } from '../../util/ipv4.js';

/** Options of {@link startHollowFleet}. */
export interface HollowFleetOptions {
  kubeconfig: string;
  /** How many nodes; at least 1. */
  count: number;
  /** The node's name when `count` is 1, else the prefix of `<name>-<i>`. */
  nodeName: string;
  /** One node: its pod CIDR. Several: split into consecutive /24s, one per node. Default: the Nodes' own. */
  podCIDR?: string;
  staticPodPath?: string;
  labels?: Record<string, string>;
  maxPods?: number;
  /** Per-node client rate limit (kubelet --kube-api-qps/--kube-api-burst). */
  qps?: number;
  burst?: number;
  clock: Clock;
  logger: Logger;
}

/** The nodes' names. */
export function hollowNodeNames(nodeName: string, count: number): string[] {
  const base = nodeName.toLowerCase();
  return count === 1 ? [base] : Array.from({ length: count }, (_, i) => `${base}-${i}`);
}

/** Each node's pod CIDR (see {@link HollowFleetOptions.podCIDR}); throws when the range is too small. */
export function hollowPodCIDRs(podCIDR: string | undefined, count: number): (string | undefined)[] {
  if (!podCIDR) return Array.from({ length: count }, () => undefined);
  if (count === 1) {
    nthSubnet(podCIDR, Number(podCIDR.split('/')[1]), 0); // validates
    return [podCIDR];
  }
  return Array.from({ length: count }, (_, i) => nthSubnet(podCIDR, 24, i));
}

/** A running fleet. */
export interface HollowFleet {
  nodes: HollowNode[];
  /** Resolves when every node stopped. */
  done: Promise<void>;
  /** Stops every node and closes their clients; idempotent. */
  stop(): Promise<void>;
}

/** Starts the fleet; throws (starting nothing) on invalid options. */
export function startHollowFleet(o: HollowFleetOptions): HollowFleet {
  if (!Number.isInteger(o.count) || o.count < 1)
    throw new Error(`hollow node count must be a positive integer, not ${o.count}`);
  const names = hollowNodeNames(o.nodeName, o.count);
  const cidrs = hollowPodCIDRs(o.podCIDR, o.count);
  const clients: RestClient[] = [];
  const nodes = names.map((nodeName, i) => {
    const client = RestClient.fromKubeconfig(o.kubeconfig, {
      component: 'kubelet',
      logger: o.logger,
      qps: o.qps,
      burst: o.burst,
    });
    clients.push(client);
    return startHollowNode({
      client,
      nodeName,
      podCIDR: cidrs[i],
      staticPodPath: o.staticPodPath,
      labels: o.labels,
      maxPods: o.maxPods,
      clock: o.clock,
      logger: o.logger.child(nodeName),
    });
  });
  const done = Promise.all(nodes.map((n) => n.done)).then(() => undefined);
  let stopping: Promise<void> | undefined;
  return {
    nodes,
    done,
    stop() {
      stopping ??= (async () => {
        await Promise.all(nodes.map((n) => n.stop()));
        for (const c of clients) c.close();
      })();
      return stopping;
    },
  };
}
