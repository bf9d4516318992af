/**
 * The node that `k8ts server` runs beside its control plane (k3s's "agent" half): it checks the OS packages
 * (installing missing ones as root), gives the Node its podCIDR from --cluster-cidr (until a node IPAM
 * controller exists), brings up the bridge whose gateway address is the node's IP, and starts containerd +
 * the kubelet through `startNode`. It talks to the API server only over the API, like any other kubelet.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isNotFound } from '../apimachinery/errors.js';
import { RestClient } from '../client/rest/rest-client.js';
import { NODES } from '../client/rest/resources.js';
import { cniNames } from '../kubelet/cni/conflist.js';
import { gatewayOf, setupNodeNetwork, type NodeNetwork } from '../kubelet/cni/host-network.js';
import { unmountUnder } from '../kubelet/containerd/cleanup.js';
import type { Node } from '../kubelet/node/types.js';
import { startNode, type NodeHandle } from '../kubelet/setup.js';
import type { Logger } from '../util/log.js';
import { nthSubnet, parseIPv4CIDR } from '../util/ipv4.js';
import { UsageError } from './flags.js';

const run = promisify(execFile);

/** The node CIDR mask size upstream's node IPAM uses by default. */
export const NODE_CIDR_MASK_SIZE = 24;

/** The first node-sized subnet of the cluster CIDR (the whole range when it is smaller than a /24). */
export function firstNodeCIDR(clusterCIDR: string): string {
  let prefix;
  try {
    prefix = parseIPv4CIDR(clusterCIDR).prefix;
  } catch (err) {
    throw new UsageError(`--cluster-cidr: ${(err as Error).message}`);
  }
  if (prefix > 30) throw new UsageError(`--cluster-cidr ${clusterCIDR}: too small for a node (at most /30)`);
  return nthSubnet(clusterCIDR, Math.max(prefix, NODE_CIDR_MASK_SIZE), 0);
}

/** The address a cluster CIDR's first node gets (its podCIDR's gateway): the API server's default advertise address. */
export function firstNodeIP(clusterCIDR: string): string {
  return gatewayOf(firstNodeCIDR(clusterCIDR)).address;
}

/** scripts/install-deps.sh of the project this file was built from (found walking up from dist/src/cmd). */
function installScript(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = resolve(dir, '..')) {
    const p = join(dir, 'scripts', 'install-deps.sh');
    if (existsSync(p)) return p;
  }
  throw new Error('scripts/install-deps.sh not found above the k8ts build');
}

/**
 * Makes sure the node can run: as root, missing OS packages are installed; as another user the node cannot
 * run at all (containerd, namespaces, cgroups and routes need root), which the error says with the way out.
 */
export async function ensureNodeHost(log: Logger): Promise<void> {
  if (process.getuid?.() !== 0) {
    // The script only checks as another user: it names the missing packages and the apt-get line.
    const missing = await run('bash', [installScript()]).then(
      () => '',
      (err: { stderr?: string }) => ` ${(err.stderr ?? '').trim()}`,
    );
    throw new UsageError(
      `the node needs root (containerd, network namespaces, cgroups, routes): run \`k8ts server\` as root, or pass --disable-agent to run the control plane only.${missing}`,
    );
  }
  try {
    const { stderr } = await run('bash', [installScript()], { maxBuffer: 16 * 1024 * 1024 });
    if (stderr.trim()) log.info('OS packages', { output: stderr.trim() });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`installing the node's OS packages failed: ${(e.stderr || e.message).trim()}`);
  }
}

export interface ServerNodeOptions {
  kubeconfig: string;
  dataDir: string;
  clusterCIDR: string;
  serviceCIDR: string;
  nodeName?: string;
  kubeletPort: number;
  /** Default `<dataDir>/agent/pod-manifests` (created). */
  staticPodPath?: string;
  logger: Logger;
}

export interface ServerNode {
  handle: NodeHandle;
  nodeIP: string;
  podCIDR: string;
  /** Stops the kubelet and containerd (removing the pods), unmounts what is left, removes the bridge. Idempotent. */
  stop(): Promise<void>;
}

/** Creates the Node with its podCIDR, or sets the podCIDR on a Node registered without one. */
async function assignPodCIDR(client: RestClient, nodeName: string, podCIDR: string): Promise<void> {
  const nodes = client.resource<Node>(NODES);
  try {
    const node = await nodes.get(nodeName);
    if (node.spec?.podCIDR) {
      if (node.spec.podCIDR !== podCIDR) {
        throw new Error(`node ${nodeName} already has podCIDR ${node.spec.podCIDR}, not ${podCIDR} from --cluster-cidr`);
      }
      return;
    }
    await nodes.patch(nodeName, 'merge', { spec: { podCIDR, podCIDRs: [podCIDR] } });
  } catch (err) {
    if (!isNotFound(err)) throw err;
    await nodes.create({ metadata: { name: nodeName }, spec: { podCIDR, podCIDRs: [podCIDR] } });
  }
}

export async function startServerNode(o: ServerNodeOptions): Promise<ServerNode> {
  const log = o.logger;
  await ensureNodeHost(log);
  const nodeName = (o.nodeName ?? hostname()).toLowerCase();
  const podCIDR = firstNodeCIDR(o.clusterCIDR);
  const client = RestClient.fromKubeconfig(o.kubeconfig, { component: 'kubelet', logger: log, qps: 50, burst: 100 });
  const agentDir = join(o.dataDir, 'agent');
  const rootDir = join(agentDir, 'kubelet');
  const staticPodPath = resolve(o.staticPodPath ?? join(agentDir, 'pod-manifests'));
  await mkdir(staticPodPath, { recursive: true });
  const { bridgeName, networkName } = cniNames(nodeName);
  let network: NodeNetwork | undefined;
  let handle: NodeHandle | undefined;
  const cleanup = async () => {
    await handle?.stop().catch((err: unknown) => log.warn('stopping the node failed', { err }));
    await unmountUnder(agentDir).catch(() => undefined);
    await network?.teardown();
    // host-local's reservations for this node's network: empty once every sandbox is gone.
    await rm(join('/var/lib/cni/networks', networkName), { recursive: true, force: true });
    client.close();
  };
  try {
    await assignPodCIDR(client, nodeName, podCIDR);
    network = await setupNodeNetwork({ bridgeName, podCIDR, serviceCIDR: o.serviceCIDR });
    handle = await startNode({
      client,
      nodeName,
      nodeIP: network.nodeIP,
      rootDir,
      containerdDataDir: join(agentDir, 'containerd'),
      kubeletPort: o.kubeletPort,
      // Only on the node bridge, where the API server dials it: 10250 has no authentication yet, so it must
      // not be reachable on the machine's other interfaces.
      kubeletAddress: network.nodeIP,
      staticPodPath,
      logger: log,
    });
  } catch (err) {
    await cleanup();
    throw err;
  }
  log.info('node started', { node: nodeName, nodeIP: network.nodeIP, podCIDR });
  let stopping: Promise<void> | undefined;
  return { handle, nodeIP: network.nodeIP, podCIDR, stop: () => (stopping ??= cleanup()) };
}
