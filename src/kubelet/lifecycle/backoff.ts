/**
 * Container restart back-off (CrashLoopBackOff): after a container exits, the kubelet waits 10 s before the
 * next start, doubling each time up to 5 min, and forgets the history once a container ran 10 min without
 * failing. Same semantics as client-go's flowcontrol.Backoff as the kubelet uses it (no jitter).
 */
import type { Clock } from '../../util/clock.js';
import { goDuration } from '../prober/probe-result.js';
import { formatPod, type Pod } from '../prober/types.js';

/** The first delay after a crash. */
export const CRASH_LOOP_INITIAL_MS = 10_000;
/** The cap on the delay. */
export const CRASH_LOOP_MAX_MS = 300_000;

/** The waiting reason of a container held back by the back-off. */
export const CRASH_LOOP_BACK_OFF = 'CrashLoopBackOff';

export interface BackOffOptions {
  clock: Clock;
  initialMs?: number;
  maxMs?: number;
  /** A run this long since the last restart clears the history. Defaults to twice the maximum (10 min). */
  resetAfterMs?: number;
}

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

/**
 * Per-key exponential back-off. Not safe for use from several event-loop turns that interleave `next` and
 * `isInBackOffSince` on the same key without awaiting in between — which JavaScript's single thread gives
 * for free. Entries not touched for `resetAfterMs` are dropped by `gc`; call it periodically.
 */
export class BackOff {
  private readonly entries = new Map<string, Entry>();
  /** The clock the delays run on (callers that pass "now" read it here). */
  readonly clock: Clock;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly resetAfterMs: number;

  constructor(options: BackOffOptions) {
    this.clock = options.clock;
    this.initialMs = options.initialMs ?? CRASH_LOOP_INITIAL_MS;
    this.maxMs = options.maxMs ?? CRASH_LOOP_MAX_MS;
    this.resetAfterMs = options.resetAfterMs ?? 2 * this.maxMs;
  }

  /** The current delay for `key` (0 if it has none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /**
   * Records a restart caused by an event at `eventTimeMs` (the exit time): the first one, or one long enough
   * after the previous restart, starts at the initial delay; any other doubles the delay up to the maximum.
   */
  next(key: string, eventTimeMs: number): void {
    const entry = this.entries.get(key);
    if (!entry || this.hasExpired(eventTimeMs, entry.lastUpdate)) {
      this.entries.set(key, { backoffMs: this.initialMs, lastUpdate: this.clock.now() });
      return;
    }
    entry.backoffMs = Math.min(entry.backoffMs * 2, this.maxMs);
    entry.lastUpdate = this.clock.now();
  }

  /** Whether less than the current delay has passed since `eventTimeMs`. */
  isInBackOffSince(key: string, eventTimeMs: number): boolean {
    const entry = this.entries.get(key);
    if (!entry || this.hasExpired(eventTimeMs, entry.lastUpdate)) return false;
    return this.clock.now() - eventTimeMs < entry.backoffMs;
  }

  /** Whether less than the current delay has passed since the last `next` (image pull back-off). */
  isInBackOffSinceUpdate(key: string, nowMs: number): boolean {
    const entry = this.entries.get(key);
    if (!entry || this.hasExpired(nowMs, entry.lastUpdate)) return false;
    return nowMs - entry.lastUpdate < entry.backoffMs;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /** Drops entries nobody has touched for `resetAfterMs`. */
  gc(): void {
    const now = this.clock.now();
    for (const [key, entry] of this.entries) if (now - entry.lastUpdate > this.resetAfterMs) this.entries.delete(key);
  }

  size(): number {
    return this.entries.size;
  }

  private hasExpired(eventTimeMs: number, lastUpdate: number): boolean {
    return eventTimeMs - lastUpdate > this.resetAfterMs;
  }
}

/**
 * The back-off key of a container: pod UID, container name and a hash of the container spec (the image is
 * part of it), so that changing the container starts a fresh history.
 */
export function containerBackOffKey(podUID: string, containerName: string, containerHash: string): string {
  return `${podUID}_${containerName}_${containerHash}`;
}

/** `back-off 40s restarting failed container=c pod=p_ns(uid)`: the CrashLoopBackOff waiting message. */
export function crashLoopBackOffMessage(delayMs: number, containerName: string, pod: Pick<Pod, 'metadata'>): string {
  return `back-off ${goDuration(delayMs)} restarting failed container=${containerName} pod=${formatPod(pod)}`;
}

/** What {@link decideBackOff} concluded. */
export type BackOffDecision =
  | { inBackOff: false }
  | {
      inBackOff: true;
      /** Always `CrashLoopBackOff`: the container's waiting reason. */
      reason: typeof CRASH_LOOP_BACK_OFF;
      /** The container's waiting message. */
      message: string;
      /** The `Warning BackOff` event to record on the container. */
      event: { reason: 'BackOff'; message: string };
    };

/**
 * Decides whether an exited container may start again now (kuberuntime doBackOff). `finishedAtMs` is when
 * its last instance exited; a container that never exited is never held back. When it may start, the
 * back-off is advanced, so call this once per start attempt.
 */
export function decideBackOff(
  backOff: BackOff,
  pod: Pick<Pod, 'metadata'>,
  containerName: string,
  containerHash: string,
  finishedAtMs: number | undefined,
): BackOffDecision {
  if (finishedAtMs === undefined) return { inBackOff: false };
  const key = containerBackOffKey(pod.metadata.uid, containerName, containerHash);
  if (backOff.isInBackOffSince(key, finishedAtMs)) {
    return {
      inBackOff: true,
      reason: CRASH_LOOP_BACK_OFF,
      message: crashLoopBackOffMessage(backOff.get(key), containerName, pod),
      event: {
        reason: 'BackOff',
        message: `Back-off restarting failed container ${containerName} in pod ${formatPod(pod)}`,
      },
    };
  }
  backOff.next(key, finishedAtMs);
  return { inBackOff: false };
}
