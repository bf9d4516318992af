/**
 * The pod table: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES. STATUS condenses
 * phase, init progress and container states into one word exactly as upstream's printPod does (`Init:0/1`,
 * `CrashLoopBackOff`, `Completed`, `Terminating`, ...); RESTARTS adds how long ago the last restart was.
 */
import type { KObject } from '../registry/types.js';
import { asArray, asRecord, num, str, timestampMs, timestampSince } from './format.js';
import { humanDuration } from '../../apimachinery/duration.js';
import { ageColumn, col, nameColumn, type TablePrinter, type TableRowCondition } from './table.js';

/** Why the node controller marks pods on an unreachable node (NodeUnreachablePodReason). */
const NODE_UNREACHABLE_REASON = 'NodeLost';

interface ContainerState {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode?: number; signal?: number; reason?: string; finishedAt?: string };
}

interface ContainerStatus {
  name?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
}

/** READY, STATUS and RESTARTS of a pod, computed together because they walk the same container statuses. */
export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

const statuses = (v: unknown) => asArray(v).map((s) => asRecord(s) as ContainerStatus);
const conditionsOf = (status: Record<string, unknown>) =>
  asArray(status.conditions).map((c) => asRecord(c) as Condition);

/** A sidecar: an init container with `restartPolicy: Always`, which keeps running beside the main containers. */
const isRestartable = (c: Record<string, unknown> | undefined) => c?.restartPolicy === 'Always';

/** The later of a running maximum and a container's last termination time. */
function laterRestart(latest: number | undefined, cs: ContainerStatus): number | undefined {
  const finished = timestampMs(cs.lastState?.terminated?.finishedAt);
  if (finished === undefined) return latest;
  return latest === undefined || latest < finished ? finished : latest;
}

/** READY `ready/total`, STATUS and RESTARTS `N (Xm ago)`, as upstream's printPod computes them. */
export function podSummary(pod: KObject, now: Date): PodSummary {
  const spec = asRecord(pod.spec);
  const status = asRecord(pod.status);
  const containers = asArray(spec.containers);
  const initSpecs = asArray(spec.initContainers).map(asRecord);
  const phase = str(status.phase);
  const conditions = conditionsOf(status);

  let restarts = 0;
  let sidecarRestarts = 0;
  let total = containers.length;
  let readyCount = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  let reason = str(status.reason) || phase;
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const initByName = new Map<string, Record<string, unknown>>();
  for (const c of initSpecs) {
    initByName.set(str(c.name), c);
    if (isRestartable(c)) total++;
  }

  let initializing = false;
  const initStatuses = statuses(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const sidecar = isRestartable(initByName.get(str(cs.name)));
    restarts += num(cs.restartCount);
    lastRestart = laterRestart(lastRestart, cs);
    if (sidecar) {
      sidecarRestarts += num(cs.restartCount);
      lastSidecarRestart = laterRestart(lastSidecarRestart, cs);
    }
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && num(terminated.exitCode) === 0) continue;
    if (sidecar && cs.started === true) {
      if (cs.ready) readyCount++;
      continue;
    }
    if (terminated) {
      // a failed init container: its reason, else its signal or exit code
      if (!terminated.reason) {
        reason =
          num(terminated.signal) !== 0
            ? `Init:Signal:${num(terminated.signal)}`
            : `Init:ExitCode:${num(terminated.exitCode)}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting && str(waiting.reason) !== '' && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = conditions.find((c) => c.type === 'Initialized')?.status === 'True';
  if (!initializing || initializedTrue) {
    // Main containers restart counts replace the init ones, except sidecars which keep counting.
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const main = statuses(status.containerStatuses);
    // Walked last to first so that the first container's state wins, as upstream.
    for (let i = main.length - 1; i >= 0; i--) {
      const cs = main[i];
      restarts += num(cs.restartCount);
      lastRestart = laterRestart(lastRestart, cs);
      const waiting = cs.state?.waiting;
      const terminated = cs.state?.terminated;
      if (waiting && str(waiting.reason) !== '') {
        reason = str(waiting.reason);
      } else if (terminated && str(terminated.reason) !== '') {
        reason = str(terminated.reason);
      } else if (terminated) {
        reason =
          num(terminated.signal) !== 0 ? `Signal:${num(terminated.signal)}` : `ExitCode:${num(terminated.exitCode)}`;
      } else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyCount++;
      }
    }
    // a container that exited 0 beside one still running: the pod is not completed yet
    if (reason === 'Completed' && hasRunning) {
      reason = conditions.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  const deleting = timestampMs(pod.metadata.deletionTimestamp) !== undefined;
  if (deleting && str(status.reason) === NODE_UNREACHABLE_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined)
    restartsText = `${restarts} (${humanDuration(now.getTime() - lastRestart)} ago)`;
  return { ready: `${readyCount}/${total}`, status: reason, restarts: restartsText };
}

/** READINESS GATES: `true/total` of the pod's readiness gate conditions, or `<none>` without gates. */
function readinessGates(pod: KObject): string {
  const gates = asArray(asRecord(pod.spec).readinessGates).map(asRecord);
  if (gates.length === 0) return '<none>';
  const conditions = conditionsOf(asRecord(pod.status));
  const trueCount = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${trueCount}/${gates.length}`;
}

/** Pods: see the module comment. */
export const podPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Ready', 'How many of the pod containers are ready, of all of them.'),
    col('Status', 'One word summing up the pod phase and its containers states.'),
    col('Restarts', 'How many times the pod containers restarted, and how long ago the last restart was.'),
    ageColumn,
    col('IP', 'The first IP address allocated to the pod.', 1),
    col('Node', 'The node the pod is bound to.', 1),
    col('Nominated Node', 'The node where the scheduler expects the pod to run once preemption victims are gone.', 1),
    col('Readiness Gates', 'How many of the extra conditions the pod readiness waits for are true.', 1),
  ],
  cells(pod, now) {
    const s = podSummary(pod, now);
    const spec = asRecord(pod.spec);
    const status = asRecord(pod.status);
    const ip = str(asRecord(asArray(status.podIPs)[0]).ip) || '<none>';
    return [
      pod.metadata.name ?? '',
      s.ready,
      s.status,
      s.restarts,
      timestampSince(pod.metadata.creationTimestamp, now),
      ip,
      str(spec.nodeName) || '<none>',
      str(status.nominatedNodeName) || '<none>',
      readinessGates(pod),
    ];
  },
  conditions(pod): TableRowCondition[] | undefined {
    switch (str(asRecord(pod.status).phase)) {
      case 'Succeeded':
        return [
          { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
        ];
      case 'Failed':
        return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
      default:
        return undefined;
    }
  },
};
