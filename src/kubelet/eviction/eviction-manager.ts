/**
 * The eviction manager (pkg/kubelet/eviction/eviction_manager.go): every monitoring interval it observes
 * the signals, works out which thresholds are met (hard at once, soft after their grace period, met ones
 * until their minimum reclaim is recovered), reports pressure conditions (held for the pressure transition
 * period after the last observation, so the node does not flap), and when a threshold drives eviction it
 * first reclaims node-level resources (dead containers, unused images) for disk signals, then evicts at
 * most one pod per pass, ranked as upstream ranks them.
 *
 * Evicting = an `Evicted` Warning event on the pod, then the injected `evictPod`, which kills the pod with
 * the given grace period and writes the status (phase Failed, reason Evicted, the message, and a
 * DisruptionTarget condition). Critical pods (static, mirror, or priority >= 2000000000) are never evicted.
 */
import { rfc3339 } from '../../apimachinery/meta.js';
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import type { EventRecorder } from '../prober/events.js';
import type { ApiPod, PodCondition } from '../kuberuntime/pod-types.js';
import { getPodQOS } from '../kuberuntime/qos.js';
import { EVICTED_REASON, evictionMessage } from './message.js';
import type { PodStatsByUid } from './pod-stats.js';
import { rankDiskPressure, rankMemoryPressure, rankPIDPressure, type FsStatsType, type RankFunc } from './ranking.js';
import { isHardEvictionThreshold, sameThreshold, thresholdsMet } from './thresholds.js';
import {
  signalToNodeCondition,
  signalToResource,
  type Observation,
  type Observations,
  type PressureCondition,
  type Signal,
  type Threshold,
} from './types.js';

/** Upstream immediateEvictionGracePeriodSeconds: the grace a pod gets when a hard threshold evicts it. */
export const IMMEDIATE_EVICTION_GRACE_PERIOD_SECONDS = 1;
/** Upstream SystemCriticalPriority. */
export const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

/** The status an evicted pod gets. */
export interface EvictionStatus {
  phase: 'Failed';
  reason: typeof EVICTED_REASON;
  message: string;
  conditions: PodCondition[];
}

/**
 * Kills `pod` (every container, with `gracePeriodSeconds`) and writes `status` over its API status. The
 * kubelet must then treat the pod as terminal: never restart it (upstream's pod worker does this).
 * Resolves when the kill finished; a rejection is logged, the pod still counts as this pass's eviction.
 */
export type EvictPodFunc = (pod: ApiPod, gracePeriodSeconds: number, status: EvictionStatus) => Promise<void>;

/** Options of {@link EvictionManager}. */
export interface EvictionManagerOptions {
  thresholds: readonly Threshold[];
  /** Current signal observations (a {@link NodeSignalReader}'s `observe`). */
  observe: () => Promise<Observations>;
  /** Current per-pod usage (`collectPodStats`). */
  podStats: () => Promise<PodStatsByUid>;
  /** Pods on this node that are not finished (the candidates). */
  activePods: () => ApiPod[];
  evictPod: EvictPodFunc;
  /** Node-level reclaim for disk signals; each is optional. */
  containerGC?: { deleteAllUnusedContainers(signal?: AbortSignal): Promise<unknown> };
  imageGC?: { deleteUnusedImages(signal?: AbortSignal): Promise<unknown> };
  /** Whether images live on a filesystem other than the kubelet root's (imagefs ≠ nodefs). Default false. */
  dedicatedImageFs?: boolean;
  recorder: EventRecorder;
  /** Events about the node (EvictionThresholdMet). */
  nodeEvent?: (type: 'Normal' | 'Warning', reason: string, message: string) => void;
  /** `--eviction-pressure-transition-period`, default 5 min. */
  pressureTransitionPeriodMs?: number;
  /** `--eviction-max-pod-grace-period` for soft evictions, default 0. */
  maxPodGracePeriodSeconds?: number;
  /** Default 10 s (upstream evictionMonitoringPeriod). */
  monitoringIntervalMs?: number;
  /** After an eviction, `run` waits (up to 30 s) until this says the pod is cleaned up before the next pass. */
  podCleanedUp?: (pod: ApiPod) => boolean;
  clock: Clock;
  logger: Logger;
}

