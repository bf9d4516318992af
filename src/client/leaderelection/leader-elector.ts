/**
 * Lease-based leader election (client-go tools/leaderelection): of all candidates running with one lock, at
 * most one believes it leads at any time, provided clocks advance at similar rates.
 */
import { isConflict } from '../../apimachinery/errors.js';
import { realClock, type Clock } from '../../util/clock.js';
import { silentLogger, type Logger } from '../../util/log.js';
import type { LeaderElectionRecord, ResourceLock } from './lease-lock.js';

/** client-go's JitterFactor: acquire retries wait retryPeriod * (1 + random * 1.2). */
export const JITTER_FACTOR = 1.2;

/**
 * What the elector tells its owner.
 *
 * Contract: `onStartedLeading` is called once, when the lease is acquired, with a signal that aborts when
 * leadership ends for any reason (the caller's signal, or a failed renewal); the work it starts must stop
 * promptly when it does. `onStoppedLeading` is called exactly once when `run` ends — also when leadership was
 * never acquired, as upstream does. `onNewLeader` reports each change of the observed holder (including this
 * candidate). Exceptions in callbacks are logged.
 */
export interface LeaderCallbacks {
  onStartedLeading(signal: AbortSignal): void | Promise<void>;
  onStoppedLeading(): void;
  onNewLeader?(identity: string): void;
}

/** Options of {@link LeaderElector}; defaults are kube-controller-manager's. */
export interface LeaderElectionConfig {
  lock: ResourceLock;
  callbacks: LeaderCallbacks;
  /** How long non-leaders wait after the last observed change before taking over. Default 15 s. */
  leaseDurationMs?: number;
  /** How long the leader keeps retrying a renewal before giving up. Default 10 s. */
  renewDeadlineMs?: number;
  /** Wait between attempts. Default 2 s. */
  retryPeriodMs?: number;
  /** Clear the lease when `run`'s signal aborts, so a successor need not wait for it to expire. */
  releaseOnCancel?: boolean;
  /** For logs. */
  name?: string;
  clock?: Clock;
  logger?: Logger;
  random?: () => number;
}

/**
 * Runs one candidate.
 *
 * Contract: `run` acquires the lease (retrying every retryPeriod with jitter), calls `onStartedLeading`, renews
 * every retryPeriod and stops leading when a renewal has not succeeded within renewDeadline or the signal
 * aborts. A lease is taken over only when its holder is empty or it has not changed for its
 * leaseDurationSeconds as measured on this candidate's clock (no clock synchronization needed). `run` may be
 * called once per elector.
 */
export class LeaderElector {
  private readonly lock: ResourceLock;
  private readonly callbacks: LeaderCallbacks;
  private readonly leaseDurationMs: number;
  private readonly renewDeadlineMs: number;
  private readonly retryPeriodMs: number;
  private readonly releaseOnCancel: boolean;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly random: () => number;
  private observedRecord: LeaderElectionRecord | undefined;
  private observedRaw = '';
  private observedTime = 0;
  private reportedLeader = '';

  constructor(config: LeaderElectionConfig) {
    this.lock = config.lock;
    this.callbacks = config.callbacks;
    this.leaseDurationMs = config.leaseDurationMs ?? 15_000;
    this.renewDeadlineMs = config.renewDeadlineMs ?? 10_000;
    this.retryPeriodMs = config.retryPeriodMs ?? 2_000;
    this.releaseOnCancel = config.releaseOnCancel ?? false;
    this.clock = config.clock ?? realClock;
    this.logger = (config.logger ?? silentLogger).child(`leaderelection/${config.name ?? config.lock.describe()}`);
    this.random = config.random ?? Math.random;
    if (this.leaseDurationMs <= this.renewDeadlineMs)
      throw new Error('leaseDuration must be greater than renewDeadline');
    if (this.renewDeadlineMs <= JITTER_FACTOR * this.retryPeriodMs) {
      throw new Error('renewDeadline must be greater than retryPeriod*JitterFactor');
    }
    if (!(this.retryPeriodMs > 0)) throw new Error('retryPeriod must be greater than zero');
    if (!this.lock.identity()) throw new Error('Lock identity is empty');
  }

  /** Whether the last observed record names this candidate. */
  isLeader(): boolean {
    return this.observedRecord?.holderIdentity === this.lock.identity();
  }

  /** The last observed holder (`''` if none yet). */
  getLeader(): string {
    return this.observedRecord?.holderIdentity ?? '';
  }

  /** Campaigns, leads and steps down; resolves when leadership ended or `signal` aborted. */
  async run(signal: AbortSignal): Promise<void> {
    try {
      if (!(await this.acquire(signal))) return;
      const leading = new AbortController();
      const onAbort = () => leading.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.safely('onStartedLeading', () => this.callbacks.onStartedLeading(leading.signal));
      try {
        await this.renew(signal);
      } finally {
        signal.removeEventListener('abort', onAbort);
        // Stop the leader's work before the lease is given up, so no successor runs beside it.
        leading.abort(signal.reason ?? new Error('leader election lost'));
      }
      if (this.releaseOnCancel) await this.release();
    } finally {
      this.safely('onStoppedLeading', () => this.callbacks.onStoppedLeading());
    }
  }

  private async acquire(signal: AbortSignal): Promise<boolean> {
    this.logger.info('attempting to acquire leader lease', { lock: this.lock.describe() });
    while (!signal.aborted) {
      const ok = await this.tryAcquireOrRenew(signal);
      this.maybeReportTransition();
      if (ok) {
        this.logger.info('successfully acquired lease', { lock: this.lock.describe() });
        return true;
      }
      try {
        await this.clock.sleep(this.retryPeriodMs * (1 + this.random() * JITTER_FACTOR), signal);
      } catch {
        return false;
      }
    }
    return false;
  }

