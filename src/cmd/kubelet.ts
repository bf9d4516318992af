/**
 * `k8ts kubelet`: runs one node — containerd (its own, unless --container-runtime-endpoint names one), the
 * local images, and the kubelet — against an API server given by a kubeconfig; or, with --runtime=fake, one
 * or more hollow nodes (no containers, no root). Flags only; the wiring is kubelet/setup.ts and
 * kubelet/hollow/.
 */
import { hostname as osHostname } from 'node:os';
import { resolve } from 'node:path';
import { RestClient } from '../client/rest/rest-client.js';
import { realClock } from '../util/clock.js';
import { createLogger } from '../util/log.js';
import { startNode } from '../kubelet/setup.js';
import { housekeepingConfigFromFlags, housekeepingFlagOptions, housekeepingUsage } from '../kubelet/gc/housekeeping-flags.js';
import { hollowPodCIDRs, startHollowFleet } from '../kubelet/hollow/hollow-fleet.js';
import { parseFlags, parsePort, UsageError } from './flags.js';
import { onShutdown } from './shutdown.js';

export const kubeletUsage = `Usage: k8ts kubelet --kubeconfig FILE [flags]

Registers this machine as a Node and runs the pods bound to it with containerd. With --runtime=fake it
runs hollow nodes instead: real kubelets over an in-memory runtime whose containers run without processes.

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
  --port PORT, --kubelet-port PORT     the kubelet's HTTP server (logs, exec, port-forward, stats), published in
                                       Node.status.daemonEndpoints (default 10250; 0 picks a free port)
  --address IP                         address the kubelet's HTTP server binds (default 0.0.0.0)
  --pod-manifest-path DIR              run the Pod manifests in DIR as static pods (mirrored in the API)
  --file-check-frequency DURATION      how often DIR is re-read besides file events (default 20s)
  --kube-api-qps N                     client-side API rate limit (default 50)
  --kube-api-burst N                   (default 100)
  --runtime containerd|fake            fake: hollow nodes, no containerd, no root (default containerd)
  --hollow-nodes N                     with --runtime=fake: run N nodes named NAME-0 … NAME-(N-1) (default 1)
  --pod-cidr CIDR                      with --runtime=fake: pod IPs (N nodes: one /24 each, in order);
                                       default the Node's spec.podCIDR
${housekeepingUsage}`;

/** Parses a Go-style duration of one unit (`20s`, `500ms`, `1m`) into milliseconds. */
export function parseDurationMs(flag: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value);
  if (!m) throw new UsageError(`--${flag} ${JSON.stringify(value)}: not a duration (e.g. 20s, 500ms)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return Number(m[1]) * unit;
}

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${flag} must be a positive integer`);
  return n;
}

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
    port: { type: 'string' },
    address: { type: 'string', default: '0.0.0.0' },
    'pod-manifest-path': { type: 'string' },
    'file-check-frequency': { type: 'string', default: '20s' },
    'kube-api-qps': { type: 'string', default: '50' },
    'kube-api-burst': { type: 'string', default: '100' },
    runtime: { type: 'string', default: 'containerd' },
    'hollow-nodes': { type: 'string', default: '1' },
    'pod-cidr': { type: 'string' },
    ...housekeepingFlagOptions,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(kubeletUsage);
    return;
  }
  if (!values.kubeconfig) throw new UsageError('--kubeconfig is required');
  const maxPods = Number(values['max-pods']);
  if (!Number.isInteger(maxPods) || maxPods <= 0) throw new UsageError('--max-pods must be a positive integer');
  const portFlag = values.port ?? values['kubelet-port'] ?? '10250';
  const kubeletPort = parsePort('port', portFlag, { zeroMeansAny: true });
  const qps = positiveInt('kube-api-qps', values['kube-api-qps']);
  const burst = positiveInt('kube-api-burst', values['kube-api-burst']);
  const hollowNodes = positiveInt('hollow-nodes', values['hollow-nodes']);
  const fileCheckFrequencyMs = parseDurationMs('file-check-frequency', values['file-check-frequency']!);
  const runtime = values.runtime;
  if (runtime !== 'containerd' && runtime !== 'fake') throw new UsageError(`--runtime ${JSON.stringify(runtime)}: want containerd or fake`);
  if (runtime !== 'fake' && (hollowNodes !== 1 || values['pod-cidr'])) throw new UsageError('--hollow-nodes and --pod-cidr need --runtime=fake');
  const staticPodPath = values['pod-manifest-path'] && resolve(values['pod-manifest-path']);
  let housekeeping;
  try {
    housekeeping = housekeepingConfigFromFlags(values);
  } catch (err) {
    throw new UsageError((err as Error).message, { cause: err });
  }
  const logger = createLogger('kubelet');
  if (runtime === 'fake') {
    try {
      hollowPodCIDRs(values['pod-cidr'], hollowNodes);
    } catch (err) {
      throw new UsageError(`--pod-cidr: ${(err as Error).message}`, { cause: err });
    }
    const fleet = startHollowFleet({
      kubeconfig: resolve(values.kubeconfig),
      count: hollowNodes,
      nodeName: values['node-name'] ?? osHostname(),
      podCIDR: values['pod-cidr'],
      staticPodPath,
      labels: parseLabels(values['node-labels']),
      maxPods,
      qps,
      burst,
      clock: realClock,
      logger,
    });
    logger.info('hollow nodes running', { nodes: fleet.nodes.length, first: fleet.nodes[0]?.nodeName });
    onShutdown(logger, () => fleet.stop(), 60_000);
    await fleet.done;
    return;
  }
  const client = RestClient.fromKubeconfig(resolve(values.kubeconfig), { component: 'kubelet', logger, qps, burst });
  const node = await startNode({
    staticPodPath,
    fileCheckFrequencyMs,
    housekeeping,
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
    kubeletPort,
    kubeletAddress: values.address,
    logger,
  });
  logger.info('kubelet running', { node: node.nodeName });
  onShutdown(logger, async () => {
    await node.stop();
    client.close();
  }, 60_000);
  await node.done;
}