/** The node's pressure conditions, shaped like NodeHealth's fields (node/node-conditions.ts). */
export interface NodePressure {
  memoryPressure: boolean;
  diskPressure: boolean;
  pidPressure: boolean;
}

/** An admission decision. */
export interface AdmitResult {
  admit: boolean;
  reason?: string;
  message?: string;
}

type Reclaim = (signal?: AbortSignal) => Promise<unknown>;

/**
 * See the module comment. `synchronize` calls must not overlap (`run` serializes them). The getters
 * (`pressure`, `conditions`, `admit`) read the state of the last pass and may be called at any time.
 */
export class EvictionManager {
  private nodeConditions: PressureCondition[] = [];
  private readonly conditionsLastObservedAt = new Map<PressureCondition, number>();
  private thresholdsFirstObservedAt = new Map<Threshold, number>();
  private thresholdsMetLast: Threshold[] = [];
  private lastObservations: Observations = new Map();
  private readonly rank: Record<Signal, RankFunc>;
  private readonly reclaim: Record<Signal, Reclaim[]>;

  constructor(private readonly o: EvictionManagerOptions) {
    const gc: Reclaim[] = [];
    if (o.containerGC) gc.push((s) => o.containerGC!.deleteAllUnusedContainers(s));
    if (o.imageGC) gc.push((s) => o.imageGC!.deleteUnusedImages(s));
    const all: FsStatsType[] = ['root', 'logs', 'localVolumeSource'];
    const node: FsStatsType[] = o.dedicatedImageFs ? ['logs', 'localVolumeSource'] : all;
    const image: FsStatsType[] = o.dedicatedImageFs ? ['root'] : all;
    const nodeReclaim = o.dedicatedImageFs ? [] : gc;
    this.rank = {
      'memory.available': rankMemoryPressure,
      'allocatableMemory.available': rankMemoryPressure,
      'pid.available': rankPIDPressure,
      'nodefs.available': rankDiskPressure(node, 'ephemeral-storage'),
      'nodefs.inodesFree': rankDiskPressure(node, 'inodes'),
      'imagefs.available': rankDiskPressure(image, 'ephemeral-storage'),
      'imagefs.inodesFree': rankDiskPressure(image, 'inodes'),
      'containerfs.available': rankDiskPressure(node, 'ephemeral-storage'),
      'containerfs.inodesFree': rankDiskPressure(node, 'inodes'),
    };
    this.reclaim = {
      'memory.available': [],
      'allocatableMemory.available': [],
      'pid.available': [],
      'nodefs.available': nodeReclaim,
      'nodefs.inodesFree': nodeReclaim,
      'imagefs.available': gc,
      'imagefs.inodesFree': gc,
      'containerfs.available': nodeReclaim,
      'containerfs.inodesFree': nodeReclaim,
    };
  }

  /** The pressure conditions as of the last pass. */
  pressure(): NodePressure {
    const has = (c: PressureCondition) => this.nodeConditions.includes(c);
    return { memoryPressure: has('MemoryPressure'), diskPressure: has('DiskPressure'), pidPressure: has('PIDPressure') };
  }

  /** The pressure conditions currently reported, in observation order. */
  conditions(): readonly PressureCondition[] {
    return this.nodeConditions;
  }

  /**
   * Whether a new pod may start (upstream's eviction admit handler): anything is admitted without pressure,
   * critical pods always; under memory pressure alone only non-BestEffort pods or ones tolerating the
   * memory-pressure taint; under any other pressure nothing.
   */
  admit(pod: ApiPod): AdmitResult {
    if (this.nodeConditions.length === 0 || isCriticalPod(pod)) return { admit: true };
    if (this.nodeConditions.length === 1 && this.nodeConditions[0] === 'MemoryPressure') {
      if (getPodQOS(pod.spec) !== 'BestEffort' || toleratesMemoryPressure(pod)) return { admit: true };
    }
    return { admit: false, reason: EVICTED_REASON, message: `The node had condition: [${this.nodeConditions.join(' ')}]. ` };
  }

