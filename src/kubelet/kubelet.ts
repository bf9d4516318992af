/**
 * The kubelet: registers the node, keeps its Lease and status fresh, and runs the pods bound to it.
 *
 * Pods come from an informer restricted to `spec.nodeName=<node>`; handlers only enqueue `ns/name` keys and
 * a work queue hands each key to one worker at a time (the per-pod serialization upstream's pod workers
 * give). `syncPod(key)` is idempotent: it reads the pod from the cache, moves its runtime state one step
 * toward the spec, and writes status only when it changed. A relist of the runtime every second (the
 * PLEG's job) enqueues pods whose containers changed state, and kills runtime pods no longer in the API.
 *
 * Static pods (`staticPodPath`) come from manifest files instead: they share the `ns/name` keys and the
 * sync step with API pods, count as known in the relist, and are shown in the API by mirror pods that carry
 * their status (config/). A mirror pod is never run; one without a static pod is deleted.
 */
import { setMaxListeners } from 'node:events';
import { isNotFound } from '../apimachinery/errors.js';
import { splitNamespaceKey } from '../apimachinery/meta.js';
import { SharedInformer } from '../client/informer/shared-informer.js';
import { listWatchFor } from '../client/informer/list-watch.js';
import type { RestClient } from '../client/rest/rest-client.js';
import { LEASES, NODES, PODS } from '../client/rest/resources.js';
import { RateLimitingWorkQueue } from '../client/workqueue/rate-limiting-queue.js';
import { runWorkers } from '../client/workqueue/run-workers.js';
import type { Lease } from '../client/leaderelection/lease-lock.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/log.js';
import type { CriClient } from './cri/service.js';
import { BackOff } from './lifecycle/backoff.js';
import type { EnvSources } from './kuberuntime/env.js';
import { POD_NAME_LABEL, POD_NAMESPACE_LABEL, POD_UID_LABEL } from './kuberuntime/labels.js';
import type { ApiPod } from './kuberuntime/pod-types.js';
import { RuntimeManager, type PodVolumes } from './kuberuntime/runtime-manager.js';
import { runtimeSnapshot } from './kuberuntime/runtime-state.js';
import type { SandboxSettings } from './kuberuntime/sandbox-config.js';
import type { MachineInfo } from './node/machine-info.js';
import { NODE_LEASE_NAMESPACE, NodeLeaseController } from './node/node-lease.js';
import { NodeStatusManager } from './node/node-status-manager.js';
import { nodeStatusFields, type NodeIdentity } from './node/node-object.js';
import type { Node } from './node/types.js';
import { writeConflist } from './cni/conflist.js';
import { ApiEventRecorder } from './event-recorder.js';
import { criExecRunner } from './kuberuntime/exec-runner.js';
import { HandlerRunner, runPostStartHook, runPreStopHook } from './lifecycle/hooks.js';
import type { EventRecorder } from './prober/events.js';
import { Prober } from './prober/prober.js';
import { ProbeManager } from './prober/prober-manager.js';
import type { ApiPodStatus } from './kuberuntime/pod-types.js';
import { generateAPIPodStatus } from './status/pod-status.js';
import { PodStatusManager } from './status/status-manager.js';
import { StaticPodFileSource } from './config/file-source.js';
import { isMirrorPodOf, MirrorClient } from './config/mirror-client.js';
import { podKey, StaticPodSet } from './config/static-pod-set.js';
import { isMirrorPod } from './config/static-pod.js';
import { NodeHousekeeping, type NodeHousekeepingOptions } from './gc/housekeeping.js';
import type { HousekeepingConfig } from './gc/housekeeping-flags.js';
import { listNodeStatusImages } from './gc/node-images.js';
import type { EvictionStatus } from './eviction/eviction-manager.js';
import { podIsEvicted } from './eviction/message.js';
import { getPodQOS } from './kuberuntime/qos.js';

