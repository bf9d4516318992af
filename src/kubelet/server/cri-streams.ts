/**
 * The client side of the runtime's streaming server (containerd's, from CRI Exec/Attach/PortForward): the
 * WebSocket `v4.channel.k8s.io` protocol. Every message's first byte is the channel.
 *
 * - exec/attach: 0 stdin, 1 stdout, 2 stderr, 3 error (a metav1.Status, also on success), 4 resize. v4 has no
 *   way to close stdin alone, so sessions with stdin go over SPDY instead (spdy-client.ts).
 * - port-forward (`?port=N`): per requested port a data channel (2i) and an error channel (2i+1); the server
 *   starts each channel with the port as 2 little-endian bytes, which are not payload.
 */
import { Duplex } from 'node:stream';
import { WebSocket, type RawData } from 'ws';
import { fromStatus } from '../../apimachinery/errors.js';
import type { Status } from '../../apimachinery/meta.js';
import type { ExecIO } from './streams/handlers.js';
import { EXIT_CODE_CAUSE_TYPE, NON_ZERO_EXIT_CODE_REASON } from './streams/status.js';

export const V4_CHANNEL_PROTOCOL = 'v4.channel.k8s.io';

/** `http://127.0.0.1:1234/exec/tok` → `ws://127.0.0.1:1234/exec/tok`. */
export function toWebSocketUrl(url: string): string {
  return url.replace(/^http(s?):\/\//, 'ws$1://');
}

function rawToBuffer(raw: RawData): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  if (Array.isArray(raw)) return Buffer.concat(raw);
  return Buffer.from(raw);
}

/**
 * An open channel WebSocket that keeps the messages and the close that arrive before anyone listens: the
 * server may send its first messages (port prefixes, fast output) in the same packet as the handshake, and
 * `ws` emits them right after 'open', before an awaiting caller could attach a listener.
 */
export class ChannelConnection {
  private buffered: Buffer[] = [];
  private handler: ((msg: Buffer) => void) | undefined;
  private closed = false;
  private readonly closeHandlers: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (raw: RawData) => {
      const msg = rawToBuffer(raw);
      if (this.handler) this.handler(msg);
      else this.buffered.push(msg);
    });
    ws.on('error', () => undefined); // 'close' follows every error
    ws.on('close', () => {
      this.closed = true;
      for (const h of this.closeHandlers.splice(0)) h();
    });
  }

  /** Delivers buffered messages at once, then every later one. One handler only. */
  onMessage(fn: (msg: Buffer) => void): void {
    this.handler = fn;
    for (const m of this.buffered.splice(0)) fn(m);
  }

  /** Runs `fn` once the connection closed (at once when it already has). */
  onClose(fn: () => void): void {
    if (this.closed) queueMicrotask(fn);
    else this.closeHandlers.push(fn);
  }
}

/** Opens a channel WebSocket; rejects when the handshake fails (with the server's answer when it sent one). */
export function connectChannels(url: string, signal?: AbortSignal): Promise<ChannelConnection> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(toWebSocketUrl(url), [V4_CHANNEL_PROTOCOL], {
      perMessageDeflate: false,
      handshakeTimeout: 30_000,
    });
    const conn = new ChannelConnection(ws);
    const onAbort = () => ws.terminate();
    signal?.addEventListener('abort', onAbort, { once: true });
    ws.once('open', () => {
      signal?.removeEventListener('abort', onAbort);
      resolve(conn);
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => reject(new Error(`streaming server answered ${res.statusCode}: ${body.trim()}`)));
      res.on('error', reject);
    });
    ws.once('error', (err) => reject(err));
  });
}

/**
 * The exit code a finished session's Status means: 0 for Success, N for NonZeroExitCode with an ExitCode
 * cause; any other failure is thrown as a StatusError (the handler passes it on to the client).
 */
export function exitCodeFromStatus(status: Status | undefined): number {
  if (!status || status.status === 'Success') return 0;
  if ((status.reason as string | undefined) === NON_ZERO_EXIT_CODE_REASON) {
    const cause = status.details?.causes?.find((c) => c.reason === EXIT_CODE_CAUSE_TYPE);
    const code = Number(cause?.message);
    if (Number.isInteger(code)) return code;
  }
  throw fromStatus({ ...status, kind: 'Status', apiVersion: 'v1', metadata: status.metadata ?? {} });
}