  /** Renews until a round fails for renewDeadline or `signal` aborts. */
  private async renew(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const round = new AbortController();
      const onAbort = () => round.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      const deadline = this.clock.setTimeout(
        () => round.abort(new Error('renew deadline exceeded')),
        this.renewDeadlineMs,
      );
      let renewed = false;
      try {
        while (!round.signal.aborted) {
          if (await this.tryAcquireOrRenew(round.signal)) {
            renewed = true;
            break;
          }
          await this.clock.sleep(this.retryPeriodMs, round.signal).catch(() => undefined);
        }
      } finally {
        this.clock.clearTimeout(deadline);
        signal.removeEventListener('abort', onAbort);
      }
      this.maybeReportTransition();
      if (signal.aborted) return;
      if (!renewed) {
        this.logger.info('failed to renew lease', { lock: this.lock.describe() });
        return;
      }
      try {
        await this.clock.sleep(this.retryPeriodMs, signal);
      } catch {
        return;
      }
    }
  }

  private isLeaseValid(now: number): boolean {
    return !!this.observedRecord && this.observedTime + this.observedRecord.leaseDurationSeconds * 1000 > now;
  }

  private setObserved(record: LeaderElectionRecord): void {
    this.observedRecord = record;
    this.observedTime = this.clock.now();
  }

  /** One attempt to take or keep the lease; true on success. Never throws. */
  private async tryAcquireOrRenew(signal: AbortSignal): Promise<boolean> {
    const now = this.clock.now();
    const desired: LeaderElectionRecord = {
      holderIdentity: this.lock.identity(),
      // The API counts whole seconds; a sub-second lease would be written as 0 and never be valid.
      leaseDurationSeconds: Math.max(1, Math.floor(this.leaseDurationMs / 1000)),
      acquireTime: now,
      renewTime: now,
      leaderTransitions: 0,
    };
    // Fast path: a leader whose view is still valid writes over the version it last saw.
    if (this.isLeader() && this.isLeaseValid(now)) {
      const prev = this.observedRecord!;
      const next = { ...desired, acquireTime: prev.acquireTime, leaderTransitions: prev.leaderTransitions };
      try {
        await this.lock.update(next, signal);
        this.setObserved(next);
        return true;
      } catch (err) {
        this.logger.debug('optimistic lease update failed; falling back to the slow path', { err });
      }
    }
    if (signal.aborted) return false;
    let current: Awaited<ReturnType<ResourceLock['get']>>;
    try {
      current = await this.lock.get(signal);
    } catch (err) {
      this.logger.warn('error retrieving lease lock', { lock: this.lock.describe(), err });
      return false;
    }
    try {
      if (!current) {
        await this.lock.create(desired, signal);
        this.setObserved(desired);
        return true;
      }
      if (current.raw !== this.observedRaw) {
        // Time is measured from when *we* saw the record change, never from its timestamps (clock skew).
        this.setObserved(current.record);
        this.observedRaw = current.raw;
      }
      if (current.record.holderIdentity && this.isLeaseValid(now) && !this.isLeader()) {
        this.logger.debug('lease is held and has not yet expired', { holder: current.record.holderIdentity });
        return false;
      }
      const next = this.isLeader()
        ? { ...desired, acquireTime: current.record.acquireTime, leaderTransitions: current.record.leaderTransitions }
        : { ...desired, leaderTransitions: current.record.leaderTransitions + 1 };
      await this.lock.update(next, signal);
      this.setObserved(next);
      return true;
    } catch (err) {
      this.logger.warn('failed to write lease', { lock: this.lock.describe(), err });
      return false;
    }
  }

  /** Gives the lease up (holder cleared, duration 1 s) if we still hold it; retries on Conflict. */
  private async release(): Promise<void> {
    const timeout = new AbortController();
    const timer = this.clock.setTimeout(() => timeout.abort(new Error('release timed out')), this.renewDeadlineMs);
    try {
      for (let attempt = 0; attempt < 5 && !timeout.signal.aborted; attempt++) {
        const current = await this.lock.get(timeout.signal);
        // Only clear a lease that names us: after a failed renewal someone else may hold it already.
        if (!current || !this.isLeader() || current.record.holderIdentity !== this.lock.identity()) return;
        const now = this.clock.now();
        const released: LeaderElectionRecord = {
          holderIdentity: '',
          leaseDurationSeconds: 1,
          acquireTime: now,
          renewTime: now,
          leaderTransitions: current.record.leaderTransitions,
        };
        try {
          await this.lock.update(released, timeout.signal);
          this.setObserved(released);
          this.logger.info('released lease', { lock: this.lock.describe() });
          return;
        } catch (err) {
          if (!isConflict(err)) throw err;
        }
      }
    } catch (err) {
      this.logger.warn('failed to release lease', { lock: this.lock.describe(), err });
    } finally {
      this.clock.clearTimeout(timer);
    }
  }

  private maybeReportTransition(): void {
    const holder = this.observedRecord?.holderIdentity ?? '';
    if (holder === this.reportedLeader) return;
    this.reportedLeader = holder;
    const cb = this.callbacks.onNewLeader;
    if (cb) queueMicrotask(() => this.safely('onNewLeader', () => cb(holder)));
  }

  private safely(what: string, fn: () => void | Promise<void>): void {
    try {
      const r = fn();
      if (r instanceof Promise) r.catch((err: unknown) => this.logger.error(`${what} failed`, { err }));
    } catch (err) {
      this.logger.error(`${what} failed`, { err });
    }
  }
}
