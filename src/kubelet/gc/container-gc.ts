/**
 * Container garbage collection (pkg/kubelet/kuberuntime/kuberuntime_gc.go): removes dead containers beyond
 * the per-container and per-node limits (oldest first), dead sandboxes, and the log directories of pods
 * that no longer exist.
 *
 * "Dead" means not running: exited, created-but-never-started and unknown containers all qualify (an unknown
 * one is stopped before removal). Containers are grouped into evict units by pod uid + container name, read
 * from the labels the kubelet puts on them; runtime objects without those labels are not ours and are left
 * alone. Every step is idempotent, so a failed removal is simply retried at the next period.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import { isNotFound } from '../cri/errors.js';
import type { RuntimeService } from '../cri/service.js';
import type { Container, PodSandbox } from '../cri/types-runtime.js';
import { CONTAINER_NAME_LABEL, POD_UID_LABEL } from '../kuberuntime/labels.js';

/** How many dead containers to keep (upstream GCPolicy; kubelet flags in parentheses). */
export interface ContainerGCPolicy {
  /** Dead containers younger than this are never removed (`--minimum-container-ttl-duration`, default 0). */
  minAgeMs: number;
  /**
   * Dead containers kept per pod + container name, newest first (`--maximum-dead-containers-per-container`,
   * default 1, so that `kubectl logs --previous` keeps working). Negative: no per-container limit.
   */
  maxPerPodContainer: number;
  /** Dead containers kept on the node (`--maximum-dead-containers`, default -1: no limit). */
  maxContainers: number;
}

export const defaultContainerGCPolicy: ContainerGCPolicy = { minAgeMs: 0, maxPerPodContainer: 1, maxContainers: -1 };

/** The CRI calls container GC makes. */
export type ContainerGCRuntime = Pick<
  RuntimeService,
  'listContainers' | 'listPodSandbox' | 'removeContainer' | 'removePodSandbox' | 'stopContainer'
>;

/** Options of {@link ContainerGC}. */
export interface ContainerGCOptions {
  cri: ContainerGCRuntime;
  /**
   * True while the API still has a pod with this uid on this node (and it is not finished and deleted).
   * Everything of a pod for which this is false is removed, so it must only be asked after the pod source
   * synced: see `allSourcesReady`.
   */
  podExists: (uid: string) => boolean;
  /**
   * True for a pod that still exists but is finished (Succeeded/Failed, or evicted): its dead containers
   * only go when the eviction manager asks for everything unused. Default: never.
   */
  podTerminated?: (uid: string) => boolean;
  /** False until the pod source (informer) has synced; until then nothing is treated as gone. Default: true. */
  allSourcesReady?: () => boolean;
  /** The kubelet's pod log directory (`<dir>/<ns>_<name>_<uid>/<container>/<attempt>.log`); omitted: not cleaned. */
  podLogsDir?: string;
  policy?: Partial<ContainerGCPolicy>;
  clock: Clock;
  logger: Logger;
  /** How often `run` collects (upstream ContainerGCPeriod, 1 min). */
  periodMs?: number;
}

/** What one collection removed (for logs and tests). */
export interface ContainerGCResult {
  containers: string[];
  sandboxes: string[];
  logDirs: string[];
}

interface DeadContainer {
  id: string;
  createdAt: bigint;
  state: Container['state'];
}

/**
 * See the module comment. `garbageCollect` calls must not overlap (`run` serializes them); the eviction
 * manager calls `deleteAllUnusedContainers` from its own loop, which is safe because every removal tolerates
 * NOT_FOUND.
 */
export class ContainerGC {
  private readonly policy: ContainerGCPolicy;

  constructor(private readonly o: ContainerGCOptions) {
    this.policy = { ...defaultContainerGCPolicy, ...o.policy };
  }

  /** One collection with the configured policy. */
  garbageCollect(signal?: AbortSignal): Promise<ContainerGCResult> {
    return this.collect(false, signal);
  }

  /**
   * The eviction manager's node-level reclaim for disk pressure (upstream DeleteAllUnusedContainers): one
   * collection that also removes every dead container and sandbox of finished pods (`podTerminated`).
   */
  async deleteAllUnusedContainers(signal?: AbortSignal): Promise<void> {
    await this.collect(true, signal);
  }

  /** Collects every `periodMs` until `signal` aborts; failures are logged and retried next period. */
  async run(signal: AbortSignal): Promise<void> {
    const period = this.o.periodMs ?? 60_000;
    while (!signal.aborted) {
      try {
        const r = await this.garbageCollect(signal);
        if (r.containers.length + r.sandboxes.length + r.logDirs.length > 0) this.o.logger.info('container GC', { ...r });
      } catch (err) {
        if (!signal.aborted) this.o.logger.warn('container garbage collection failed', { err });
      }
      await this.o.clock.sleep(period, signal).catch(() => undefined);
    }
  }

  private async collect(evictTerminated: boolean, signal?: AbortSignal): Promise<ContainerGCResult> {
    const ready = this.o.allSourcesReady?.() ?? true;
    // Whether everything of this pod may go: it is gone, or (when reclaiming for eviction) finished.
    const removable = (uid: string) =>
      ready && (!this.o.podExists(uid) || (evictTerminated && (this.o.podTerminated?.(uid) ?? false)));
    const result: ContainerGCResult = { containers: [], sandboxes: [], logDirs: [] };
    result.containers = await this.evictContainers(this.policy, removable, signal);
    result.sandboxes = await this.evictSandboxes(removable, signal);
    if (ready) result.logDirs = await this.evictPodLogDirs();
    return result;
  }

