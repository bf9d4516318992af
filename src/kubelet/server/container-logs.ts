/**
 * Reads a container's CRI log file the way the kubelet's `/containerLogs` does (kuberuntime/logs ReadLogs):
 * `tailLines` counts records from the end of the file, `sinceSeconds`/`sinceTime` skip older records,
 * `timestamps` prefixes every record with its time (RFC 3339, nanoseconds fixed at 9 digits), `limitBytes`
 * cuts the output, and `follow` keeps reading new records until the container stops running or the client
 * goes away. A `P` (partial) record is written without a newline, so the next record completes the line.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import type { Writable } from 'node:stream';
import { StatusError } from '../../apimachinery/errors.js';
import { realClock, type Clock } from '../../util/clock.js';

/** The kubelet's internal log options (kuberuntime/logs LogOptions). -1 means "no limit". */
export interface LogOptions {
  tail: number;
  bytes: number;
  /** Records strictly older than this (ms since the epoch) are skipped; 0 keeps everything. */
  sinceMs: number;
  follow: boolean;
  timestamps: boolean;
  previous: boolean;
}

function invalidRequest(): StatusError {
  // The kubelet answers a failed ValidatePodLogOptions with 422 and this fixed body.
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'Invalid request.',
    reason: 'Invalid',
    code: 422,
  });
}

function parseBool(v: string | null): boolean {
  return v === 'true' || v === '1' || v === 'True' || v === 'TRUE' || v === 't' || v === 'T';
}

function parseIntParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v))
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unable to decode query.',
      reason: 'BadRequest',
      code: 400,
    });
  return Number(v);
}

/**
 * PodLogOptions from the query (with the legacy `tail` parameter; `tail=all` means everything), validated
 * as upstream does: negative tailLines, sinceSeconds < 1, limitBytes < 1 or both since forms → 422.
 */
export function parseLogOptions(query: URLSearchParams, nowMs: number): LogOptions {
  const q = new URLSearchParams(query);
  const legacyTail = q.get('tail');
  if (legacyTail) {
    if (legacyTail === 'all') q.delete('tailLines');
    else q.set('tailLines', legacyTail);
  }
  const tailLines = parseIntParam(q, 'tailLines');
  const sinceSeconds = parseIntParam(q, 'sinceSeconds');
  const limitBytes = parseIntParam(q, 'limitBytes');
  const sinceTime = q.get('sinceTime');
  if (tailLines !== undefined && tailLines < 0) throw invalidRequest();
  if (sinceSeconds !== undefined && sinceSeconds < 1) throw invalidRequest();
  if (limitBytes !== undefined && limitBytes < 1) throw invalidRequest();
  if (sinceSeconds !== undefined && sinceTime) throw invalidRequest();
  let sinceMs = 0;
  if (sinceSeconds !== undefined) sinceMs = nowMs - sinceSeconds * 1000;
  if (sinceTime) {
    const t = Date.parse(sinceTime);
    if (Number.isNaN(t)) throw invalidRequest();
    if (t > sinceMs) sinceMs = t;
  }
  return {
    tail: tailLines ?? -1,
    bytes: limitBytes ?? -1,
    sinceMs,
    follow: parseBool(q.get('follow')),
    timestamps: parseBool(q.get('timestamps')),
    previous: parseBool(q.get('previous')),
  };
}

/** One parsed CRI log record; `log` ends with a newline unless the record is partial. */
export interface LogRecord {
  /** The timestamp as written. */
  time: string;
  timeMs: number;
  stream: 'stdout' | 'stderr';
  log: Buffer;
}

const TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

/** Parses one line (including its trailing newline, if any); undefined when it is not a CRI record. */
export function parseLogLine(line: Buffer): LogRecord | undefined {
  const sp1 = line.indexOf(0x20);
  if (sp1 < 0) return undefined;
  const time = line.toString('latin1', 0, sp1);
  if (!TIME.test(time)) return undefined;
  const sp2 = line.indexOf(0x20, sp1 + 1);
  if (sp2 < 0) return undefined;
  const stream = line.toString('latin1', sp1 + 1, sp2);
  if (stream !== 'stdout' && stream !== 'stderr') return undefined;
  const sp3 = line.indexOf(0x20, sp2 + 1);
  if (sp3 < 0) return undefined;
  // Tags are ':'-separated and forward compatible; only the first one (P or F) matters.
  const partial = line.toString('latin1', sp2 + 1, sp3).split(':')[0] === 'P';
  let log = line.subarray(sp3 + 1);
  if (partial && log.length > 0 && log[log.length - 1] === 0x0a) log = log.subarray(0, log.length - 1);
  const timeMs = Date.parse(time);
  if (Number.isNaN(timeMs)) return undefined;
  return { time, timeMs, stream, log };
}

