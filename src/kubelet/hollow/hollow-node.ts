/**
 * Hollow nodes (kubemark's hollow kubelet): the real kubelet — registration, Lease, node status, informer,
 * pod workers, status manager, static pods — over FakeCriClient instead of containerd. Containers "run" the
 * moment they start and never exit; nothing is mounted, no CNI is configured, no process is started, so many
 * hollow nodes fit in one process and none needs root. Pod IPs come from the node's podCIDR and are released
 * when the sandbox is removed.
 *
 * Probes always succeed and lifecycle hooks do nothing: a hollow pod has nothing to probe, and an HTTP or TCP
 * probe of its made-up IP would send traffic off this machine.
 */
import { createHash } from 'node:crypto';
import type { RestClient } from '../../client/rest/rest-client.js';
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import { apiObjectSources } from '../api-sources.js';
import { FakeCriClient } from '../cri/fake-client.js';
import { Kubelet } from '../kubelet.js';
import type { PodVolumes } from '../kuberuntime/runtime-manager.js';
import { HandlerRunner, type HookResult } from '../lifecycle/hooks.js';
import type { MachineInfo } from '../node/machine-info.js';
import { PodCIDRAllocator } from './pod-cidr-allocator.js';

/** Options of {@link startHollowNode}. */
export interface HollowNodeOptions {
  client: RestClient;
  nodeName: string;
  /** Where pod IPs come from; default the Node's spec.podCIDR once one is assigned (pods wait until then). */
  podCIDR?: string;
  /** The node's InternalIP and the IP of host-network pods; default 127.0.0.1 (nothing off this machine). */
  nodeIP?: string;
  clock: Clock;
  logger: Logger;
  /** Default {@link hollowMachine} of the node name. */
  machine?: MachineInfo;
  /** Default 110. */
  maxPods?: number;
  labels?: Record<string, string>;
  /** Static pod manifests (--pod-manifest-path), run like a real node's. */
  staticPodPath?: string;
  /** Passed to the kubelet (defaults: relist 1 s, resync 10 s, status 10 s, 10 workers). */
  relistPeriodMs?: number;
  resyncPeriodMs?: number;
  nodeStatusUpdateFrequencyMs?: number;
  workers?: number;
}

/** A running hollow node. */
export interface HollowNode {
  nodeName: string;
  kubelet: Kubelet;
  cri: FakeCriClient;
  ips: PodCIDRAllocator;
  /** Resolves when the kubelet's loops ended (after `stop`). */
  done: Promise<void>;
  /** Stops the kubelet; idempotent. The fake pods vanish with it. */
  stop(): Promise<void>;
}

/** A synthetic machine: 4 CPUs, 16 GiB, 100 GiB of disk, ids derived from the node name. */
export function hollowMachine(nodeName: string): MachineInfo {
  const id = createHash('sha256').update(`hollow:${nodeName}`).digest('hex').slice(0, 32);
  return {
    numCores: 4,
    memoryCapacity: 16 * 1024 ** 3,
    filesystemCapacity: 100 * 1024 ** 3,
    machineID: id,
    bootID: id,
    kernelVersion: '6.1.0-hollow',
    osImage: 'k8ts hollow node',
    architecture: 'amd64',
  };
}

/** Volumes of a hollow pod: nothing to mount, nothing to unmount. */
const noVolumes: PodVolumes = {
  mountPodVolumes: async () => undefined,
  containerMounts: async () => [],
  unmountPodVolumes: async () => undefined,
};

/** Lifecycle handlers that succeed without running anything (see the module comment). */
class HollowHandlerRunner extends HandlerRunner {
  override async run(): Promise<HookResult> {
    return { ok: true };
  }
}

/** Starts a hollow node; it runs until `stop`. Nothing mutable is shared between nodes. */
export function startHollowNode(o: HollowNodeOptions): HollowNode {
  const nodeName = o.nodeName.toLowerCase();
  // Read lazily (only once the kubelet runs): the Node's podCIDR may be assigned after start.
  const podCIDR = () => o.podCIDR ?? kubelet.nodeStatus.podCIDR();
  const ips = new PodCIDRAllocator(podCIDR);
  const cri = new FakeCriClient({
    clock: o.clock,
    podNetwork: ips,
    pullAnyImage: true,
    recordCalls: false,
    idSeed: nodeName,
  });
  const kubelet: Kubelet = new Kubelet({
    client: o.client,
    cri,
    identity: {
      nodeName,
      hostname: nodeName,
      nodeIP: o.nodeIP ?? '127.0.0.1',
      labels: o.labels,
      maxPods: o.maxPods ?? 110,
    },
    machine: o.machine ?? hollowMachine(nodeName),
    volumes: noVolumes,
    env: apiObjectSources(o.client),
    settings: { podLogsDir: `/var/log/k8ts-hollow/${nodeName}`, cgroupRoot: `/k8ts-hollow-${nodeName}` },
    clock: o.clock,
    logger: o.logger,
    runtimeName: 'fake',
    relistPeriodMs: o.relistPeriodMs,
    resyncPeriodMs: o.resyncPeriodMs,
    nodeStatusUpdateFrequencyMs: o.nodeStatusUpdateFrequencyMs,
    workers: o.workers,
    staticPodPath: o.staticPodPath,
    prober: { probe: async () => ({ result: 'Success' }) },
    lifecycleHandlers: new HollowHandlerRunner({
      clock: o.clock,
      exec: async () => ({ output: '', exitCode: 0 }),
      podIP: () => undefined,
    }),
    // Without a podCIDR a hollow pod cannot get an IP: the node says so, as a real one without CNI config does.
    extraHealth: () => (podCIDR() ? [] : ['network not ready: no podCIDR assigned']),
  });
  const ac = new AbortController();
  const done = kubelet.run(ac.signal);
  let stopping: Promise<void> | undefined;
  return {
    nodeName,
    kubelet,
    cri,
    ips,
    done,
    stop() {
      stopping ??= (async () => {
        ac.abort();
        await done;
        cri.close();
      })();
      return stopping;
    },
  };
}
