/**
 * The kubelet's runtime manager (kuberuntime_manager.go SyncPod/KillPod), reduced to one idempotent step:
 * read the pod's runtime state, then make it one step closer to the spec — a fresh sandbox when there is
 * none, the next init container, regular containers that should (re)start under restartPolicy and
 * CrashLoopBackOff. Running it again with nothing changed does nothing. Why a container is not running yet
 * comes back as a waiting reason for the status.
 */
import { rm } from 'node:fs/promises';
import { removeCgroups } from '../containerd/cleanup.js';
import { isNotFound as isNotFoundError } from '../cri/errors.js';
import type { CriClient } from '../cri/service.js';
import type { Mount } from '../cri/types-runtime.js';
import { BackOff, decideBackOff } from '../lifecycle/backoff.js';
import { computeInitContainerActions, shouldContainerBeRestarted, shouldRestartOnFailure } from '../lifecycle/restart-policy.js';
import type { Logger } from '../../util/log.js';
import { containerIdOnly } from '../prober/types.js';
import { containerRef, podRef, type EventRecorder } from '../prober/events.js';
import { containerHash, generateContainerConfig } from './container-config.js';
import { EnvResolutionError, makeEnvironmentVariables, type EnvSources } from './env.js';
import { grpcMessage, ImageManager } from './image-puller.js';
import { PodVolumesError } from '../volumes/errors.js';
import type { ApiContainer, ApiPod } from './pod-types.js';
import { getPodRuntimeState, latestByName, type PodRuntimeState, type RuntimeContainer } from './runtime-state.js';
import { generatePodSandboxConfig, podCgroupParent, podLogsDirectory, type SandboxSettings } from './sandbox-config.js';

/** The volume manager calls a pod sync needs (VolumeManager satisfies it). */
export interface PodVolumes {
  mountPodVolumes(pod: never): Promise<unknown>;
  containerMounts(pod: never, container: never, options?: { env?: ReadonlyMap<string, string> }): Promise<Mount[]>;
  unmountPodVolumes(uid: string): Promise<void>;
}

/** Why a container is not running (state.waiting). */
export interface WaitingReason {
  reason: string;
  message: string;
}

/** What one sync observed and did; the status is computed from it. */
export interface SyncResult {
  state: PodRuntimeState;
  /** By container name. */
  waiting: Map<string, WaitingReason>;
  /** Init containers are done (or there are none). */
  initialized: boolean;
}

export interface RuntimeManagerOptions {
  cri: CriClient;
  /** Prefix of container ids in status (`containerd`). */
  runtimeName: string;
  volumes: PodVolumes;
  env: EnvSources;
  settings: SandboxSettings;
  hostIP: () => string;
  memoryCapacity: number;
  nodeAllocatable?: () => Record<string, string>;
  /** The container restart back-off (CrashLoopBackOff). */
  backOff: BackOff;
  /** The image pull back-off (ImagePullBackOff); default a fresh one on the restart back-off's clock. */
  imageBackOff?: BackOff;
  logger: Logger;
  /** Records Created/Started/BackOff/Failed events; optional. */
  recorder?: EventRecorder;
  /**
   * Runs a just-started container's postStart hook (bare container id); resolves the waiting reason when
   * it failed (the hook runner has then killed the container). Optional.
   */
  postStart?: (containerID: string, pod: ApiPod, container: ApiContainer) => Promise<WaitingReason | undefined>;
  /**
   * Removes a pod's cgroup (`<cgroupRoot>/pod<uid>`) in every hierarchy once its sandboxes are gone, and
   * resolves the directories it could not remove; default: containerd/cleanup's removeCgroups. (containerd
   * leaves the pod-level cgroup behind on cgroup v1.)
   */
  removePodCgroup?: (cgroupParent: string) => Promise<string[]>;
  /** Runs a container's preStop hook and resolves the seconds it used; optional. */
  preStop?: (containerID: string, pod: ApiPod, container: ApiContainer, gracePeriodSeconds: number) => Promise<number>;
}

/**
 * Drives pods' sandboxes and containers toward their specs.
 *
 * Contract: calls for one pod must not overlap (the pod worker serializes them); different pods may sync
 * concurrently. `syncPod` and `killPod` are idempotent.
 */
export class RuntimeManager {
  private readonly images: ImageManager;

  constructor(private readonly options: RuntimeManagerOptions) {
    this.images = new ImageManager({
      cri: options.cri,
      backOff: options.imageBackOff ?? new BackOff({ clock: options.backOff.clock }),
      recorder: options.recorder,
      pullSecrets: async (pod) => {
        const ns = pod.metadata.namespace ?? 'default';
        const refs = (pod.spec.imagePullSecrets ?? []).map((r) => r.name).filter((n): n is string => !!n);
        // A missing pull secret is skipped (upstream logs it and pulls with what it has).
        const found = await Promise.all(refs.map((name) => options.env.secret(ns, name).catch(() => undefined)));
        return found.filter((s): s is NonNullable<typeof s> => s !== undefined);
      },
    });
  }

