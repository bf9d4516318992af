/**
 * The node's side of the pod network that exists before any pod does: the CNI bridge carrying the podCIDR's
 * gateway address (the node's IP: pods reach the node there and the kubelet's server is reachable there
 * before the first pod sandbox asks the bridge plugin to create the device), and an `unreachable` route for
 * the service CIDR so that a ClusterIP without a DNAT rule fails at once instead of leaving the machine.
 * Every step is idempotent; `teardown` undoes only what `setup` made.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { formatIPv4, parseIPv4CIDR } from '../../util/ipv4.js';

const run = promisify(execFile);

/** Runs `ip` with `args`; rejects with ip's own message. */
export type IpCommand = (args: string[]) => Promise<string>;

export const systemIp: IpCommand = async (args) => (await run('ip', args)).stdout;

/** The gateway of an IPv4 podCIDR: its first host address (10.42.0.0/24 → 10.42.0.1). */
export function gatewayOf(podCIDR: string): { address: string; prefixLength: number } {
  let range;
  try {
    range = parseIPv4CIDR(podCIDR);
  } catch {
    throw new Error(`podCIDR ${JSON.stringify(podCIDR)} is not a CIDR`);
  }
  if (range.prefix > 30) throw new Error(`podCIDR ${podCIDR} is not an IPv4 range with room for pods`);
  return { address: formatIPv4(range.base + 1), prefixLength: range.prefix };
}

export interface NodeNetworkOptions {
  bridgeName: string;
  podCIDR: string;
  /** Routed as unreachable when given. */
  serviceCIDR?: string;
  ip?: IpCommand;
}

/** What {@link setupNodeNetwork} created, so that teardown removes exactly that. */
export interface NodeNetwork {
  nodeIP: string;
  teardown(): Promise<void>;
}

export async function setupNodeNetwork(o: NodeNetworkOptions): Promise<NodeNetwork> {
  const ip = o.ip ?? systemIp;
  const gw = gatewayOf(o.podCIDR);
  const exists = await ip(['link', 'show', 'dev', o.bridgeName]).then(() => true, () => false);
  if (!exists) await ip(['link', 'add', 'name', o.bridgeName, 'type', 'bridge']);
  // `replace` is idempotent where `add` fails with "File exists".
  await ip(['addr', 'replace', `${gw.address}/${gw.prefixLength}`, 'dev', o.bridgeName]);
  await ip(['link', 'set', 'dev', o.bridgeName, 'up']);
  let routed = false;
  if (o.serviceCIDR) {
    await ip(['route', 'replace', 'unreachable', o.serviceCIDR]);
    routed = true;
  }
  return {
    nodeIP: gw.address,
    async teardown() {
      if (routed) await ip(['route', 'del', 'unreachable', o.serviceCIDR!]).catch(() => undefined);
      await ip(['link', 'del', 'dev', o.bridgeName]).catch(() => undefined);
    },
  };
}
