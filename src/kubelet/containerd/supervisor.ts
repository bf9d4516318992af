/**
 * Runs containerd for a k8ts node: writes its config under the node's data dir, starts `containerd
 * --config`, waits until the CRI answers, restarts it with a bounded back-off if it dies, and stops it leaving
 * nothing behind (pods, shims, mounts, cgroups).
 */
import { realClock, type Clock, type ClockTimer } from '../../util/clock.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { createCriClient } from '../cri/client.js';
import { isNotFound } from '../cri/errors.js';
import type { CriClient } from '../cri/service.js';
import { killShims, removeCgroups, unmountUnder } from './cleanup.js';
import { writeContainerdConfig, type ContainerdPaths } from './config.js';
import { freeLoopbackPort, spawnDaemon, type DaemonProcess } from './daemon.js';

/** Options of {@link startContainerd}. */
export interface StartContainerdOptions {
  /** The instance's own directory (absolute, short enough for a unix socket path). */
  dataDir: string;
  /** The local registry `127.0.0.1:PORT` every pull goes to; default none (pulls fail locally). */
  registryMirror?: string;
  /** The sandbox image; default the local pause image. */
  sandboxImage?: string;
  /** Streaming server port; default a free loopback port. */
  streamServerPort?: number;
  /** Streaming server address; default 127.0.0.1. */
  streamServerAddress?: string;
  /** CNI config dir; default `<dataDir>/cni/net.d`. */
  cniConfDir?: string;
  /**
   * The cgroup root the kubelet puts pods under (their `cgroup_parent`s start with it, e.g. `/k8ts-node1`);
   * `stop()` removes what is left of it. Default: none.
   */
  cgroupRoot?: string;
  /** The containerd binary; default `containerd` from PATH. */
  binary?: string;
  /** How long to wait for the CRI to answer after a (re)start; default 20 s. */
  readyTimeoutMs?: number;
  /** Restart back-off: first delay (default 500 ms), doubling up to `maxMs` (default 30 s). */
  restartBackoff?: { initialMs?: number; maxMs?: number };
  logger?: Logger;
  clock?: Clock;
}

/** Options of {@link ContainerdHandle.stop}. */
export interface StopContainerdOptions {
  /**
   * Keep pods running: only containerd exits, as in a daemon upgrade (its shims and containers live on and a
   * new containerd on the same data dir adopts them). Default false: remove every pod and clean up.
   */
  keepPods?: boolean;
  /** SIGTERM grace before SIGKILL; default 10 s. */
  graceMs?: number;
}

/** A running, supervised containerd. */
export interface ContainerdHandle {
  /** The CRI/containerd socket path. */
  readonly socket: string;
  readonly paths: ContainerdPaths;
  readonly streamServerPort: number;
  /** A CRI client on the socket, closed by `stop()`. */
  readonly cri: CriClient;
  /** The current containerd process id (undefined while restarting). */
  pid(): number | undefined;
  /** How many times containerd was restarted after dying. */
  restarts(): number;
  /** Resolves once containerd answers the CRI again (immediately when it does now); rejects on `stop()`. */
  ready(): Promise<void>;
  /** Stops supervision and containerd; see {@link StopContainerdOptions}. Idempotent. */
  stop(options?: StopContainerdOptions): Promise<void>;
}

const DEFAULT_READY_TIMEOUT_MS = 20_000;
const POLL_MS = 50;
/** After running this long, a containerd that dies restarts with the initial delay again. */
const HEALTHY_RESET_MS = 60_000;

/** The delay before restart number `attempt` (0-based): initial·2^attempt, capped at max. */
export function restartDelay(attempt: number, initialMs = 500, maxMs = 30_000): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
}

/**
 * Starts containerd and resolves once its CRI answers Version. If containerd exits before that (e.g. the
 * chosen streaming port was taken meanwhile), a fresh port is tried up to three times; the error carries the
 * tail of containerd's log.
 */
export async function startContainerd(options: StartContainerdOptions): Promise<ContainerdHandle> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.streamServerPort ?? (await freeLoopbackPort());
    const paths = await writeContainerdConfig(options.dataDir, {
      streamServerPort: port,
      ...(options.streamServerAddress ? { streamServerAddress: options.streamServerAddress } : {}),
      ...(options.registryMirror ? { registryMirror: options.registryMirror } : {}),
      ...(options.sandboxImage ? { sandboxImage: options.sandboxImage } : {}),
      ...(options.cniConfDir ? { cniConfDir: options.cniConfDir } : {}),
    });
    const sup = new Supervisor(paths, port, options);
    try {
      await sup.launch();
      return sup;
    } catch (err) {
      lastError = err;
      await sup.stop({ keepPods: true });
      if (options.streamServerPort !== undefined || !String(err).includes('address already in use')) break;
    }
  }
  throw lastError;
}

class Supervisor implements ContainerdHandle {
  readonly socket: string;
  readonly cri: CriClient;
  private readonly clock: Clock;
  private readonly log: Logger;
  private process: DaemonProcess | undefined;
  private restartCount = 0;
  private failures = 0;
  private startedAt = 0;
  private restartTimer: ClockTimer | undefined;
  private readyWaiters: { resolve: () => void; reject: (err: Error) => void }[] = [];
  private stopping = false;
  /** True between a successful launch and containerd's exit. */
  private isReady = false;
  private stopped: Promise<void> | undefined;

