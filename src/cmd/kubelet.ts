/**
 * `k8ts kubelet`: runs one node — containerd (its own, unless --container-runtime-endpoint names one), the
 * local images, and the kubelet — against an API server given by a kubeconfig. Flags only; the wiring is
 * kubelet/setup.ts.
 */
import { resolve } from 'node:path';
import { RestClient } from '../client/rest/rest-client.js';
import { createLogger } from '../util/log.js';
import { startNode } from '../kubelet/setup.js';
import { parseFlags, parsePort, UsageError } from './flags.js';
import { onShutdown } from './shutdown.js';

export const kubeletUsage = `Usage: k8ts kubelet --kubeconfig FILE [flags]

Registers this machine as a Node and runs the pods bound to it with containerd.

Flags:
  --kubeconfig FILE                    how to reach the API server (required)
  --node-name NAME                     the Node's name (default: the hostname)
  --node-ip IP                         the Node's InternalIP (default: the first non-loopback IPv4 address)
  --root-dir DIR                       kubelet state: volumes, pod logs (default /var/lib/k8ts/kubelet)
  --pod-logs-dir DIR                   container logs (default ROOT/logs)
  --container-runtime-endpoint PATH    use this running CRI runtime instead of starting containerd
  --containerd-data-dir DIR            the started containerd's data dir (default ROOT/containerd)
  --no-import-images                   do not build and import the local busybox/pause/nginx images
  --registry-mirror HOST:PORT          local registry every image pull goes to
  --cgroup-root PATH                   parent cgroup of the pods (default /k8ts-NODE)
  --cluster-dns IPS                    DNS servers for ClusterFirst pods, comma-separated
  --cluster-domain DOMAIN              (default cluster.local)
  --node-labels K=V,...                extra labels to register the node with
  --max-pods N                         (default 110)
  --kubelet-port PORT                  published in Node.status.daemonEndpoints (default: none)
`;

function parseLabels(value: string | undefined): Record<string, string> | undefined {
  if (!value) return undefined;
  const out: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new UsageError(`--node-labels: ${JSON.stringify(pair)} is not KEY=VALUE`);
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

/** `k8ts kubelet …`: see {@link kubeletUsage}. Resolves only after a signal stopped the node. */
export async function runKubelet(args: string[]): Promise<void> {
  const { values } = parseFlags(args, {
    kubeconfig: { type: 'string' },
    'node-name': { type: 'string' },
    'node-ip': { type: 'string' },
    'root-dir': { type: 'string', default: '/var/lib/k8ts/kubelet' },
    'pod-logs-dir': { type: 'string' },
    'container-runtime-endpoint': { type: 'string' },
    'containerd-data-dir': { type: 'string' },
    'no-import-images': { type: 'boolean', default: false },
    'registry-mirror': { type: 'string' },
    'cgroup-root': { type: 'string' },
    'cluster-dns': { type: 'string' },
    'cluster-domain': { type: 'string', default: 'cluster.local' },
    'node-labels': { type: 'string' },
    'max-pods': { type: 'string', default: '110' },
    'kubelet-port': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(kubeletUsage);
    return;
  }
  if (!values.kubeconfig) throw new UsageError('--kubeconfig is required');
  const maxPods = Number(values['max-pods']);
  if (!Number.isInteger(maxPods) || maxPods <= 0) throw new UsageError('--max-pods must be a positive integer');
  const logger = createLogger('kubelet');
  const client = RestClient.fromKubeconfig(resolve(values.kubeconfig), { component: 'kubelet', logger });
  const node = await startNode({
    client,
    nodeName: values['node-name'],
    nodeIP: values['node-ip'],
    rootDir: resolve(values['root-dir']!),
    podLogsDir: values['pod-logs-dir'] && resolve(values['pod-logs-dir']),
    criSocket: values['container-runtime-endpoint'],
    containerdDataDir: values['containerd-data-dir'] && resolve(values['containerd-data-dir']),
    importImages: !values['no-import-images'],
    registryMirror: values['registry-mirror'],
    cgroupRoot: values['cgroup-root'],
    clusterDNS: values['cluster-dns']?.split(',').filter(Boolean),
    clusterDomain: values['cluster-domain'],
    labels: parseLabels(values['node-labels']),
    maxPods,
    kubeletPort: values['kubelet-port'] ? parsePort('--kubelet-port', values['kubelet-port']) : undefined,
    logger,
  });
  logger.info('kubelet running', { node: node.nodeName });
  onShutdown(logger, async () => {
    await node.stop();
    client.close();
  }, 60_000);
  await node.done;
}
