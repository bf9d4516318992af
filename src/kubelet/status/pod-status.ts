/**
 * The API status of a pod from one sync (kubelet_pods.go generateAPIPodStatus + convertToAPIContainerStatuses):
 * container states with the previous instance as lastState, restart counts, phase via lifecycle's getPhase,
 * the pod conditions, IPs, start time and QoS class. Pure: time and IPs come in as arguments.
 */
import { rfc3339 } from '../../apimachinery/meta.js';
import { getPhase } from '../lifecycle/pod-phase.js';
import type { ContainerState, ContainerStatus } from '../prober/types.js';
import type { ApiContainer, ApiPod, ApiPodStatus, PodCondition } from '../kuberuntime/pod-types.js';
import { getPodQOS } from '../kuberuntime/qos.js';
import type { SyncResult } from '../kuberuntime/runtime-manager.js';
import type { RuntimeContainer } from '../kuberuntime/runtime-state.js';

const ts = (ms: number) => (ms ? rfc3339(ms) : undefined);

function terminated(c: RuntimeContainer): ContainerState {
  return {
    terminated: {
      exitCode: c.exitCode ?? 0,
      reason: c.reason || (c.exitCode ? 'Error' : 'Completed'),
      ...(c.message ? { message: c.message } : {}),
      startedAt: ts(c.startedAtMs),
      finishedAt: ts(c.finishedAtMs),
      containerID: c.id,
    },
  };
}

function containerStatus(spec: ApiContainer, instances: RuntimeContainer[], result: SyncResult): ContainerStatus {
  const [latest, previous] = instances;
  const waiting = result.waiting.get(spec.name);
  const out: ContainerStatus = {
    name: spec.name,
    state: { waiting: { reason: 'ContainerCreating' } },
    lastState: {},
    ready: false,
    restartCount: latest ? latest.attempt : 0,
    image: latest?.image || spec.image || '',
    imageID: latest?.imageRef ?? '',
    started: false,
  };
  if (latest) out.containerID = latest.id;
  if (latest?.state === 'running') {
    out.state = { running: { startedAt: ts(latest.startedAtMs) } };
    out.started = true;
    // Readiness probes are not wired in yet: a running container without one is ready, as upstream.
    out.ready = !spec.readinessProbe;
    if (previous) out.lastState = terminated(previous);
  } else if (latest?.state === 'exited') {
    if (waiting) {
      out.state = { waiting: { reason: waiting.reason, message: waiting.message } };
      out.lastState = terminated(latest);
    } else {
      out.state = terminated(latest);
      if (previous) out.lastState = terminated(previous);
    }
  } else if (waiting) {
    out.state = { waiting: { reason: waiting.reason, message: waiting.message } };
    if (latest && latest.state !== 'created') out.lastState = terminated(latest);
  }
  return out;
}

function condition(type: string, ok: boolean, previous: readonly PodCondition[] | undefined, now: number, reason?: string): PodCondition {
  const status = ok ? 'True' : 'False';
  const old = previous?.find((c) => c.type === type);
  const c: PodCondition = {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: old && old.status === status && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(now),
  };
  if (!ok && reason) c.reason = reason;
  return c;
}

/** Inputs besides the sync result. */
export interface PodStatusInput {
  pod: ApiPod;
  result: SyncResult;
  hostIP: string;
  now: number;
  /** Fills in `started`/`ready` from probe results (the ProbeManager); without it, running means ready. */
  probes?: { updatePodStatus(pod: never, status: ApiPodStatus): ApiPodStatus };
}

export function generateAPIPodStatus({ pod, result, hostIP, now, probes }: PodStatusInput): ApiPodStatus {
  const byName = new Map<string, RuntimeContainer[]>();
  for (const c of result.state.containers) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  let initStatuses = (pod.spec.initContainers ?? []).map((c) => containerStatus(c, byName.get(c.name) ?? [], result));
  let statuses = pod.spec.containers.map((c) => containerStatus(c, byName.get(c.name) ?? [], result));
  for (const s of initStatuses) if (s.state?.terminated?.exitCode === 0) s.ready = true;
  if (probes) {
    const probed = probes.updatePodStatus(pod as never, { containerStatuses: statuses, initContainerStatuses: initStatuses });
    statuses = probed.containerStatuses ?? statuses;
    initStatuses = probed.initContainerStatuses ?? initStatuses;
  }
  const phase = getPhase(pod, [...initStatuses, ...statuses], false, result.initialized);
  const sandbox = result.state.sandboxes[0];
  const podIP = pod.spec.hostNetwork ? hostIP : (sandbox?.ip ?? '');
  const prev = pod.status?.conditions;
  const containersReady = statuses.every((s) => s.ready);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const conditions = [
    condition('PodReadyToStartContainers', !!sandbox?.ready, prev, now),
    condition('Initialized', result.initialized, prev, now, 'ContainersNotInitialized'),
    condition('Ready', containersReady && !terminal, prev, now, terminal ? 'PodCompleted' : 'ContainersNotReady'),
    condition('ContainersReady', containersReady && !terminal, prev, now, terminal ? 'PodCompleted' : 'ContainersNotReady'),
    prev?.find((c) => c.type === 'PodScheduled') ?? condition('PodScheduled', true, prev, now),
  ];
  const status: ApiPodStatus = {
    phase,
    conditions,
    hostIP,
    hostIPs: hostIP ? [{ ip: hostIP }] : [],
    startTime: pod.status?.startTime ?? rfc3339(now),
    qosClass: getPodQOS(pod.spec),
    containerStatuses: statuses,
  };
  if (podIP) {
    status.podIP = podIP;
    status.podIPs = [{ ip: podIP }];
  }
  if (initStatuses.length) status.initContainerStatuses = initStatuses;
  return status;
}
