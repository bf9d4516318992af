/**
 * One node's garbage collection and eviction, assembled: container GC (every minute), image GC (every
 * 5 minutes) and the eviction manager (every 10 s) over one CRI client, with the signals read from this
 * machine and pods from the kubelet's pod lister. The kubelet constructs it, runs `run(signal)` beside its
 * other loops, and reads `pressure()` into node status and `admit(pod)` before starting a pod.
 */
import { stat } from 'node:fs/promises';
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import type { CriClient } from '../cri/service.js';
import { EvictionManager, type AdmitResult, type EvictPodFunc, type NodePressure } from '../eviction/eviction-manager.js';
import { collectPodStats } from '../eviction/pod-stats.js';
import { NodeSignalReader, type NodeSignalSources } from '../eviction/signals.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import type { EventRecorder } from '../prober/events.js';
import { ContainerGC } from './container-gc.js';
import { readFsStats, type StatfsFn } from './fs-stats.js';
import type { HousekeepingConfig } from './housekeeping-flags.js';
import { ImageGCManager } from './image-gc.js';
import { listNodeStatusImages, type ContainerImage } from './node-images.js';

/** Options of {@link NodeHousekeeping}. */
export interface NodeHousekeepingOptions {
  cri: Pick<
    CriClient,
    | 'listContainers'
    | 'listPodSandbox'
    | 'removeContainer'
    | 'removePodSandbox'
    | 'stopContainer'
    | 'listImages'
    | 'removeImage'
    | 'listContainerStats'
  >;
  config: HousekeepingConfig;
  /** The kubelet's root dir: nodefs. */
  rootDir: string;
  podLogsDir: string;
  /** The runtime's root dir (containerd `root`): imagefs. Default: `rootDir`. */
  imageFsPath?: string;
  /** The sandbox image, never removed by image GC. */
  sandboxImage: string;
  /** Machine memory capacity (MachineInfo.memoryCapacity). */
  memoryCapacity: number;
  /** The API's pods bound to this node (the kubelet's informer lister). */
  listPods: () => readonly Readonly<ApiPod>[];
  /**
   * Whether the runtime may hold a pod with this uid (an API pod or a static pod, also one still being
   * killed); default: a pod of `listPods` has the uid. Everything of an unknown uid is garbage.
   */
  podKnown?: (uid: string) => boolean;
  /** Whether that list has synced; until then GC removes nothing of "gone" pods. */
  podsSynced: () => boolean;
  evictPod: EvictPodFunc;
  /** Lets eviction wait for an evicted pod's cleanup before the next pass; optional. */
  podCleanedUp?: (pod: ApiPod) => boolean;
  recorder: EventRecorder;
  nodeEvent?: (type: 'Normal' | 'Warning', reason: string, message: string) => void;
  /** Test seams for the machine signals. */
  sources?: NodeSignalSources & { statfs?: StatfsFn };
  clock: Clock;
  logger: Logger;
}

const isTerminal = (p: Readonly<ApiPod>) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** See the module comment. Construct with {@link NodeHousekeeping.create}. */
export class NodeHousekeeping {
  private constructor(
    readonly containerGC: ContainerGC,
    readonly imageGC: ImageGCManager,
    readonly eviction: EvictionManager,
    private readonly o: NodeHousekeepingOptions,
  ) {}

  /** Builds the parts; finds out whether images live on a filesystem of their own. */
  static async create(o: NodeHousekeepingOptions): Promise<NodeHousekeeping> {
    const imageFsPath = o.imageFsPath ?? o.rootDir;
    const dedicatedImageFs = await differentFilesystems(o.rootDir, imageFsPath);
    const podExists = o.podKnown ?? ((uid: string) => o.listPods().some((p) => p.metadata.uid === uid));
    const containerGC = new ContainerGC({
      cri: o.cri,
      podExists,
      podTerminated: (uid) => o.listPods().some((p) => p.metadata.uid === uid && isTerminal(p)),
      allSourcesReady: o.podsSynced,
      podLogsDir: o.podLogsDir,
      policy: o.config.containerGC,
      clock: o.clock,
      logger: o.logger.child('container-gc'),
    });
    const imageGC = new ImageGCManager({
      cri: o.cri,
      imageFsStats: () => readFsStats(imageFsPath, o.sources?.statfs),
      pinnedImages: [o.sandboxImage],
      policy: o.config.imageGC,
      nodeEvent: o.nodeEvent,
      clock: o.clock,
      logger: o.logger.child('image-gc'),
    });
    const signals = new NodeSignalReader({
      ...o.sources,
      memoryCapacity: o.memoryCapacity,
      nodeFsPath: o.rootDir,
      imageFsPath: dedicatedImageFs ? imageFsPath : undefined,
      clock: o.clock,
    });
    const eviction = new EvictionManager({
      thresholds: o.config.thresholds,
      observe: () => signals.observe(),
      podStats: () => collectPodStats({ cri: o.cri, podLogsDir: o.podLogsDir }),
      activePods: () => o.listPods().filter((p) => !isTerminal(p)).map((p) => p as ApiPod),
      evictPod: o.evictPod,
      containerGC,
      imageGC,
      dedicatedImageFs,
      recorder: o.recorder,
      nodeEvent: o.nodeEvent,
      pressureTransitionPeriodMs: o.config.pressureTransitionPeriodMs,
      maxPodGracePeriodSeconds: o.config.maxPodGracePeriodSeconds,
      podCleanedUp: o.podCleanedUp,
      clock: o.clock,
      logger: o.logger.child('eviction'),
    });
    return new NodeHousekeeping(containerGC, imageGC, eviction, o);
  }

  /** Runs the three loops until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    await Promise.all([this.containerGC.run(signal), this.imageGC.run(signal), this.eviction.run(signal)]);
  }

  /** MemoryPressure/DiskPressure/PIDPressure for node status (NodeHealth's fields). */
  pressure(): NodePressure {
    return this.eviction.pressure();
  }

  /** Whether a new pod may start under the current pressure. */
  admit(pod: ApiPod): AdmitResult {
    return this.eviction.admit(pod);
  }

  /** Node.status.images. */
  nodeImages(signal?: AbortSignal): Promise<ContainerImage[]> {
    return listNodeStatusImages(this.o.cri, this.o.config.nodeStatusMaxImages, signal);
  }
}

/** Whether two paths are on different filesystems (device numbers differ); false when either is unreadable. */
export async function differentFilesystems(a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev !== sb.dev;
  } catch {
    return false;
  }
}
