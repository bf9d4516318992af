/**
 * The state behind {@link FakeCriClient} (fake-client.ts): the records of sandboxes, containers and images,
 * the call log, injected errors, and the lookups and state transitions the CRI methods share. Split from the
 * methods so each file stays readable; only FakeCriClient extends it.
 */
import { createHash } from 'node:crypto';
import { realClock, type Clock } from '../../util/clock.js';
import { criError, GrpcCode, type CriError, type GrpcCodeValue } from './errors.js';
import { FakeImageStore } from './fake-images.js';
import type { CriMethod } from './service.js';
import type { CriInput } from './types-common.js';
import type {
  ContainerConfig,
  ContainerStatus,
  ExecSyncResponse,
  PodSandboxConfig,
  PodSandboxStatus,
} from './types-runtime.js';

/** One recorded call: the wire method name and the request exactly as passed. */
export interface RecordedCriCall {
  method: CriMethod;
  request: unknown;
}

/** A sandbox held by the fake. */
export interface FakeSandbox {
  status: PodSandboxStatus;
  config: CriInput<PodSandboxConfig>;
}

/** A container held by the fake. */
export interface FakeContainer {
  status: ContainerStatus;
  pod_sandbox_id: string;
  config: CriInput<ContainerConfig>;
}

/** Options of {@link FakeCriClient}. */
export interface FakeCriClientOptions {
  /** Source of created/started/finished timestamps; default the real clock. */
  clock?: Clock;
  /** Answers ExecSync; default: exit 0 with empty output. */
  execSync?: (containerId: string, cmd: string[]) => ExecSyncResponse;
  /** Hands out pod IPs (the CNI's IPAM); default 10.88.0.2, .3, … never released. */
  podNetwork?: FakePodNetwork;
  /** Keep every call in `calls` (default true); a long-running fake (a hollow node) turns it off. */
  recordCalls?: boolean;
  /** PullImage succeeds for any name, as if every image were in the registry (default false). */
  pullAnyImage?: boolean;
  /** Mixed into generated sandbox/container ids, so several fakes in one process never share an id. */
  idSeed?: string;
}

/**
 * The pod network of a {@link FakeCriClient}: `allocate` gives a new POD-network sandbox its IP (throwing
 * makes RunPodSandbox fail as a CNI ADD failure would); `release` is called once the sandbox is removed and
 * must ignore ids it does not know.
 */
export interface FakePodNetwork {
  allocate(sandboxId: string): string;
  release(sandboxId: string): void;
}

/** See the module comment. */
export abstract class FakeRuntimeState {
  /** Every call in order, including failed ones. */
  readonly calls: RecordedCriCall[] = [];
  readonly sandboxes = new Map<string, FakeSandbox>();
  readonly containers = new Map<string, FakeContainer>();
  /** Images in the runtime (`images.add(name)`) and in the "registry" (`images.addPullable(name)`). */
  readonly images: FakeImageStore;
  /** What Status reports for NetworkReady (a runtime without a CNI config reports false). */
  networkReady = true;
  closed = false;

  protected readonly clock: Clock;
  protected readonly execSyncHandler: (containerId: string, cmd: string[]) => ExecSyncResponse;
  protected readonly podNetwork: FakePodNetwork | undefined;
  private readonly recordCalls: boolean;
  private readonly idSeed: string;
  private readonly injected = new Map<CriMethod, CriError[]>();
  private readonly reservedNames = new Map<string, string>();
  private seq = 0;
  /** The last octet of the next pod IP handed out (10.88.0.x, containerd's default bridge range). */
  protected nextIp = 2;

  constructor(options: FakeCriClientOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.images = new FakeImageStore(this.clock, { pullAny: options.pullAnyImage });
    this.podNetwork = options.podNetwork;
    this.recordCalls = options.recordCalls ?? true;
    this.idSeed = options.idSeed ?? '';
    this.execSyncHandler =
      options.execSync ?? (() => ({ stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), exit_code: 0 }));
  }

  /** Makes the next `times` calls of `method` fail with `error` (or a CriError with that code). */
  injectError(method: CriMethod, error: CriError | GrpcCodeValue, times = 1): void {
    const err = typeof error === 'number' ? criError(method, error, 'injected by test') : error;
    const queue = this.injected.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(err);
    this.injected.set(method, queue);
  }

  /** The requests of every recorded call of `method`, in order. */
  requestsOf(method: CriMethod): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.request);
  }

  /** Simulates a container's process ending by itself (or being OOM-killed with reason `OOMKilled`). */
  exitContainer(id: string, exitCode: number, reason?: string): void {
    const c = this.containers.get(id);
    if (!c) throw new Error(`FakeCriClient: no container ${id}`);
    this.finish(c, exitCode, reason);
  }

  close(): void {
    this.closed = true;
  }

  // ---- shared by the CRI methods ----

  protected run<T>(method: CriMethod, request: unknown, body: () => T): Promise<T> {
    if (this.recordCalls) this.calls.push({ method, request });
    if (this.closed) return Promise.reject(this.err(method, GrpcCode.UNAVAILABLE, 'client closed'));
    const injected = this.injected.get(method)?.shift();
    if (injected) return Promise.reject(injected);
    try {
      return Promise.resolve(body());
    } catch (err) {
      return Promise.reject(err);
    }
  }

  protected err(method: string, code: GrpcCodeValue, details: string): CriError {
    return criError(method, code, details);
  }

  protected sandbox(method: string, id: string | null | undefined): FakeSandbox {
    const sb = this.sandboxes.get(id ?? '');
    if (!sb)
      throw this.err(method, GrpcCode.NOT_FOUND, `an error occurred when try to find sandbox "${id ?? ''}": not found`);
    return sb;
  }

  protected container(method: string, id: string | null | undefined): FakeContainer {
    const c = this.containers.get(id ?? '');
    if (!c)
      throw this.err(
        method,
        GrpcCode.NOT_FOUND,
        `an error occurred when try to find container "${id ?? ''}": not found`,
      );
    return c;
  }

  protected finish(c: FakeContainer, exitCode: number, reason?: string): void {
    if (c.status.state === 'CONTAINER_EXITED') return;
    c.status.state = 'CONTAINER_EXITED';
    c.status.finished_at = this.nowNanos();
    c.status.exit_code = exitCode;
    c.status.reason = reason ?? (exitCode === 0 ? 'Completed' : 'Error');
  }

  protected dropContainer(id: string): void {
    if (!this.containers.delete(id)) return;
    this.release(id);
  }

  /** containerd refuses a second sandbox/container with the same name until the first is removed. */
  protected reserve(name: string, id: string, method: string): void {
    const holder = this.reservedNames.get(name);
    if (holder !== undefined) {
      throw this.err(method, GrpcCode.UNKNOWN, `failed to reserve name "${name}": name is reserved for "${holder}"`);
    }
    this.reservedNames.set(name, id);
  }

  protected release(id: string): void {
    for (const [name, holder] of this.reservedNames) if (holder === id) this.reservedNames.delete(name);
  }

  protected streamUrl(kind: string, id: string): string {
    return `http://127.0.0.1:0/${kind}/${id.slice(0, 12)}-${++this.seq}`;
  }

  protected newId(kind: string): string {
    return createHash('sha256').update(`${this.idSeed}${kind}-${++this.seq}`).digest('hex');
  }

  protected nowNanos(): string {
    return (BigInt(this.clock.now()) * 1_000_000n).toString();
  }
}