  state(uid: string, signal?: AbortSignal): Promise<PodRuntimeState> {
    return getPodRuntimeState(this.options.cri, this.options.runtimeName, uid, signal);
  }

  async syncPod(pod: ApiPod, signal?: AbortSignal): Promise<SyncResult> {
    const { cri } = this.options;
    const waiting = new Map<string, WaitingReason>();
    let state = await this.state(pod.metadata.uid, signal);
    const sandbox = state.sandboxes[0];
    if (!sandbox?.ready) {
      // Upstream does not recreate the sandbox of a Never pod whose containers already ran: it is done.
      const done = sandbox && !shouldRestartOnFailure(pod) && state.containers.length > 0;
      if (done) return { state, waiting, initialized: true };
      if (sandbox) await this.stopPodSandboxes(pod, state, 0, signal);
      // Upstream waits for every volume before it creates the sandbox: the pod stays ContainerCreating and
      // each failed volume is a FailedMount event; the periodic resync retries.
      if (!(await this.mountVolumes(pod))) return { state, waiting, initialized: !(pod.spec.initContainers ?? []).length };
      const config = generatePodSandboxConfig(pod, sandbox ? sandbox.attempt + 1 : 0, this.options.settings);
      await cri.runPodSandbox({ config }, { signal });
      state = await this.state(pod.metadata.uid, signal);
    } else {
      // Re-running the volume setup refreshes configMap/secret/downwardAPI contents (upstream remounts on
      // every sync), so edits reach running pods. A failed refresh is an event; what runs keeps running.
      await this.mountVolumes(pod);
    }
    const current = state.sandboxes[0]!;
    // Only instances from the current sandbox count for what runs now; older ones feed restart counts.
    const latest = latestByName(state);
    const inCurrent = (c: RuntimeContainer | undefined) => (c && c.sandboxId === current.id ? c : undefined);
    const statuses = [...latest.values()].filter((c) => c.sandboxId === current.id);
    const init = computeInitContainerActions(pod, statuses, { startup: () => undefined, liveness: () => undefined });
    for (const k of init.containersToKill) await this.stopContainer(k.id, 2, signal);
    if (init.killPod) return { state, waiting, initialized: false };
    const inits = pod.spec.initContainers ?? [];
    for (const i of init.initContainersToStart) {
      await this.startIfAllowed(pod, inits[i]!, latest.get(inits[i]!.name), current.id, current.ip, waiting, signal);
    }
    const initialized = inits.length === 0 || init.podHasInitialized;
    if (initialized) {
      for (const c of pod.spec.containers) {
        const last = latest.get(c.name);
        const running = inCurrent(last);
        if (running?.state === 'running' && running.hash && running.hash !== containerHash(c)) {
          await this.stopContainer(running.id, pod.spec.terminationGracePeriodSeconds ?? 30, signal);
          continue; // the next sync starts the new spec
        }
        if (!shouldContainerBeRestarted(pod, running)) continue;
        await this.startIfAllowed(pod, c, last, current.id, current.ip, waiting, signal);
      }
    }
    return { state: await this.state(pod.metadata.uid, signal), waiting, initialized };
  }

  /**
   * Stops every container (preStop first, within `gracePeriodSeconds`), stops and removes the sandboxes and
   * tears down volumes. Containers are removed with their sandbox.
   */
  async killPod(pod: ApiPod, gracePeriodSeconds: number, signal?: AbortSignal): Promise<void> {
    const state = await this.state(pod.metadata.uid, signal);
    await this.stopPodSandboxes(pod, state, gracePeriodSeconds, signal);
    for (const s of state.sandboxes) await this.options.cri.removePodSandbox({ pod_sandbox_id: s.id }, { signal });
    await this.options.volumes.unmountPodVolumes(pod.metadata.uid);
    // What the runtime leaves behind: the pod's log directory and its cgroup (upstream's GC and the pod
    // container manager remove these once the pod is gone).
    await rm(podLogsDirectory(this.options.settings.podLogsDir, pod), { recursive: true, force: true });
    const left = await (this.options.removePodCgroup ?? removeCgroups)(podCgroupParent(this.options.settings.cgroupRoot, pod.metadata.uid));
    if (left.length) this.options.logger.warn('pod cgroups not removed', { uid: pod.metadata.uid, left });
  }

  /** Stops the pod's running containers in parallel (each after its preStop), then its sandboxes. */
  async stopPodSandboxes(pod: ApiPod, state: PodRuntimeState, gracePeriodSeconds: number, signal?: AbortSignal): Promise<void> {
    const specs = new Map([...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => [c.name, c]));
    await Promise.all(
      state.containers
        .filter((c) => c.state === 'running' || c.state === 'created')
        .map(async (c) => {
          const spec = specs.get(c.name);
          let grace = gracePeriodSeconds;
          if (spec?.lifecycle?.preStop && this.options.preStop && c.state === 'running') {
            grace = Math.max(2, grace - (await this.options.preStop(c.id, pod, spec, grace)));
          }
          await this.stopContainer(c.id, grace, signal);
        }),
    );
    for (const s of state.sandboxes) {
      if (!s.ready) continue;
      await this.options.cri.stopPodSandbox({ pod_sandbox_id: s.id }, { signal }).catch((err: unknown) => {
        if (!isNotFoundError(err)) throw err;
      });
    }
  }