  /** Dead containers grouped by pod uid + container name, each group newest first. */
  private async evictUnits(minAgeMs: number, signal?: AbortSignal): Promise<Map<string, DeadContainer[]>> {
    const { containers } = await this.o.cri.listContainers({}, { signal });
    const newestGCTime = BigInt(this.o.clock.now() - minAgeMs) * 1_000_000n;
    const units = new Map<string, DeadContainer[]>();
    for (const c of containers) {
      if (c.state === 'CONTAINER_RUNNING') continue;
      const createdAt = BigInt(c.created_at || 0);
      if (createdAt > newestGCTime) continue;
      const uid = c.labels[POD_UID_LABEL];
      const name = c.labels[CONTAINER_NAME_LABEL] ?? c.metadata?.name;
      if (!uid || !name) continue;
      const key = `${uid}/${name}`;
      const unit = units.get(key) ?? [];
      unit.push({ id: c.id, createdAt, state: c.state });
      units.set(key, unit);
    }
    for (const unit of units.values()) unit.sort(newestFirst);
    return units;
  }

  private async evictContainers(
    policy: ContainerGCPolicy,
    removable: (uid: string) => boolean,
    signal?: AbortSignal,
  ): Promise<string[]> {
    const units = await this.evictUnits(policy.minAgeMs, signal);
    const removed: string[] = [];
    for (const [key, unit] of units) {
      if (!removable(key.slice(0, key.indexOf('/')))) continue;
      removed.push(...(await this.removeOldest(unit, unit.length, signal)));
      units.delete(key);
    }
    const keepPerUnit = async (keep: number) => {
      for (const [key, unit] of units) {
        if (unit.length <= keep) continue;
        removed.push(...(await this.removeOldest(unit, unit.length - keep, signal)));
        units.set(key, unit.slice(0, keep));
      }
    };
    if (policy.maxPerPodContainer >= 0) await keepPerUnit(policy.maxPerPodContainer);
    const total = () => [...units.values()].reduce((n, u) => n + u.length, 0);
    if (policy.maxContainers >= 0 && total() > policy.maxContainers) {
      // An equal share per evict unit first (at least one each), then the oldest across the node.
      await keepPerUnit(Math.max(1, Math.floor(policy.maxContainers / Math.max(1, units.size))));
      const n = total();
      if (n > policy.maxContainers) {
        const flat = [...units.values()].flat().sort(newestFirst);
        removed.push(...(await this.removeOldest(flat, n - policy.maxContainers, signal)));
      }
    }
    return removed;
  }

  /** Removes the last `n` entries of a newest-first list. */
  private async removeOldest(list: DeadContainer[], n: number, signal?: AbortSignal): Promise<string[]> {
    const removed: string[] = [];
    for (const c of list.slice(Math.max(0, list.length - n))) {
      try {
        // A container in an unknown state may still have a process; stop it before removing.
        if (c.state === 'CONTAINER_UNKNOWN') await this.o.cri.stopContainer({ container_id: c.id, timeout: 0 }, { signal });
        await this.o.cri.removeContainer({ container_id: c.id }, { signal });
        removed.push(c.id);
      } catch (err) {
        if (isNotFound(err)) continue;
        this.o.logger.warn('failed to remove container', { containerID: c.id, err });
      }
    }
    return removed;
  }

  /**
   * Sandboxes that are not ready and hold no containers are removable: all of them for a gone pod, all but
   * the newest for an existing one (the newest is what the pod's next sync compares against).
   */
  private async evictSandboxes(removable: (uid: string) => boolean, signal?: AbortSignal): Promise<string[]> {
    const [{ containers }, { items }] = await Promise.all([
      this.o.cri.listContainers({}, { signal }),
      this.o.cri.listPodSandbox({}, { signal }),
    ]);
    const withContainers = new Set(containers.map((c) => c.pod_sandbox_id));
    const byPod = new Map<string, PodSandbox[]>();
    for (const s of items) {
      const uid = s.metadata?.uid || s.labels[POD_UID_LABEL];
      if (!uid) continue;
      byPod.set(uid, [...(byPod.get(uid) ?? []), s]);
    }
    const removed: string[] = [];
    for (const [uid, sandboxes] of byPod) {
      sandboxes.sort((a, b) => cmpBig(BigInt(b.created_at || 0), BigInt(a.created_at || 0)));
      const keep = removable(uid) ? 0 : 1;
      for (const s of sandboxes.slice(keep)) {
        if (s.state === 'SANDBOX_READY' || withContainers.has(s.id)) continue;
        try {
          await this.o.cri.removePodSandbox({ pod_sandbox_id: s.id }, { signal });
          removed.push(s.id);
        } catch (err) {
          if (!isNotFound(err)) this.o.logger.warn('failed to remove sandbox', { sandboxID: s.id, err });
        }
      }
    }
    return removed;
  }

  /** Log directories are named `<namespace>_<name>_<uid>`; neither part can contain `_`. */
  private async evictPodLogDirs(): Promise<string[]> {
    const dir = this.o.podLogsDir;
    if (!dir) return [];
    let entries: string[];
    try {
      entries = await readdir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const removed: string[] = [];
    for (const name of entries) {
      const parts = name.split('_');
      if (parts.length !== 3 || !parts[2] || this.o.podExists(parts[2])) continue;
      try {
        await rm(join(dir, name), { recursive: true, force: true });
        removed.push(name);
      } catch (err) {
        this.o.logger.warn('failed to remove pod log directory', { dir: name, err });
      }
    }
    return removed;
  }
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function newestFirst(a: DeadContainer, b: DeadContainer): number {
  return cmpBig(b.createdAt, a.createdAt);
}
