/**
 * Assembles a node: containerd (started and supervised here, or an existing socket), the local images,
 * the volume manager and the kubelet. `cmd/kubelet.ts` and integration tests share it, so both run the
 * same wiring.
 */
import { hostname as osHostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { RestClient } from '../client/rest/rest-client.js';
import { realClock, type Clock } from '../util/clock.js';
import type { Logger } from '../util/log.js';
import { apiObjectSources } from './api-sources.js';
import { startContainerd, type ContainerdHandle } from './containerd/supervisor.js';
import { createCriClient } from './cri/client.js';
import type { CriClient } from './cri/service.js';
import { buildLocalImages, PAUSE_IMAGE } from './images/catalog.js';
import { housekeepingConfigFromFlags, type HousekeepingConfig } from './gc/housekeeping-flags.js';
import { importArchive } from './images/import.js';
import { Kubelet } from './kubelet.js';
import { createKubeletServer } from './server/server.js';
import { podManagerHost } from './server/host.js';
import { TokenManager } from './token/token-manager.js';
import { tokenRequester } from './api-sources.js';
import { KubeletMetrics, resourceMetricsText } from './server/metrics.js';
import { StatsProvider } from './server/stats.js';
import { readMachineInfo } from './node/machine-info.js';
import { SystemMounter } from './volumes/mounter.js';
import { VolumePluginRegistry } from './volumes/plugin.js';
import { standardVolumePlugins } from './volumes/standard-plugins.js';
import { VolumeManager } from './volumes/volume-manager.js';

export interface NodeSetupOptions {
  client: RestClient;
  nodeName?: string;
  nodeIP?: string;
  /** Kubelet state (volumes under `<rootDir>/pods`), pod logs under `<rootDir>/logs` unless `podLogsDir`. */
  rootDir: string;
  podLogsDir?: string;
  /** An existing runtime's socket; when absent, containerd is started with its data under `containerdDataDir`. */
  criSocket?: string;
  containerdDataDir?: string;
  /** Build busybox/pause/nginx and import them into the started containerd (default true). */
  importImages?: boolean;
  registryMirror?: string;
  /** Default `/k8ts-<node>`. */
  cgroupRoot?: string;
  clusterDNS?: string[];
  clusterDomain?: string;
  labels?: Record<string, string>;
  maxPods?: number;
  /** A directory of static pod manifests (--pod-manifest-path); omitted: no static pods. */
  staticPodPath?: string;
  /** How often `staticPodPath` is re-read besides fs.watch events; default the kubelet's (20 s). */
  fileCheckFrequencyMs?: number;
  /** Port of the kubelet's HTTP server (logs, exec, attach, port-forward, stats); default 10250, 0 picks a free one. */
  kubeletPort?: number;
  /** Container/image GC and eviction thresholds (upstream defaults when omitted); false: no housekeeping. */
  housekeeping?: HousekeepingConfig | false;
  /** Address the kubelet's HTTP server binds; default 0.0.0.0. */
  kubeletAddress?: string;
  clock?: Clock;
  logger: Logger;
}

/** A node that runs until stopped. */
export interface NodeHandle {
  nodeName: string;
  kubelet: Kubelet;
  cri: CriClient;
  containerd?: ContainerdHandle;
  /** The port the kubelet's HTTP server listens on (reported as daemonEndpoints.kubeletEndpoint.Port). */
  kubeletPort: number;
  /** Resolves when the kubelet's loops end (after `stop`). */
  done: Promise<void>;
  /** Stops the kubelet, then the containerd it started (removing its pods). Idempotent. */
  stop(): Promise<void>;
}

/** The first non-internal IPv4 address of this machine (127.0.0.1 when there is none). */
export function defaultNodeIP(): string {
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

export async function startNode(o: NodeSetupOptions): Promise<NodeHandle> {
  const clock = o.clock ?? realClock;
  const nodeName = (o.nodeName ?? osHostname()).toLowerCase();
  const cgroupRoot = o.cgroupRoot ?? `/k8ts-${nodeName}`;
  let containerd: ContainerdHandle | undefined;
  let cri: CriClient;
  const cniConfDir = join(o.containerdDataDir ?? join(o.rootDir, 'containerd'), 'cni', 'net.d');
  if (o.criSocket) {
    cri = createCriClient({ endpoint: o.criSocket });
  } else {
    const dataDir = o.containerdDataDir ?? join(o.rootDir, 'containerd');
    containerd = await startContainerd({ dataDir, cgroupRoot, registryMirror: o.registryMirror, cniConfDir, logger: o.logger.child('containerd') });
    cri = containerd.cri;
    if (o.importImages ?? true) {
      for (const archive of await buildLocalImages(join(dataDir, 'images'))) await importArchive({ socket: containerd.socket, file: archive.file });
    }
  }
  const objects = apiObjectSources(o.client);
  const mounter = new SystemMounter();
  const tokens = new TokenManager({ clock, request: tokenRequester(o.client) });
  const volumes = new VolumeManager({
    kubeletRoot: o.rootDir,
    plugins: new VolumePluginRegistry(standardVolumePlugins({ mounter, objects, tokens, clock, logger: o.logger.child('volumes') })),
    mounter,
    claims: objects,
    logger: o.logger.child('volumes'),
  });
  const podLogsDir = o.podLogsDir ?? join(o.rootDir, 'logs');
  // The server starts first: the port it got goes into the Node's daemonEndpoints. Until the kubelet
  // exists it knows no pods.
  const ref: { kubelet?: Kubelet } = {};
  const host = podManagerHost({
    apiPods: () => ref.kubelet?.informer.lister.list() ?? [],
    apiPod: (namespace, name) => ref.kubelet?.informer.lister.byNamespace(namespace).get(name),
    staticPod: (namespace, name) => ref.kubelet?.staticPods.get(`${namespace}/${name}`),
    podStatus: (uid) => ref.kubelet?.latestPodStatus(uid),
    staticPods: () => {
      const set = ref.kubelet?.staticPods;
      return set ? set.keys().flatMap((k) => set.get(k) ?? []) : [];
    },
  });
  const stats = new StatsProvider({ cri, host, nodeName, clock, rootDir: o.rootDir });
  const metrics = new KubeletMetrics(cri, nodeName);
  const server = createKubeletServer({
    host,
    cri,
    clock,
    logger: o.logger.child('server'),
    podLogsDir,
    summary: () => stats.summary(),
    metrics: () => metrics.text(),
    resourceMetrics: async () => resourceMetricsText(await stats.summary()),
  });
  let kubeletPort: number;
  try {
    const address = o.kubeletAddress ?? '0.0.0.0';
    kubeletPort = await server.listen(o.kubeletPort ?? 10250, address);
    o.logger.info('kubelet server listening', { address, port: kubeletPort });
  } catch (err) {
    if (containerd) await containerd.stop();
    else cri.close?.();
    throw err;
  }
  const kubelet = new Kubelet({
    client: o.client,
    cri,
    identity: { nodeName, hostname: nodeName, nodeIP: o.nodeIP ?? defaultNodeIP(), labels: o.labels, maxPods: o.maxPods, kubeletPort },
    machine: readMachineInfo(o.rootDir),
    volumes,
    env: objects,
    settings: { podLogsDir, cgroupRoot, clusterDNS: o.clusterDNS, clusterDomain: o.clusterDomain },
    clock,
    logger: o.logger,
    cni: o.criSocket ? undefined : { confDir: cniConfDir },
    staticPodPath: o.staticPodPath,
    fileCheckFrequencyMs: o.fileCheckFrequencyMs,
    housekeeping:
      o.housekeeping === false
        ? undefined
        : {
            config: o.housekeeping ?? housekeepingConfigFromFlags({}),
            rootDir: o.rootDir,
            // containerd keeps images and snapshots under <data dir>/root (containerd/config.ts).
            imageFsPath: containerd ? containerd.paths.root : undefined,
            sandboxImage: PAUSE_IMAGE,
          },
  });
  ref.kubelet = kubelet;
  const ac = new AbortController();
  const done = kubelet.run(ac.signal);
  let stopping: Promise<void> | undefined;
  return {
    nodeName,
    kubelet,
    cri,
    containerd,
    kubeletPort,
    done,
    stop() {
      stopping ??= (async () => {
        ac.abort();
        await server.close();
        await done;
        if (containerd) await containerd.stop();
        else cri.close?.();
      })();
      return stopping;
    },
  };
}