  /** Sets up (or refreshes) the pod's volumes; records FailedMount per failed volume and resolves false then. */
  private async mountVolumes(pod: ApiPod): Promise<boolean> {
    try {
      await this.options.volumes.mountPodVolumes(pod as never);
      return true;
    } catch (err) {
      if (!(err instanceof PodVolumesError)) throw err;
      for (const e of err.errors) this.options.recorder?.event(podRef(pod as never), 'Warning', e.reason, e.eventMessage());
      return false;
    }
  }

  /** Stops one container (`<runtime>://<id>` or a bare id); an unknown id is already stopped. */
  async stopContainer(id: string, gracePeriodSeconds: number, signal?: AbortSignal): Promise<void> {
    const bare = containerIdOnly(id);
    await this.options.cri.stopContainer({ container_id: bare, timeout: String(gracePeriodSeconds) }, { signal }).catch((err: unknown) => {
      if (!isNotFoundError(err)) throw err;
    });
  }

  private async startIfAllowed(
    pod: ApiPod,
    container: ApiContainer,
    last: RuntimeContainer | undefined,
    sandboxId: string,
    podIP: string,
    waiting: Map<string, WaitingReason>,
    signal?: AbortSignal,
  ): Promise<void> {
    if (last?.state === 'exited') {
      const d = decideBackOff(this.options.backOff, pod, container.name, containerHash(container), last.finishedAtMs || undefined);
      if (d.inBackOff) {
        waiting.set(container.name, { reason: d.reason, message: d.message });
        this.event(pod, container, 'Warning', d.event.reason, d.event.message);
        return;
      }
    }
    const why = await this.startContainer(pod, container, last ? last.attempt + 1 : 0, sandboxId, podIP, signal);
    if (why) waiting.set(container.name, why);
  }

  private event(pod: ApiPod, container: ApiContainer, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.options.recorder?.event(containerRef(pod as never, container), type, reason, message);
  }

  /**
   * Pull, resolve env and mounts, create, start; resolves the waiting reason of a failed step and records
   * upstream's `Warning Failed "Error: …"` event for it (the reason for pulls, the runtime's message else).
   */
  private async startContainer(pod: ApiPod, container: ApiContainer, attempt: number, sandboxId: string, podIP: string, signal?: AbortSignal): Promise<WaitingReason | undefined> {
    const { cri } = this.options;
    const pulled = await this.images.ensureImageExists(pod, container, signal);
    if ('reason' in pulled) {
      this.event(pod, container, 'Warning', 'Failed', `Error: ${pulled.reason}`);
      return pulled;
    }
    let env: [string, string][];
    let mounts: Mount[];
    try {
      env = await makeEnvironmentVariables(pod, container, this.options.env, {
        podIP: podIP || this.options.hostIP(),
        hostIP: this.options.hostIP(),
        nodeAllocatable: this.options.nodeAllocatable?.(),
      });
      mounts = await this.options.volumes.containerMounts(pod as never, container as never, { env: new Map(env) });
    } catch (err) {
      if (!(err instanceof EnvResolutionError) && !(err instanceof Error)) throw err;
      this.event(pod, container, 'Warning', 'Failed', `Error: ${err.message}`);
      return { reason: 'CreateContainerConfigError', message: err.message };
    }
    const config = generateContainerConfig({ pod, container, imageRef: pulled.imageRef, attempt, env, mounts, memoryCapacity: this.options.memoryCapacity });
    let id: string;
    try {
      const sandboxConfig = generatePodSandboxConfig(pod, 0, this.options.settings);
      id = (await cri.createContainer({ pod_sandbox_id: sandboxId, config, sandbox_config: sandboxConfig }, { signal })).container_id;
    } catch (err) {
      this.event(pod, container, 'Warning', 'Failed', `Error: ${grpcMessage(err)}`);
      return { reason: 'CreateContainerError', message: grpcMessage(err) };
    }
    this.event(pod, container, 'Normal', 'Created', `Created container ${container.name}`);
    try {
      await cri.startContainer({ container_id: id }, { signal });
    } catch (err) {
      this.event(pod, container, 'Warning', 'Failed', `Error: ${grpcMessage(err)}`);
      return { reason: 'RunContainerError', message: grpcMessage(err) };
    }
    this.event(pod, container, 'Normal', 'Started', `Started container ${container.name}`);
    if (container.lifecycle?.postStart && this.options.postStart) {
      const failed = await this.options.postStart(id, pod, container);
      if (failed) return failed;
    }
    this.options.logger.info('started container', { pod: `${pod.metadata.namespace}/${pod.metadata.name}`, container: container.name, id });
    return undefined;
  }
}