/** Encodes `data` for `channel`. */
function channelMessage(channel: number, data: Buffer | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  const msg = Buffer.allocUnsafe(body.length + 1);
  msg[0] = channel;
  body.copy(msg, 1);
  return msg;
}

/**
 * Runs one exec/attach session over an open v4 channel WebSocket: copies stdin (when `stdin`), resize
 * events, stdout and stderr, and resolves with the exit code when the server closes the connection.
 */
export function runChannelSession(
  conn: ChannelConnection,
  io: ExecIO,
  opts: { stdin: boolean },
): Promise<{ exitCode: number }> {
  const { ws } = conn;
  return new Promise((resolve, reject) => {
    const statusParts: Buffer[] = [];
    conn.onMessage((msg) => {
      if (msg.length < 1) return;
      const data = msg.subarray(1);
      if (data.length === 0) return; // the server opens each channel with an empty message
      switch (msg[0]) {
        case 1:
          io.stdout.write(data);
          break;
        case 2:
          io.stderr.write(data);
          break;
        case 3:
          statusParts.push(Buffer.from(data));
          break;
      }
    });
    const onAbort = () => ws.terminate();
    io.signal.addEventListener('abort', onAbort, { once: true });
    const onStdin = (chunk: Buffer) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(channelMessage(0, chunk));
    };
    if (opts.stdin) io.stdin.on('data', onStdin);
    void (async () => {
      for await (const size of io.resize) {
        if (ws.readyState !== WebSocket.OPEN) break;
        ws.send(channelMessage(4, JSON.stringify({ Width: size.width, Height: size.height })));
      }
    })().catch(() => undefined);
    conn.onClose(() => {
      io.signal.removeEventListener('abort', onAbort);
      io.stdin.off('data', onStdin);
      if (io.signal.aborted) return resolve({ exitCode: 0 });
      let status: Status | undefined;
      if (statusParts.length > 0) {
        try {
          status = JSON.parse(Buffer.concat(statusParts).toString()) as Status;
        } catch {
          return reject(
            new Error(`unparsable status from the streaming server: ${Buffer.concat(statusParts).toString()}`),
          );
        }
      }
      try {
        resolve({ exitCode: exitCodeFromStatus(status) });
      } catch (err) {
        reject(err as Error);
      }
    });
  });
}

/**
 * A TCP connection to one port inside the pod, carried on a port-forward WebSocket opened with `?port=N`
 * (one port per connection: channel 0 data, channel 1 error). Data and error channels each start with the
 * 2-byte port. Text on the error channel fails the stream with that text; the WebSocket closing ends it.
 * v4 cannot half-close: ending our side is deferred until the server closes.
 */
export class PortForwardChannelStream extends Duplex {
  private prefixLeft = [2, 2];
  private errorText = '';

  private readonly ws: WebSocket;

  constructor(conn: ChannelConnection) {
    super({ allowHalfOpen: true });
    const ws = conn.ws;
    this.ws = ws;
    conn.onMessage((msg) => {
      if (msg.length < 1) return;
      const channel = msg[0]!;
      if (channel > 1) return;
      let data = msg.subarray(1);
      const skip = Math.min(this.prefixLeft[channel]!, data.length);
      this.prefixLeft[channel]! -= skip;
      data = data.subarray(skip);
      if (data.length === 0) return;
      if (channel === 0) {
        if (!this.push(Buffer.from(data))) ws.pause();
      } else {
        this.errorText += data.toString();
      }
    });
    conn.onClose(() => {
      if (this.errorText) {
        this.destroy(new Error(this.errorText.trim()));
        return;
      }
      this.push(null);
      if (this.writableEnded || this.writableFinished) this.destroy();
      else this.end();
    });
  }

  override _read(): void {
    this.ws.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.ws.readyState !== WebSocket.OPEN) return cb();
    this.ws.send(channelMessage(0, chunk), (err) => cb(err ?? null));
  }

  override _final(cb: (err?: Error | null) => void): void {
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (this.ws.readyState !== WebSocket.CLOSED) this.ws.terminate();
    cb(err);
  }
}

/** Opens a port-forward stream to `port` at a runtime streaming URL (from CRI PortForward). */
export async function dialPortForward(
  url: string,
  port: number,
  signal?: AbortSignal,
): Promise<PortForwardChannelStream> {
  const u = new URL(toWebSocketUrl(url));
  u.searchParams.set('port', String(port));
  return new PortForwardChannelStream(await connectChannels(u.toString(), signal));
}
