/**
 * The contract between the streaming protocols (WebSocket channels, SPDY streams) and whatever runs the
 * command (containerd via CRI in the kubelet, a child process in tests).
 */
import { PassThrough, Readable, Writable } from 'node:stream';
import { AsyncQueue } from './async-queue.js';
import type { StreamStatus } from './status.js';

/** A terminal size as kubectl sends it on the resize stream. */
export interface TerminalSize {
  width: number;
  height: number;
}

/**
 * The streams of one exec/attach session, whatever the wire protocol.
 *
 * - `stdin` ends when the client signals EOF (v5 CLOSE, SPDY FIN) or the connection goes away; it is an
 *   already-ended stream when stdin was not requested.
 * - `stdout`/`stderr` discard writes when the client did not ask for them (upstream's "ignore" channels).
 * - `resize` yields sizes in arrival order and ends with the session.
 * - `finish` must be called exactly once: it waits for stdout/stderr to flush, sends `status` on the error
 *   stream in the negotiated protocol's format, and closes the connection. Later calls are no-ops.
 * - `signal` aborts when the client goes away before `finish`, so a runner can stop the process.
 */
export interface RemoteCommandStreams {
  /** The negotiated protocol, e.g. `v5.channel.k8s.io`. */
  readonly protocol: string;
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly resize: AsyncIterable<TerminalSize>;
  readonly signal: AbortSignal;
  finish(status: StreamStatus): Promise<void>;
}

/** What the client asked for, from the exec/attach query (`stdin`, `stdout`, `stderr`, `tty`: `true` or `1`). */
export interface StreamOptions {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

/** The exec/attach request parameters. */
export interface ExecRequest extends StreamOptions {
  command: string[];
  container: string;
}

/**
 * Parses the exec/attach query string. As in the kubelet, a TTY merges stderr into stdout, so `stderr` is
 * dropped when `tty` is set. Throws when no stream at all was requested.
 */
export function parseExecRequest(url: URL): ExecRequest {
  const flag = (name: string) => {
    const v = url.searchParams.get(name);
    return v === 'true' || v === '1';
  };
  const tty = flag('tty');
  const req: ExecRequest = {
    command: url.searchParams.getAll('command'),
    container: url.searchParams.get('container') ?? '',
    stdin: flag('stdin'),
    stdout: flag('stdout'),
    stderr: flag('stderr') && !tty,
    tty,
  };
  if (!req.stdin && !req.stdout && !req.stderr) {
    throw new Error('you must specify at least 1 of stdin, stdout, stderr');
  }
  return req;
}

/** A stream that swallows everything written to it. */
export function discardWritable(): Writable {
  return new Writable({ write: (_chunk, _enc, cb) => cb() });
}

/** Ends `w` (unless already ended) and resolves once everything written has been flushed. */
export function endAndFlush(w: Writable): Promise<void> {
  if (w.writableFinished || w.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => resolve();
    w.once('finish', done);
    w.once('close', done);
    w.once('error', done);
    if (!w.writableEnded) w.end();
  });
}

/** An already-ended readable, for a session without stdin. */
export function emptyReadable(): Readable {
  const r = new PassThrough();
  r.end();
  return r;
}

/**
 * Decodes the resize stream: a sequence of JSON objects `{"Width":W,"Height":H}` (Go's TerminalSize without
 * JSON tags, each followed by a newline from json.Encoder) split arbitrarily across chunks. Objects are framed
 * by brace depth; they never contain strings, so no quoting needs tracking.
 */
export class ResizeDecoder {
  private pending = '';

  constructor(private readonly out: AsyncQueue<TerminalSize>) {}

  /** Feeds bytes; complete objects are pushed to the queue, malformed ones skipped. */
  write(chunk: Buffer | string): void {
    this.pending += chunk.toString();
    let depth = 0;
    let start = -1;
    let consumed = 0;
    for (let i = 0; i < this.pending.length; i++) {
      const c = this.pending[i];
      if (c === '{') {
        if (depth === 0) start = i;
        depth++;
      } else if (c === '}' && depth > 0) {
        depth--;
        if (depth === 0) {
          this.emit(this.pending.slice(start, i + 1));
          consumed = i + 1;
        }
      }
    }
    this.pending = depth === 0 ? '' : this.pending.slice(Math.max(consumed, start));
  }

  private emit(json: string): void {
    try {
      const v = JSON.parse(json) as Record<string, unknown>;
      const width = Number(v.Width ?? v.width);
      const height = Number(v.Height ?? v.height);
      if (Number.isFinite(width) && Number.isFinite(height)) this.out.push({ width, height });
    } catch {
      // A garbled size is dropped; the next one still applies (upstream stops reading instead).
    }
  }
}