/** Everything the kubelet needs, injected. */
export interface KubeletOptions {
  client: RestClient;
  cri: CriClient;
  identity: NodeIdentity;
  machine: MachineInfo;
  volumes: PodVolumes;
  env: EnvSources;
  settings: SandboxSettings;
  clock: Clock;
  logger: Logger;
  /** Prefix of container ids (`containerd`). */
  runtimeName?: string;
  /** Default 1 s. */
  relistPeriodMs?: number;
  /** Every pod is synced at least this often (back-off expiry, image retries); default 10 s. */
  resyncPeriodMs?: number;
  /** Concurrent pod syncs; default 10. */
  workers?: number;
  nodeStatusUpdateFrequencyMs?: number;
  /** Default: lifecycle's preStop runner over CRI ExecSync. */
  preStop?: RuntimeManagerPreStop;
  /** Default: an {@link ApiEventRecorder}. */
  recorder?: EventRecorder;
  /** Extra NotReady reasons for the node. */
  extraHealth?: () => string[];
  /** Where to write the node's CNI conflist once Node.spec.podCIDR is known; omitted: CNI is not managed. */
  cni?: { confDir: string; ipamDataDir?: string };
  /** Container/image GC and the eviction manager; omitted: none run (hollow nodes, unit tests). */
  housekeeping?: {
    config: HousekeepingConfig;
    rootDir: string;
    imageFsPath?: string;
    sandboxImage: string;
    /** Test seams for the machine signals (memory, filesystems, PIDs); default: this machine's. */
    sources?: NodeHousekeepingOptions['sources'];
  };
  /** A directory of static pod manifests (--pod-manifest-path); omitted: no static pods. */
  staticPodPath?: string;
  /** How often `staticPodPath` is re-read besides fs.watch events (--file-check-frequency); default 20 s. */
  fileCheckFrequencyMs?: number;
  /** Runs probes; default a {@link Prober} (exec over CRI, HTTP/TCP/gRPC to the pod IP). */
  prober?: ConstructorParameters<typeof ProbeManager>[0]['prober'];
  /** Runs postStart/preStop handlers; default a {@link HandlerRunner} (exec over CRI, HTTP to the pod IP). */
  lifecycleHandlers?: HandlerRunner;
}

type RuntimeManagerPreStop = ConstructorParameters<typeof RuntimeManager>[0]['preStop'];

/**
 * One node's kubelet. `run` may be called once; it resolves after `signal` aborts and every loop stopped.
 * Running pods are left running on abort (as upstream's kubelet leaves containers behind when it exits).
 */
export class Kubelet {
  readonly nodeStatus: NodeStatusManager;
  readonly lease: NodeLeaseController;
  readonly runtime: RuntimeManager;
  readonly podStatus: PodStatusManager;
  readonly informer: SharedInformer<ApiPod>;
  readonly probes: ProbeManager;
  readonly recorder: EventRecorder;
  /** The latest status computed per pod uid: what probe workers read. */
  private readonly lastStatus = new Map<string, ApiPodStatus>();
  private readonly queue: RateLimitingWorkQueue<string>;
  private readonly o: KubeletOptions;
  /** Static pods by key: what should run and what must still be killed. */
  readonly staticPods = new StaticPodSet();
  /** Set once the pod sources synced (see `run`), when housekeeping is configured. */
  housekeeping?: NodeHousekeeping;
  /** Pods the eviction manager killed or the node rejected: never (re)started, whatever their restartPolicy. */
  private readonly evicted = new Set<string>();
  private readonly staticSource: StaticPodFileSource | undefined;
  private readonly mirrors: MirrorClient;
  private lastSnapshot = new Map<string, string>();