/** `time` in Go's RFC3339NanoFixed layout: the fraction always has 9 digits. */
export function fixedNanoTime(time: string): string {
  const m = TIME.exec(time);
  if (!m) return time;
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}${m[3]}`;
}

const BLOCK = 4096;

/**
 * The offset where the last `n` lines start (pkg/util/tail FindTailLineStartIndex): 0 when `n < 0`; an
 * unterminated last line is not counted.
 */
export async function findTailLineStartIndex(f: FileHandle, n: number): Promise<number> {
  if (n < 0) return 0;
  const size = (await f.stat()).size;
  let count = 0;
  let right = size;
  let left = size;
  let buf = Buffer.alloc(0);
  while (right > 0 && count <= n) {
    left = Math.max(0, right - BLOCK);
    buf = Buffer.alloc(right - left);
    await f.read(buf, 0, buf.length, left);
    for (const b of buf) if (b === 0x0a) count++;
    right = left;
  }
  let start = left;
  let rest = buf;
  for (; count > n; count--) {
    const idx = rest.indexOf(0x0a) + 1;
    rest = rest.subarray(idx);
    start += idx;
  }
  return start;
}

/** What following a log needs besides the file. */
export interface ReadLogsDeps {
  /** Whether the container still runs; following stops once it does not (checked at every end of file). */
  isRunning?: () => Promise<boolean>;
  /** Ends the read (the client went away). */
  signal?: AbortSignal;
  clock?: Clock;
  /** How long to wait for a write before checking again (upstream: 1 s). */
  forceCheckPeriodMs?: number;
  /** Set false to rely on polling only (tests with a fake clock). Default true. */
  useWatch?: boolean;
}

/** Writes, honouring back-pressure; resolves false when the stream is gone. */
function writeOut(out: Writable, chunk: Buffer): Promise<boolean> {
  if (out.destroyed || out.writableEnded) return Promise.resolve(false);
  if (out.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    out.once('drain', onDrain);
    out.once('close', onClose);
  });
}

/**
 * Streams the log at `path` into `out` (stdout and stderr records alike, as the kubelet's single writer)
 * according to `opts`. Resolves when done; does not end `out`. Rejects only when the file cannot be read.
 */
export async function readContainerLogs(
  path: string,
  opts: LogOptions,
  out: Writable,
  deps: ReadLogsDeps = {},
): Promise<void> {
  const clock = deps.clock ?? realClock;
  const period = deps.forceCheckPeriodMs ?? 1000;
  let f = await open(path, 'r');
  let watcher: FSWatcher | undefined;
  let wake: (() => void) | undefined;
  try {
    let pos = await findTailLineStartIndex(f, opts.tail);
    const limited = opts.tail >= 0 && !opts.follow;
    let left = opts.tail;
    let remain = opts.bytes >= 0 ? opts.bytes : Number.POSITIVE_INFINITY;
    let pending = Buffer.alloc(0);
    const chunk = Buffer.alloc(64 * 1024);
    /** Writes one record; false ends the read (limit hit or client gone). */
    const emit = async (line: Buffer): Promise<boolean> => {
      const rec = parseLogLine(line);
      if (!rec) return true; // a line that is not a record is skipped, as upstream logs and continues
      if (rec.timeMs < opts.sinceMs) return true;
      let data = opts.timestamps ? Buffer.concat([Buffer.from(`${fixedNanoTime(rec.time)} `), rec.log]) : rec.log;
      if (data.length > remain) data = data.subarray(0, remain);
      remain -= data.length;
      if (data.length > 0 && !(await writeOut(out, data))) return false;
      if (remain <= 0) return false;
      if (limited && --left <= 0) return false;
      return true;
    };
    if (limited && left === 0) return;
    for (;;) {
      if (deps.signal?.aborted) return;
      const { bytesRead } = await f.read(chunk, 0, chunk.length, pos);
      if (bytesRead > 0) {
        pos += bytesRead;
        pending = Buffer.concat([pending, chunk.subarray(0, bytesRead)]);
        let nl: number;
        while ((nl = pending.indexOf(0x0a)) >= 0) {
          const line = pending.subarray(0, nl + 1);
          pending = pending.subarray(nl + 1);
          if (!(await emit(line))) return;
        }
        continue;
      }
      // End of file.
      if (!opts.follow) {
        // An unterminated last line is still written (upstream logs it as incomplete and writes it).
        if (pending.length > 0) await emit(pending);
        return;
      }
      if (deps.isRunning && !(await deps.isRunning().catch(() => false))) {
        // Read whatever arrived between the last read and the state check, then stop.
        const { bytesRead: tail } = await f.read(chunk, 0, chunk.length, pos);
        if (tail > 0) continue;
        return;
      }
      if ((deps.useWatch ?? true) && !watcher) {
        try {
          watcher = watch(path, () => wake?.());
          watcher.on('error', () => undefined);
        } catch {
          // No inotify: polling alone still works.
        }
        continue; // we may have missed a write while setting the watch up
      }
      await new Promise<void>((resolve) => {
        const timer = clock.setTimeout(() => finish(), period);
        const onAbort = () => finish();
        const finish = () => {
          clock.clearTimeout(timer);
          deps.signal?.removeEventListener('abort', onAbort);
          wake = undefined;
          resolve();
        };
        wake = finish;
        // An abort that came while we were reading fired no event we could still hear.
        if (deps.signal?.aborted) return finish();
        deps.signal?.addEventListener('abort', onAbort, { once: true });
      });
      // The runtime may have recreated the file (rotation): follow the new one from its start.
      const now = await stat(path).catch(() => undefined);
      const cur = await f.stat();
      if (now && (now.ino !== cur.ino || now.size < pos)) {
        await f.close();
        f = await open(path, 'r');
        pos = 0;
        pending = Buffer.alloc(0);
        watcher?.close();
        watcher = undefined;
      }
    }
  } finally {
    watcher?.close();
    await f.close().catch(() => undefined);
  }
}
