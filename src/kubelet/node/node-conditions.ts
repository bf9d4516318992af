/**
 * Node conditions as the kubelet reports them (pkg/kubelet/nodestatus setters): MemoryPressure, DiskPressure,
 * PIDPressure and Ready, in that order. Heartbeats move on every report; transition times only move when the
 * status flips. Pure functions of (previous conditions, observations, now).
 */
import { rfc3339 } from '../../apimachinery/meta.js';
import type { NodeCondition } from './types.js';

/** What the kubelet observed this round; an empty `runtimeErrors` means Ready. */
export interface NodeHealth {
  /** Why the node cannot run pods (runtime down, network not ready, ...); empty when healthy. */
  runtimeErrors: string[];
  memoryPressure?: boolean;
  diskPressure?: boolean;
  pidPressure?: boolean;
}

type Desired = Pick<NodeCondition, 'type' | 'status' | 'reason' | 'message'>;

function desiredConditions(h: NodeHealth): Desired[] {
  const pressure = (type: string, on: boolean | undefined, yes: [string, string], no: [string, string]): Desired =>
    on
      ? { type, status: 'True', reason: yes[0], message: yes[1] }
      : { type, status: 'False', reason: no[0], message: no[1] };
  const ready: Desired =
    h.runtimeErrors.length === 0
      ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }
      : { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: h.runtimeErrors.join(', ') };
  return [
    pressure('MemoryPressure', h.memoryPressure, ['KubeletHasInsufficientMemory', 'kubelet has insufficient memory available'], ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available']),
    pressure('DiskPressure', h.diskPressure, ['KubeletHasDiskPressure', 'kubelet has disk pressure'], ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure']),
    pressure('PIDPressure', h.pidPressure, ['KubeletHasInsufficientPID', 'kubelet has insufficient PID available'], ['KubeletHasSufficientPID', 'kubelet has sufficient PID available']),
    ready,
  ];
}

/**
 * The node's conditions after this observation. Conditions the kubelet does not own (e.g. NetworkUnavailable
 * set by a cloud controller) are kept unchanged after the kubelet's own.
 */
export function nextNodeConditions(previous: readonly NodeCondition[] | undefined, health: NodeHealth, now: number): NodeCondition[] {
  const stamp = rfc3339(now);
  const prev = new Map((previous ?? []).map((c) => [c.type, c]));
  const out: NodeCondition[] = [];
  const own = new Set<string>();
  for (const d of desiredConditions(health)) {
    own.add(d.type);
    const old = prev.get(d.type);
    const transitioned = !old || old.status !== d.status;
    out.push({
      type: d.type,
      status: d.status,
      lastHeartbeatTime: stamp,
      lastTransitionTime: transitioned ? stamp : (old.lastTransitionTime ?? stamp),
      reason: d.reason,
      message: d.message,
    });
  }
  for (const c of previous ?? []) if (!own.has(c.type)) out.push({ ...c });
  return out;
}

/** Conditions with heartbeat times blanked, for "did anything but the heartbeat change" comparisons. */
export function withoutHeartbeats(conds: readonly NodeCondition[] | undefined): NodeCondition[] {
  return (conds ?? []).map((c) => ({ ...c, lastHeartbeatTime: '' }));
}