  constructor(options: KubeletOptions) {
    this.o = options;
    const { client, clock, logger, identity } = options;
    this.nodeStatus = new NodeStatusManager({
      nodes: client.resource<Node>(NODES),
      runtime: options.cri,
      identity,
      machine: options.machine,
      clock,
      logger: logger.child('node-status'),
      updateFrequencyMs: options.nodeStatusUpdateFrequencyMs,
      extraHealth: options.extraHealth,
      pressure: () => this.housekeeping?.pressure() ?? { memoryPressure: false, diskPressure: false, pidPressure: false },
      images: options.housekeeping ? (sig) => listNodeStatusImages(options.cri, options.housekeeping!.config.nodeStatusMaxImages, sig) : undefined,
    });
    this.lease = new NodeLeaseController({
      leases: client.resource<Lease>(LEASES, NODE_LEASE_NAMESPACE),
      nodeName: identity.nodeName,
      nodeUID: () => this.nodeStatus.uid(),
      clock,
      logger: logger.child('node-lease'),
    });
    const allocatable = nodeStatusFields(identity, options.machine, '').allocatable;
    this.recorder = options.recorder ?? new ApiEventRecorder({ client, nodeName: identity.nodeName, clock, logger: logger.child('events') });
    const exec = criExecRunner(options.cri);
    const hooks =
      options.lifecycleHandlers ??
      new HandlerRunner({ clock, exec, podIP: (p) => this.lastStatus.get(p.metadata.uid)?.podIP, recorder: this.recorder });
    const preStop: RuntimeManagerPreStop =
      options.preStop ??
      ((id, pod, container, grace) =>
        runPreStopHook({ runner: hooks, recorder: this.recorder, clock }, id, pod as never, container as never, grace));
    this.runtime = new RuntimeManager({
      cri: options.cri,
      runtimeName: options.runtimeName ?? 'containerd',
      volumes: options.volumes,
      env: options.env,
      settings: options.settings,
      hostIP: () => identity.nodeIP,
      memoryCapacity: options.machine.memoryCapacity,
      nodeAllocatable: () => ({ ...allocatable }),
      backOff: new BackOff({ clock }),
      logger: logger.child('runtime'),
      preStop,
      recorder: this.recorder,
      postStart: async (id, pod, container) => {
        const r = await runPostStartHook(
          {
            runner: hooks,
            recorder: this.recorder,
            killContainer: (cid) => this.runtime.stopContainer(cid, pod.spec.terminationGracePeriodSeconds ?? 30),
          },
          id,
          pod as never,
          container as never,
        );
        return r.ok ? undefined : { reason: r.reason, message: r.message };
      },
    });
    this.probes = new ProbeManager({
      clock,
      logger: logger.child('prober'),
      prober: options.prober ?? new Prober({ clock, exec, recorder: this.recorder, logger: logger.child('prober') }),
      getPodStatus: (uid) => this.lastStatus.get(uid) as never,
      onLivenessFailure: (containerID, message, failure) => {
        const pod = failure.pod as unknown as ApiPod;
        this.recorder.event(
          { kind: 'Pod', apiVersion: 'v1', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid, fieldPath: `spec.containers{${failure.container.name}}` },
          'Normal',
          'Killing',
          message,
        );
        const grace = failure.probeTerminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
        void this.runtime.stopContainer(containerID, grace).then(
          () => this.enqueueUid(pod.metadata.uid),
          (err: unknown) => logger.warn('could not kill unhealthy container', { containerID, err }),
        );
      },
    });
    for (const results of [this.probes.readiness, this.probes.startup]) results.onUpdate((u) => this.enqueueUid(u.podUID));
    const pods = client.resource<ApiPod>(PODS);
    this.podStatus = new PodStatusManager(pods);
    this.informer = new SharedInformer<ApiPod>({
      name: 'pods',
      listerWatcher: listWatchFor(pods, { fieldSelector: `spec.nodeName=${identity.nodeName}` }),
      clock,
      logger,
    });
    this.queue = new RateLimitingWorkQueue<string>({ clock });
    const enqueue = (p: Readonly<ApiPod>) => this.queue.add(`${p.metadata.namespace ?? 'default'}/${p.metadata.name}`);
    this.informer.addEventHandler({
      onAdd: enqueue,
      onUpdate: (_old, p) => enqueue(p),
      onDelete: (p) => {
        const obj = 'obj' in p ? (p.obj as Readonly<ApiPod> | undefined) : (p as Readonly<ApiPod>);
        if (obj?.metadata) enqueue(obj);
      },
    });
    this.mirrors = new MirrorClient(client, identity.nodeName);
    if (options.staticPodPath) {
      this.staticSource = new StaticPodFileSource({
        dir: options.staticPodPath,
        nodeName: identity.nodeName,
        clock,
        logger: logger.child('static-pods'),
        periodMs: options.fileCheckFrequencyMs,
      });
      this.staticSource.onUpdate((pods) => {
        for (const key of this.staticPods.update(pods)) this.queue.add(key);
      });
    }
  }