  /** One pass (see the module comment). Resolves with the pods it evicted (at most one). */
  async synchronize(signal?: AbortSignal): Promise<ApiPod[]> {
    const { logger, clock } = this.o;
    if (this.o.thresholds.length === 0) return [];
    const activePods = this.o.activePods();
    let observations: Observations;
    let stats: PodStatsByUid;
    try {
      [observations, stats] = await Promise.all([this.o.observe(), this.o.podStats()]);
    } catch (err) {
      logger.warn('eviction manager: failed to get stats', { err });
      return [];
    }
    let thresholds = thresholdsMet(this.o.thresholds, observations, false);
    if (this.thresholdsMetLast.length > 0) {
      for (const t of thresholdsMet(this.thresholdsMetLast, observations, true)) {
        if (!thresholds.some((x) => sameThreshold(x, t))) thresholds.push(t);
      }
    }
    const now = clock.now();
    const firstObservedAt = new Map<Threshold, number>();
    for (const t of thresholds) firstObservedAt.set(t, this.thresholdsFirstObservedAt.get(t) ?? now);
    for (const t of thresholds) this.conditionsLastObservedAt.set(signalToNodeCondition[t.signal], now);
    const conditions: PressureCondition[] = [];
    for (const [c, at] of this.conditionsLastObservedAt) if (now - at < (this.o.pressureTransitionPeriodMs ?? 300_000)) conditions.push(c);
    thresholds = [...firstObservedAt].filter(([t, at]) => now - at >= t.gracePeriodMs).map(([t]) => t);
    this.nodeConditions = conditions;
    this.thresholdsFirstObservedAt = firstObservedAt;
    this.thresholdsMetLast = thresholds;
    thresholds = thresholds.filter((t) => updatedSince(observations.get(t.signal), this.lastObservations.get(t.signal)));
    this.lastObservations = observations;
    if (thresholds.length === 0) return [];

    // Memory before everything else; among the rest, the configured order.
    const toReclaim = [...thresholds].sort((a, b) => memoryRank(a) - memoryRank(b))[0]!;
    const resource = signalToResource[toReclaim.signal];
    logger.info('eviction manager: attempting to reclaim', { resourceName: resource });
    this.o.nodeEvent?.('Warning', 'EvictionThresholdMet', `Attempting to reclaim ${resource}`);
    if (await this.reclaimNodeLevelResources(toReclaim.signal, signal)) {
      logger.info('eviction manager: able to reduce resource pressure without evicting pods', { resourceName: resource });
      return [];
    }
    if (activePods.length === 0) {
      logger.warn('eviction manager: eviction thresholds have been met, but no pods are active to evict');
      return [];
    }
    const ranked = [...activePods];
    this.rank[toReclaim.signal](ranked, stats);
    for (const pod of ranked) {
      const grace = isHardEvictionThreshold(toReclaim) ? IMMEDIATE_EVICTION_GRACE_PERIOD_SECONDS : (this.o.maxPodGracePeriodSeconds ?? 0);
      const { message } = evictionMessage(resource, pod, stats, thresholds, observations);
      if (await this.evict(pod, grace, message)) return [pod];
    }
    logger.warn('eviction manager: unable to evict any pods from the node');
    return [];
  }

  /** Passes every `monitoringIntervalMs` (after an eviction: once the pod is cleaned up) until aborted. */
  async run(signal: AbortSignal): Promise<void> {
    const { clock, logger } = this.o;
    while (!signal.aborted) {
      let evicted: ApiPod[] = [];
      try {
        evicted = await this.synchronize(signal);
      } catch (err) {
        if (!signal.aborted) logger.warn('eviction manager: failed to synchronize', { err });
      }
      if (evicted.length > 0 && this.o.podCleanedUp) await this.waitForPodsCleanup(evicted, signal);
      else await clock.sleep(this.o.monitoringIntervalMs ?? 10_000, signal).catch(() => undefined);
    }
  }

