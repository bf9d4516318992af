import { parseFlags, parsePort } from './flags.js';
import { createLogger } from '../util/log.js';
import { onShutdown } from './shutdown.js';
import { apiserverFlags, apiserverFlagsUsage, startApiServerComponent } from './apiserver.js';
import { firstNodeCIDR, firstNodeIP, startServerNode, type ServerNode } from './server-node.js';

export const serverFlags = {
  ...apiserverFlags,
  'cluster-cidr': { type: 'string', default: '10.42.0.0/16' },
  'node-name': { type: 'string' },
  'kubelet-port': { type: 'string', default: '10250' },
  'pod-manifest-path': { type: 'string' },
  'disable-agent': { type: 'boolean', default: false },
} as const;

export const serverUsage = `Usage: k8ts server [flags]

Runs a whole cluster on this machine: the API server over the chosen store and a node (containerd and the
kubelet) registered with it. The controller-manager, scheduler, proxy and DNS join this process tree as they
are built. The node needs root; missing OS packages are installed with apt.

Flags:
${apiserverFlagsUsage}  --cluster-cidr CIDR     pod addresses; this node gets its first /24 (default 10.42.0.0/16)
                          and that range's gateway is the node's IP and the default --advertise-address
  --node-name NAME        the node's name (default: the hostname)
  --kubelet-port PORT     the kubelet's API port, 0 for any free port (default 10250)
  --pod-manifest-path DIR static pod manifests the node runs (default DATA_DIR/agent/pod-manifests)
  --disable-agent         run the control plane only, no node
`;

export async function runServer(args: string[]): Promise<void> {
  const { values } = parseFlags(args, serverFlags);
  if (values.help) {
    process.stdout.write(serverUsage);
    return;
  }
  const log = createLogger('server');
  const clusterCIDR = values['cluster-cidr']!;
  firstNodeCIDR(clusterCIDR); // a bad --cluster-cidr is a usage error before anything starts
  const kubeletPort = parsePort('kubelet-port', values['kubelet-port']!, { zeroMeansAny: true });
  const apiserver = await startApiServerComponent({ ...values, 'advertise-address': values['advertise-address'] ?? firstNodeIP(clusterCIDR) }, log);
  // A signal while the node is starting waits for the start to finish, so nothing it made is left behind.
  let node: Promise<ServerNode | undefined> = Promise.resolve(undefined);
  onShutdown(log, async () => {
    await (await node.catch(() => undefined))?.stop();
    await apiserver.stop();
  }, 30_000);
  if (!values['disable-agent']) {
    node = startServerNode({
      kubeconfig: apiserver.kubeconfig,
      dataDir: String(values['data-dir']),
      clusterCIDR,
      serviceCIDR: String(values['service-cluster-ip-range']),
      nodeName: values['node-name'],
      kubeletPort,
      staticPodPath: values['pod-manifest-path'],
      logger: log.child('node'),
    });
    try {
      await node;
    } catch (err) {
      await apiserver.stop().catch(() => undefined);
      throw err;
    }
  }
  log.info('k8ts server is ready', { kubeconfig: apiserver.kubeconfig, node: (await node)?.handle.nodeName ?? 'disabled' });
}