  async run(signal: AbortSignal): Promise<void> {
    const { logger } = this.o;
    // Every worker's in-flight API and CRI calls listen on this signal: many listeners are expected, not a leak.
    setMaxListeners(0, signal);
    const loops: Promise<unknown>[] = [this.nodeStatus.run(signal), this.lease.run(signal), this.informer.run(signal)];
    if (this.staticSource) {
      // Every source is read once before any sync, so neither the relist nor a mirror pod's sync mistakes
      // a static pod for an orphan (upstream's sourcesReady).
      await this.staticSource.scan().catch((err: unknown) => logger.warn('static pod scan failed', { err }));
      loops.push(this.staticSource.run(signal));
    }
    if (await this.informer.whenSynced(signal)) {
      const h = this.o.housekeeping;
      if (h) {
        this.housekeeping = await NodeHousekeeping.create({
          cri: this.o.cri,
          config: h.config,
          rootDir: h.rootDir,
          imageFsPath: h.imageFsPath,
          sources: h.sources,
          podLogsDir: this.o.settings.podLogsDir,
          sandboxImage: h.sandboxImage,
          memoryCapacity: this.o.machine.memoryCapacity,
          listPods: () => this.listPods(),
          podKnown: (uid) => this.podByUid(uid) !== undefined,
          podsSynced: () => true, // created after the informer synced and the static pods were read
          evictPod: (pod, grace, status) => this.evictPod(pod, grace, status),
          recorder: this.recorder,
          clock: this.o.clock,
          logger: logger.child('housekeeping'),
        });
        loops.push(this.housekeeping.run(signal));
      }
      loops.push(runWorkers(this.queue, this.o.workers ?? 10, (key, s) => this.syncPod(key, s), signal, { logger }));
      loops.push(
        this.every(this.o.relistPeriodMs ?? 1000, async (s) => {
          await this.ensureCniConfig();
          await this.relist(s);
        }, signal),
      );
      loops.push(
        this.every(this.o.resyncPeriodMs ?? 10_000, async () => {
          for (const p of this.informer.lister.list()) this.queue.add(`${p.metadata.namespace ?? 'default'}/${p.metadata.name}`);
          for (const key of this.staticPods.keys()) this.queue.add(key);
        }, signal),
      );
    }
    await Promise.all(loops);
    await this.probes.stop();
  }

  /**
   * The pods this kubelet runs, as its HTTP server (logs, exec, stats) must see them: API pods and static
   * pods, never a mirror pod (its uid is not the one the runtime knows).
   */
  listPods(): Readonly<ApiPod>[] {
    const api = this.informer.lister.list().filter((p) => !isMirrorPod(p) && !this.staticPods.get(podKey(p)));
    return [...api, ...this.staticPods.keys().map((k) => this.staticPods.get(k)!)];
  }

  /** The status last computed for a pod (fresher than the informer's copy, which lags the status patch). */
  latestPodStatus(uid: string): ApiPodStatus | undefined {
    return this.lastStatus.get(uid);
  }

  /** The pod running as `namespace/name`: a static pod rather than its mirror pod. */
  getPod(namespace: string, name: string): Readonly<ApiPod> | undefined {
    return this.staticPods.get(`${namespace}/${name}`) ?? this.informer.lister.byNamespace(namespace).get(name);
  }

