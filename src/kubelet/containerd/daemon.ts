/**
 * Running a long-lived helper daemon (containerd, the local registry) as a child of k8ts: its output goes to
 * a log file, it is tied to our lifetime with `setpriv --pdeathsig KILL` (the kernel kills it if k8ts dies,
 * even by SIGKILL, where no exit hook could run), and it is stopped with SIGTERM, then SIGKILL after a grace
 * period.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Clock } from '../../util/clock.js';

const SETPRIV = '/usr/bin/setpriv';
const LOG_TAIL_BYTES = 8 * 1024;

/** A spawned daemon. */
export interface DaemonProcess {
  readonly pid: number | undefined;
  /** Resolves when the process has exited, with a description such as `exited with code 1`. */
  readonly exited: Promise<string>;
  /** True once the process has exited (or failed to start). */
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. Idempotent. */
  terminate(graceMs: number, clock: Clock): Promise<void>;
  /** The last few KiB of the log file, for error messages. */
  logTail(): Promise<string>;
}

/** What to run. */
export interface SpawnDaemonOptions {
  binary: string;
  args: string[];
  /** Output (stdout and stderr) is appended here. */
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

/** Spawns a daemon as described in the module comment. Throws only if the log file cannot be opened. */
export function spawnDaemon(options: SpawnDaemonOptions): DaemonProcess {
  const [cmd, args] = existsSync(SETPRIV)
    ? [SETPRIV, ['--pdeathsig', 'KILL', '--', options.binary, ...options.args]]
    : [options.binary, options.args];
  const fd = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env: options.env ?? process.env });
  } finally {
    closeSync(fd); // the child has its own copy
  }
  let done = false;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      resolve(signal ? `killed by ${signal}` : `exited with code ${code}`);
    });
    child.once('error', (err) => {
      done = true;
      resolve(`failed to start: ${err.message}`);
    });
  });
  // A daemon must not keep the event loop (and so a finished test run) alive by itself.
  child.unref();

  return {
    pid: child.pid,
    exited,
    hasExited: () => done,
    async terminate(graceMs, clock) {
      if (done) return;
      child.kill('SIGTERM');
      let timer;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = clock.setTimeout(() => resolve(true), graceMs);
      });
      const killed = await Promise.race([exited.then(() => false), timedOut]);
      clock.clearTimeout(timer);
      if (killed && !done) {
        child.kill('SIGKILL');
        await exited;
      }
    },
    logTail: () => readTail(options.logFile),
  };
}

async function readTail(file: string): Promise<string> {
  try {
    const fh = await open(file, 'r');
    try {
      const { size } = await fh.stat();
      const length = Math.min(size, LOG_TAIL_BYTES);
      const buf = Buffer.alloc(length);
      await fh.read(buf, 0, length, size - length);
      return buf.toString('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    return '';
  }
}

/**
 * A TCP port free on 127.0.0.1 right now. Another process may take it before the daemon binds it: callers
 * retry with a new port when the daemon reports "address already in use".
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no TCP address'))));
    });
  });
}
