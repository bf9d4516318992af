/**
 * A pod's objects as the runtime reports them (kubecontainer.PodStatus): its sandboxes and every container
 * instance, newest first, found through the pod-uid label. Also the node-wide snapshot the relist compares.
 */
import type { CriClient } from '../cri/service.js';
import type { ContainerState } from '../cri/types-runtime.js';
import type { RuntimeContainerState, RuntimeContainerStatus } from '../lifecycle/restart-policy.js';
import { CONTAINER_HASH_ANNOTATION, CONTAINER_NAME_LABEL, POD_UID_LABEL } from './labels.js';

/** The runtime's name in container ids (`containerd://<id>`). */
export type RuntimeName = string;

export interface RuntimeSandbox {
  id: string;
  attempt: number;
  ready: boolean;
  /** The sandbox IP; empty for host-network sandboxes. */
  ip: string;
  createdAtMs: number;
}

/** One container instance; times are ms since the epoch (0 when the event has not happened). */
export interface RuntimeContainer extends RuntimeContainerStatus {
  sandboxId: string;
  attempt: number;
  message: string;
  createdAtMs: number;
  startedAtMs: number;
  finishedAtMs: number;
  image: string;
  imageRef: string;
  hash: string;
}

export interface PodRuntimeState {
  sandboxes: RuntimeSandbox[];
  containers: RuntimeContainer[];
}

const nanosToMs = (n: string | number | undefined | null): number => (n ? Number(BigInt(typeof n === 'number' ? Math.trunc(n) : n) / 1_000_000n) : 0);

const STATES: Record<ContainerState, RuntimeContainerState> = {
  CONTAINER_CREATED: 'created',
  CONTAINER_RUNNING: 'running',
  CONTAINER_EXITED: 'exited',
  CONTAINER_UNKNOWN: 'unknown',
};

/** Reads one pod's sandboxes and containers. Objects removed between list and status calls are skipped. */
export async function getPodRuntimeState(cri: CriClient, runtimeName: RuntimeName, uid: string, signal?: AbortSignal): Promise<PodRuntimeState> {
  const selector = { [POD_UID_LABEL]: uid };
  const [sbList, ctList] = await Promise.all([
    cri.listPodSandbox({ filter: { label_selector: selector } }, { signal }),
    cri.listContainers({ filter: { label_selector: selector } }, { signal }),
  ]);
  const sandboxes: RuntimeSandbox[] = [];
  for (const s of sbList.items) {
    const st = await cri.podSandboxStatus({ pod_sandbox_id: s.id }, { signal }).catch(() => undefined);
    sandboxes.push({
      id: s.id,
      attempt: s.metadata?.attempt ?? 0,
      ready: (st?.status?.state ?? s.state) === 'SANDBOX_READY',
      ip: st?.status?.network?.ip ?? '',
      createdAtMs: nanosToMs(s.created_at),
    });
  }
  sandboxes.sort((a, b) => b.createdAtMs - a.createdAtMs || b.attempt - a.attempt);
  const containers: RuntimeContainer[] = [];
  for (const c of ctList.containers) {
    const st = (await cri.containerStatus({ container_id: c.id }, { signal }).catch(() => undefined))?.status;
    if (!st) continue;
    containers.push({
      id: `${runtimeName}://${c.id}`,
      name: c.labels[CONTAINER_NAME_LABEL] ?? c.metadata?.name ?? '',
      sandboxId: c.pod_sandbox_id,
      attempt: st.metadata?.attempt ?? c.metadata?.attempt ?? 0,
      state: STATES[st.state] ?? 'unknown',
      exitCode: st.exit_code,
      reason: st.reason,
      message: st.message,
      createdAtMs: nanosToMs(st.created_at),
      startedAtMs: nanosToMs(st.started_at),
      finishedAtMs: nanosToMs(st.finished_at),
      finishedAt: st.finished_at && st.finished_at !== '0' ? nanosToMs(st.finished_at) : undefined,
      image: st.image?.image ?? '',
      imageRef: st.image_ref,
      hash: c.annotations[CONTAINER_HASH_ANNOTATION] ?? '',
    });
  }
  containers.sort((a, b) => b.createdAtMs - a.createdAtMs || b.attempt - a.attempt);
  return { sandboxes, containers };
}

/** The newest instance of each container name. */
export function latestByName(state: PodRuntimeState): Map<string, RuntimeContainer> {
  const out = new Map<string, RuntimeContainer>();
  for (const c of state.containers) if (!out.has(c.name)) out.set(c.name, c);
  return out;
}

/**
 * A fingerprint per pod uid of every sandbox and container state on the node: the relist compares two
 * snapshots and syncs the pods whose fingerprint changed (the PLEG's job, without per-event plumbing).
 */
export async function runtimeSnapshot(cri: CriClient, signal?: AbortSignal): Promise<Map<string, string>> {
  const [sbs, cts] = await Promise.all([cri.listPodSandbox({}, { signal }), cri.listContainers({}, { signal })]);
  const parts = new Map<string, string[]>();
  const add = (uid: string | undefined, s: string) => {
    if (!uid) return;
    const list = parts.get(uid) ?? [];
    list.push(s);
    parts.set(uid, list);
  };
  for (const s of sbs.items) add(s.labels[POD_UID_LABEL], `s:${s.id}:${s.state}`);
  for (const c of cts.containers) add(c.labels[POD_UID_LABEL], `c:${c.id}:${c.state}`);
  return new Map([...parts].map(([uid, list]) => [uid, list.sort().join(',')]));
}