  /** The idempotent per-pod step (see the module comment). A pod missing from the cache is done. */
  async syncPod(key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitNamespaceKey(key);
    for (const old of this.staticPods.terminatingUnder(key)) {
      // A removed or replaced static pod stops (gracefully) before its successor starts.
      await this.terminatePod(structuredClone(old) as ApiPod, old.spec.terminationGracePeriodSeconds ?? 30, signal);
      this.staticPods.terminated(key, old.metadata.uid);
    }
    const cached = this.informer.lister.byNamespace(namespace).get(name);
    const staticPod = this.staticPods.get(key);
    if (staticPod) return this.syncStaticPod(structuredClone(staticPod) as ApiPod, cached, signal);
    if (!cached) return; // runtime leftovers are the relist's job
    if (isMirrorPod(cached)) {
      // A mirror pod whose static pod is gone (manifest removed): the API must not show it any more.
      await this.mirrors.deleteMirrorPod(namespace, name, cached.metadata.uid, signal);
      this.podStatus.forget(cached.metadata.uid);
      return;
    }
    const pod = structuredClone(cached) as ApiPod;
    if (pod.metadata.deletionTimestamp) {
      const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      await this.terminatePod(pod, grace, signal);
      try {
        await this.o.client
          .resource<ApiPod>(PODS, namespace)
          .delete(name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid }, signal });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      return;
    }
    // An evicted pod stays Failed/Evicted: restarting it would undo the eviction.
    if (this.evicted.has(pod.metadata.uid) || podIsEvicted(pod.status)) return;
    // A pod this kubelet has not started yet must pass admission (upstream's canAdmitPod): under node
    // pressure the eviction manager turns it away rather than start what it would evict next.
    if (!this.lastStatus.has(pod.metadata.uid) && !pod.status?.startTime) {
      const verdict = this.housekeeping?.admit(pod);
      if (verdict && !verdict.admit) return this.rejectPod(pod, verdict.reason ?? 'UnexpectedAdmissionError', verdict.message ?? '', signal);
    }
    const status = await this.runPod(pod, signal);
    await this.podStatus.setPodStatus(pod, status, signal);
  }

  /** A pod the node did not admit: Failed at once with the admit handler's reason, and never started. */
  private async rejectPod(pod: ApiPod, reason: string, message: string, signal?: AbortSignal): Promise<void> {
    this.evicted.add(pod.metadata.uid);
    this.recorder.event({ kind: 'Pod', apiVersion: 'v1', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid }, 'Warning', reason, message);
    const status: ApiPodStatus = { qosClass: getPodQOS(pod.spec), phase: 'Failed', reason, message: `Pod was rejected: ${message}` };
    this.lastStatus.set(pod.metadata.uid, status);
    await this.podStatus.setPodStatus(pod, status, signal);
  }

  /** The eviction manager's kill: stop the pod, then report it Failed with the eviction's reason and message. */
  private async evictPod(pod: ApiPod, grace: number, s: EvictionStatus): Promise<void> {
    this.evicted.add(pod.metadata.uid);
    await this.runtime.killPod(pod, grace);
    const last = this.lastStatus.get(pod.metadata.uid) ?? pod.status ?? {};
    const next: ApiPodStatus = {
      ...last,
      phase: s.phase,
      reason: s.reason,
      message: s.message,
      conditions: [...(last.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), ...s.conditions],
    };
    this.lastStatus.set(pod.metadata.uid, next);
    // Static pods are never evicted, so the pod is an API pod and its status goes to it directly.
    await this.podStatus.setPodStatus(structuredClone(pod) as ApiPod, next);
  }

  /**
   * Runs a static pod and keeps its mirror pod: one that was deleted (or mirrors an older version) is
   * replaced, and the static pod's status is written to it. The pod runs whether or not the API is there.
   */
  private async syncStaticPod(pod: ApiPod, cached: Readonly<ApiPod> | undefined, signal?: AbortSignal): Promise<void> {
    let mirror = cached && isMirrorPod(cached) ? cached : undefined;
    if (mirror && (mirror.metadata.deletionTimestamp || !isMirrorPodOf(mirror, pod))) {
      await this.mirrors.deleteMirrorPod(mirror.metadata.namespace ?? 'default', mirror.metadata.name, mirror.metadata.uid, signal);
      this.podStatus.forget(mirror.metadata.uid);
      mirror = undefined;
    }
    // The status continues from the last one computed (start time, transition times), not from the manifest.
    pod.status = this.lastStatus.get(pod.metadata.uid) ?? mirror?.status ?? pod.status;
    const status = await this.runPod(pod, signal);
    if (!mirror) {
      if (cached && !isMirrorPod(cached)) {
        this.o.logger.warn('an API pod has the name of a static pod; no mirror pod', { pod: podKey(pod) });
        return;
      }
      // Undefined when it exists already and the cache lags: its watch event brings the pod back here.
      mirror = await this.mirrors.createMirrorPod(pod, this.nodeStatus.uid(), signal);
      if (!mirror) return;
    }
    await this.podStatus.setPodStatus(structuredClone(mirror) as ApiPod, status, signal);
  }

  /** One runtime step for a pod that should run; resolves its API status (also remembered for probes). */
  private async runPod(pod: ApiPod, signal?: AbortSignal): Promise<ApiPodStatus> {
    const result = await this.runtime.syncPod(pod, signal);
    this.probes.addPod(pod as never);
    const status = generateAPIPodStatus({ pod, result, hostIP: this.o.identity.nodeIP, now: this.o.clock.now(), probes: this.probes });
    this.lastStatus.set(pod.metadata.uid, status);
    if ((status.phase === 'Succeeded' || status.phase === 'Failed') && result.state.sandboxes.some((s) => s.ready)) {
      // A finished pod keeps its containers (for logs) but not its sandbox.
      await this.runtime.stopPodSandboxes(pod, result.state, 0, signal);
    }
    return status;
  }

  /** Kills a pod's containers and sandboxes and forgets everything kept about it. */
  private async terminatePod(pod: ApiPod, gracePeriodSeconds: number, signal?: AbortSignal): Promise<void> {
    await this.runtime.killPod(pod, gracePeriodSeconds, signal);
    this.probes.removePod(pod as never);
    this.lastStatus.delete(pod.metadata.uid);
    this.evicted.delete(pod.metadata.uid);
    this.podStatus.forget(pod.metadata.uid);
  }

  /** Enqueues pods whose runtime state changed since the last relist; kills runtime pods the API no longer has. */
  async relist(signal?: AbortSignal): Promise<void> {
    const snapshot = await runtimeSnapshot(this.o.cri, signal);
    const byUid = new Map(this.informer.lister.list().map((p) => [p.metadata.uid, p]));
    for (const [uid, print] of snapshot) {
      const pod = byUid.get(uid) ?? this.staticPods.byUid(uid);
      if (pod) {
        if (this.lastSnapshot.get(uid) !== print) this.queue.add(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`);
      } else {
        await this.killOrphan(uid, signal);
      }
    }
    this.lastSnapshot = snapshot;
  }

  /** The API or static pod with this uid. */
  private podByUid(uid: string): Readonly<ApiPod> | undefined {
    return this.informer.lister.list().find((p) => p.metadata.uid === uid) ?? this.staticPods.byUid(uid);
  }

  private enqueueUid(uid: string): void {
    const pod = this.podByUid(uid);
    if (pod) this.queue.add(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`);
  }

  /** Writes the CNI conflist for the node's podCIDR (idempotent; nothing until a podCIDR is assigned). */
  async ensureCniConfig(): Promise<void> {
    const cidr = this.nodeStatus.podCIDR();
    if (!this.o.cni || !cidr) return;
    const wrote = await writeConflist(this.o.cni.confDir, {
      nodeName: this.o.identity.nodeName,
      podCIDR: cidr,
      ipamDataDir: this.o.cni.ipamDataDir,
    });
    if (wrote) this.o.logger.info('wrote CNI config', { podCIDR: cidr, dir: this.o.cni.confDir });
  }

  private async killOrphan(uid: string, signal?: AbortSignal): Promise<void> {
    const sandboxes = (await this.o.cri.listPodSandbox({ filter: { label_selector: { [POD_UID_LABEL]: uid } } }, { signal })).items;
    const labels = sandboxes[0]?.labels ?? {};
    const pod: ApiPod = {
      metadata: { uid, name: labels[POD_NAME_LABEL] ?? uid, namespace: labels[POD_NAMESPACE_LABEL] ?? 'default' },
      spec: { containers: [] },
    };
    this.o.logger.info('killing orphaned pod', { uid });
    await this.terminatePod(pod, 0, signal);
  }

  private async every(ms: number, fn: (signal: AbortSignal) => Promise<void>, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await fn(signal);
      } catch (err) {
        if (!signal.aborted) this.o.logger.warn('periodic task failed', { err });
      }
      await this.o.clock.sleep(ms, signal).catch(() => undefined);
    }
  }
}
