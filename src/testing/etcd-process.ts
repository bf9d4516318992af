/**
 * A throw-away single-member etcd for integration tests and benchmarks: the Debian `etcd` binary on two free
 * loopback ports with its own data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePorts } from './ports.js';

/** A running etcd started by {@link startEtcd}. Methods are not meant to be called concurrently. */
export interface EtcdProcess {
  /** Client URL, `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  readonly dataDir: string;
  readonly clientPort: number;
  readonly peerPort: number;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. Idempotent. */
  stop(): Promise<void>;
  /** Stops etcd and starts it again on the same data dir and ports; resolves once it serves again. */
  restart(): Promise<void>;
  /** Stops etcd and removes the data dir. */
  cleanup(): Promise<void>;
}

export interface StartEtcdOptions {
  /** Data directory to use (created by etcd if missing); default: a fresh temp dir. */
  dataDir?: string;
  /** The etcd binary; default /usr/bin/etcd. */
  binary?: string;
  /** How long to wait for the server to answer /health; default 15 s. */
  readyTimeoutMs?: number;
}

const DEFAULT_BINARY = '/usr/bin/etcd';
const STOP_GRACE_MS = 5_000;
const OUTPUT_TAIL_BYTES = 8 * 1024;

/*
 * Every etcd this module started and has not yet seen exit. This is process-wide on purpose: the exit hooks
 * below are process-wide too, and they must reach every child so that a test runner that dies (or a test that
 * forgets its after() hook) never leaves an etcd behind.
 */
const live = new Set<ChildProcess>();
let hooksInstalled = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  const killAll = () => {
    for (const child of live) child.kill('SIGKILL');
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // Kill the children, then re-raise so the default action (exit) still happens: the handler is 'once'.
    process.once(sig, () => {
      killAll();
      process.kill(process.pid, sig);
    });
  }
}

/**
 * Starts etcd and resolves once it answers `/health`. Fails with the tail of etcd's output if the process exits
 * early or is not ready within `readyTimeoutMs`. Durability flags are left at etcd's defaults (fsync on),
 * because benchmarks measure durable writes.
 */
export async function startEtcd(options: StartEtcdOptions = {}): Promise<EtcdProcess> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'k8ts-etcd-')));
  const binary = options.binary ?? DEFAULT_BINARY;
  const readyTimeoutMs = options.readyTimeoutMs ?? 15_000;
  installExitHooks();

  // Free ports can be taken by someone else before etcd binds them: retry with new ones a few times.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const [clientPort, peerPort] = (await findFreePorts(2)) as [number, number];
    try {
      const child = await launch({ binary, dataDir, clientPort, peerPort, readyTimeoutMs });
      return new RunningEtcd(child, { binary, dataDir, clientPort, peerPort, readyTimeoutMs });
    } catch (err) {
      lastError = err;
      if (!String(err).includes('address already in use')) break;
    }
  }
  if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
  throw lastError;
}

interface LaunchSpec {
  binary: string;
  dataDir: string;
  clientPort: number;
  peerPort: number;
  readyTimeoutMs: number;
}

class RunningEtcd implements EtcdProcess {
  readonly endpoint: string;
  readonly dataDir: string;
  readonly clientPort: number;
  readonly peerPort: number;

  constructor(
    private child: ChildProcess | undefined,
    private readonly spec: LaunchSpec,
  ) {
    this.endpoint = `http://127.0.0.1:${spec.clientPort}`;
    this.dataDir = spec.dataDir;
    this.clientPort = spec.clientPort;
    this.peerPort = spec.peerPort;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child) await terminate(child);
  }

  async restart(): Promise<void> {
    await this.stop();
    this.child = await launch(this.spec);
  }

  async cleanup(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

function etcdArgs(spec: LaunchSpec): string[] {
  const client = `http://127.0.0.1:${spec.clientPort}`;
  const peer = `http://127.0.0.1:${spec.peerPort}`;
  return [
    '--name=k8ts-test',
    `--data-dir=${spec.dataDir}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=k8ts-test=${peer}`,
    // zap at error level: quiet on success, yet bind failures and fatal errors still reach the output tail.
    '--logger=zap',
    '--log-outputs=stderr',
    '--log-level=error',
    // 4 GiB: roomy enough for benchmarks, well under the 8 GiB etcd recommends as a maximum.
    '--quota-backend-bytes=4294967296',
    // A single member has no peers to hear from: a short election timeout makes (re)starts ~0.5 s faster.
    '--heartbeat-interval=50',
    '--election-timeout=500',
  ];
}

async function launch(spec: LaunchSpec): Promise<ChildProcess> {
  // setpriv makes the kernel SIGKILL etcd when this process dies, even by SIGKILL (where no hook can run).
  const useSetpriv = existsSync('/usr/bin/setpriv');
  const [cmd, args] = useSetpriv
    ? ['/usr/bin/setpriv', ['--pdeathsig', 'KILL', '--', spec.binary, ...etcdArgs(spec)]]
    : [spec.binary, etcdArgs(spec)];
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let tail = '';
  const keepTail = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout!.on('data', keepTail);
  child.stderr!.on('data', keepTail);
  // Don't let a forgotten etcd keep the test process alive; the exit hook kills it when the process ends.
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();

  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    live.delete(child);
    exited = `exited with ${signal ?? `code ${code}`}`;
  });
  child.once('error', (err) => {
    live.delete(child);
    exited = `failed to start: ${err.message}`;
  });

  const endpoint = `http://127.0.0.1:${spec.clientPort}`;
  const deadline = Date.now() + spec.readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new Error(`etcd at ${endpoint} ${exited} before becoming ready; output tail:\n${tail}`);
    }
    if (await healthy(spec.clientPort)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  await terminate(child);
  throw new Error(`etcd at ${endpoint} not ready after ${spec.readyTimeoutMs} ms; output tail:\n${tail}`);
}

/** One short /health probe; any failure (refused, timeout, unhealthy) counts as "not yet". */
function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/health', timeout: 500 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve(res.statusCode === 200 && body.includes('"health":"true"')));
      res.on('error', () => resolve(false));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Re-ref the child so the event loop stays alive until its exit event arrives.
  child.ref();
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const escalate = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), STOP_GRACE_MS);
  });
  const outcome = await Promise.race([exited.then(() => 'exited' as const), escalate]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
