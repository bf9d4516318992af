/**
 * The node's CNI network config: bridge (gateway, hairpin) + host-local IPAM on the node's podCIDR + portmap
 * (hostPort) + loopback. Names are derived from the node name so several simulated nodes on one machine never
 * share a bridge device, a host-local IP store or a network name. No masquerade: pod traffic is meant for
 * the node and other pods only (it must never leave the machine), and the bridge plugin's per-pod iptables
 * chains cost a process spawn or two per pod start.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseIPv4CIDR } from '../../util/ipv4.js';

/** The conflist file name containerd picks up (the lowest name in the dir wins). */
export const CONFLIST_FILE = '10-k8ts.conflist';
/** The CNI spec version the Debian plugins (1.1.x) speak. */
export const CNI_VERSION = '0.4.0';

export interface CniNetworkOptions {
  nodeName: string;
  /** The node's Node.spec.podCIDR (IPv4). */
  podCIDR: string;
  /** Default `k8ts-<node>` (sanitized). */
  networkName?: string;
  /** Default `k8ts` + 8 hex chars of the node name's hash (Linux caps interface names at 15 chars). */
  bridgeName?: string;
  /** host-local's IP store; default its own (`/var/lib/cni/networks/<networkName>`). */
  ipamDataDir?: string;
}

/** The network and bridge names for a node. */
export function cniNames(nodeName: string): { networkName: string; bridgeName: string } {
  const hash = createHash('sha256').update(nodeName).digest('hex').slice(0, 8);
  return { networkName: `k8ts-${nodeName.toLowerCase().replace(/[^a-z0-9.-]/g, '-')}`, bridgeName: `k8ts${hash}` };
}

/** The conflist JSON object. */
export function renderConflist(o: CniNetworkOptions): Record<string, unknown> {
  parseIPv4CIDR(o.podCIDR); // host-local takes IPv4 ranges in this form only
  const names = cniNames(o.nodeName);
  const ipam: Record<string, unknown> = {
    type: 'host-local',
    ranges: [[{ subnet: o.podCIDR }]],
    routes: [{ dst: '0.0.0.0/0' }],
  };
  if (o.ipamDataDir) ipam.dataDir = o.ipamDataDir;
  return {
    cniVersion: CNI_VERSION,
    name: o.networkName ?? names.networkName,
    plugins: [
      { type: 'bridge', bridge: o.bridgeName ?? names.bridgeName, isGateway: true, ipMasq: false, hairpinMode: true, ipam },
      { type: 'portmap', capabilities: { portMappings: true } },
      { type: 'loopback' },
    ],
  };
}

/**
 * Writes the conflist into `confDir` atomically (temp file + rename) so containerd never reads half a file.
 * Idempotent: resolves false without writing when the file already holds the same config.
 */
export async function writeConflist(confDir: string, o: CniNetworkOptions): Promise<boolean> {
  const text = JSON.stringify(renderConflist(o), null, 2) + '\n';
  const path = join(confDir, CONFLIST_FILE);
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === text) return false;
  await mkdir(confDir, { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text, { mode: 0o644 });
  await rename(tmp, path);
  return true;
}