  private async waitForPodsCleanup(pods: ApiPod[], signal: AbortSignal): Promise<void> {
    const deadline = this.o.clock.now() + 30_000;
    while (!signal.aborted && this.o.clock.now() < deadline) {
      await this.o.clock.sleep(1000, signal).catch(() => undefined);
      if (pods.every((p) => this.o.podCleanedUp!(p))) return;
    }
  }

  /** Runs the signal's reclaim functions, then reports whether every threshold is now resolved. */
  private async reclaimNodeLevelResources(s: Signal, signal?: AbortSignal): Promise<boolean> {
    const fns = this.reclaim[s];
    if (fns.length === 0) return false;
    for (const fn of fns) {
      try {
        await fn(signal);
      } catch (err) {
        this.o.logger.info('eviction manager: unexpected error when attempting to reduce resource pressure', { err });
      }
    }
    try {
      return thresholdsMet(this.o.thresholds, await this.o.observe(), true).length === 0;
    } catch (err) {
      this.o.logger.warn('eviction manager: failed to get stats after resource reclaim', { err });
      return false;
    }
  }

  private async evict(pod: ApiPod, grace: number, message: string): Promise<boolean> {
    const { namespace, name, uid } = pod.metadata;
    if (isCriticalPod(pod)) {
      this.o.logger.error('eviction manager: cannot evict a critical pod', { pod: `${namespace}/${name}` });
      return false;
    }
    this.o.recorder.event({ kind: 'Pod', apiVersion: 'v1', namespace, name, uid }, 'Warning', EVICTED_REASON, message);
    const status: EvictionStatus = {
      phase: 'Failed',
      reason: EVICTED_REASON,
      message,
      conditions: [
        {
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'TerminationByKubelet',
          message,
          lastTransitionTime: rfc3339(this.o.clock.now()),
        },
      ],
    };
    try {
      await this.o.evictPod(pod, grace, status);
      this.o.logger.info('eviction manager: pod is evicted successfully', { pod: `${namespace}/${name}` });
    } catch (err) {
      this.o.logger.error('eviction manager: pod failed to evict', { pod: `${namespace}/${name}`, err });
    }
    return true;
  }
}

function memoryRank(t: Threshold): number {
  return t.signal === 'memory.available' || t.signal === 'allocatableMemory.available' ? 0 : 1;
}

/** Stats newer than the last pass's (or without a time) count; stale stats must not evict twice. */
function updatedSince(now: Observation | undefined, last: Observation | undefined): boolean {
  if (!now) return false;
  return !last || now.time === undefined || last.time === undefined || now.time > last.time;
}

/** Static, mirror, or system-critical priority (kubelettypes.IsCriticalPod). */
export function isCriticalPod(pod: ApiPod): boolean {
  const ann = pod.metadata.annotations ?? {};
  const source = ann['kubernetes.io/config.source'];
  if (source !== undefined && source !== 'api') return true;
  if (ann['kubernetes.io/config.mirror'] !== undefined) return true;
  const p = pod.spec.priority;
  return typeof p === 'number' && p >= SYSTEM_CRITICAL_PRIORITY;
}

function toleratesMemoryPressure(pod: ApiPod): boolean {
  const tolerations = Array.isArray(pod.spec.tolerations) ? (pod.spec.tolerations as Record<string, unknown>[]) : [];
  return tolerations.some((t) => {
    const effectOk = !t.effect || t.effect === 'NoSchedule';
    if (!effectOk) return false;
    if (t.operator === 'Exists') return !t.key || t.key === 'node.kubernetes.io/memory-pressure';
    return t.key === 'node.kubernetes.io/memory-pressure' && !t.value;
  });
}