  constructor(
    readonly paths: ContainerdPaths,
    readonly streamServerPort: number,
    private readonly options: StartContainerdOptions,
  ) {
    this.socket = paths.socket;
    this.clock = options.clock ?? realClock;
    this.log = (options.logger ?? silentLogger).child('containerd');
    this.cri = createCriClient({ endpoint: paths.socket, clock: this.clock });
  }

  pid(): number | undefined {
    return this.process && !this.process.hasExited() ? this.process.pid : undefined;
  }

  restarts(): number {
    return this.restartCount;
  }

  ready(): Promise<void> {
    if (this.isReady) return Promise.resolve();
    if (this.stopping) return Promise.reject(new Error('containerd supervisor stopped'));
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** Spawns containerd and waits for the CRI; on failure the process is killed and the error thrown. */
  async launch(): Promise<void> {
    const proc = spawnDaemon({
      binary: this.options.binary ?? 'containerd',
      args: ['--config', this.paths.config],
      logFile: this.paths.log,
    });
    this.process = proc;
    this.startedAt = 0;
    this.log.info('started', { pid: proc.pid, socket: this.socket });
    const deadline = this.clock.now() + (this.options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
    for (;;) {
      if (proc.hasExited() || this.stopping) {
        const why = proc.hasExited() ? await proc.exited : 'stopped while starting';
        throw new Error(`containerd ${why} before its CRI answered; log tail:\n${await proc.logTail()}`);
      }
      try {
        await this.cri.version({}, { timeoutMs: 1_000 });
        break;
      } catch {
        // Not listening yet.
      }
      if (this.clock.now() > deadline) {
        await proc.terminate(2_000, this.clock);
        throw new Error(
          `containerd's CRI did not answer within ${this.options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS} ms; log tail:\n${await proc.logTail()}`,
        );
      }
      await this.clock.sleep(POLL_MS);
    }
    this.startedAt = this.clock.now();
    this.isReady = true;
    void proc.exited.then((why) => this.onExit(proc, why));
    for (const w of this.readyWaiters.splice(0)) w.resolve();
  }

  private onExit(proc: DaemonProcess, why: string): void {
    if (proc !== this.process) return;
    this.isReady = false;
    if (this.stopping) return;
    if (this.clock.now() - this.startedAt >= HEALTHY_RESET_MS) this.failures = 0;
    const delay = restartDelay(
      this.failures++,
      this.options.restartBackoff?.initialMs,
      this.options.restartBackoff?.maxMs,
    );
    this.log.warn('containerd died; restarting', { why, delayMs: delay, restarts: this.restartCount });
    this.restartTimer = this.clock.setTimeout(() => {
      this.restartTimer = undefined;
      if (this.stopping) return;
      this.restartCount++;
      this.launch().catch((err: unknown) => {
        // The failed launch killed its process; schedule the next attempt ourselves.
        this.log.error('containerd restart failed', { err });
        if (this.process) this.onExit(this.process, 'restart failed');
      });
    }, delay);
  }

  stop(options: StopContainerdOptions = {}): Promise<void> {
    this.stopped ??= this.doStop(options);
    return this.stopped;
  }

  private async doStop(options: StopContainerdOptions): Promise<void> {
    this.stopping = true;
    for (const w of this.readyWaiters.splice(0)) w.reject(new Error('containerd supervisor stopped'));
    this.clock.clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const proc = this.process;
    if (!options.keepPods && proc && !proc.hasExited()) await this.removeAllPods();
    await proc?.terminate(options.graceMs ?? 10_000, this.clock);
    this.cri.close();
    if (options.keepPods) return;
    const killed = await killShims(this.socket);
    if (killed > 0) this.log.warn('killed leftover shim processes', { count: killed });
    // A SIGKILLed process's mounts and cgroup are released asynchronously: give the kernel a moment.
    if (killed > 0) await this.clock.sleep(100);
    const unmounted = await unmountUnder(this.paths.dataDir);
    if (unmounted.length > 0) this.log.info('unmounted leftovers', { mounts: unmounted });
    if (this.options.cgroupRoot) {
      const left = await removeCgroups(this.options.cgroupRoot);
      if (left.length > 0) this.log.warn('cgroups still in use', { cgroups: left });
    }
  }

  /** Stops and removes every sandbox (and so every container) through the CRI; failures are logged. */
  private async removeAllPods(): Promise<void> {
    let items;
    try {
      items = (await this.cri.listPodSandbox({}, { timeoutMs: 5_000 })).items;
    } catch (err) {
      this.log.warn('cannot list sandboxes before stopping', { err });
      return;
    }
    await Promise.all(
      items.map(async (sb) => {
        try {
          await this.cri.stopPodSandbox({ pod_sandbox_id: sb.id }, { timeoutMs: 30_000 });
          await this.cri.removePodSandbox({ pod_sandbox_id: sb.id }, { timeoutMs: 30_000 });
        } catch (err) {
          if (!isNotFound(err)) this.log.warn('cannot remove sandbox', { id: sb.id, err });
        }
      }),
    );
  }
}
