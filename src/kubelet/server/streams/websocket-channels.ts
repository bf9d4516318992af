/**
 * The server side of the `channel.k8s.io` family of WebSocket subprotocols (exec/attach).
 *
 * Every message carries one channel: its first byte is the channel number (0 stdin, 1 stdout, 2 stderr,
 * 3 error/status, 4 resize); the base64 variants send text messages whose first character is the channel
 * digit and whose rest is base64. v5 adds a CLOSE signal, `[255, channel]`, with which the client half-closes
 * a channel (`[255, 0]` = stdin EOF); before v5 stdin only ends with the connection.
 */
import type { IncomingMessage } from 'node:http';
import { Readable, Writable, type Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { badRequest } from '../../../apimachinery/errors.js';
import { realClock, type Clock } from '../../../util/clock.js';
import { AsyncQueue } from './async-queue.js';
import { rejectUpgrade } from './http-reply.js';
import { negotiateProtocol, offeredWebSocketProtocols, RemoteCommandProtocol } from './protocols.js';
import {
  discardWritable,
  emptyReadable,
  endAndFlush,
  ResizeDecoder,
  type RemoteCommandStreams,
  type StreamOptions,
  type TerminalSize,
} from './remote-command.js';
import { encodeStatusForProtocol, type StreamStatus } from './status.js';

/** Channel numbers. */
export const Channel = { STDIN: 0, STDOUT: 1, STDERR: 2, ERROR: 3, RESIZE: 4, CLOSE: 255 } as const;

/** WebSocket exec/attach subprotocols this server accepts (the client's order decides among them). */
export const WEBSOCKET_REMOTE_COMMAND_PROTOCOLS: readonly string[] = [
  RemoteCommandProtocol.V5,
  RemoteCommandProtocol.V4,
  RemoteCommandProtocol.V4_BASE64,
  RemoteCommandProtocol.V3,
  RemoteCommandProtocol.V2,
  RemoteCommandProtocol.V1,
  RemoteCommandProtocol.V1_BASE64,
];

/** Whether `protocol` sends base64 text messages instead of binary ones. */
export function isBase64Protocol(protocol: string): boolean {
  return protocol === RemoteCommandProtocol.V1_BASE64 || protocol === RemoteCommandProtocol.V4_BASE64;
}

/**
 * Picks the subprotocol for the offered list: `''` (plain binary channels, as upstream allows) when the client
 * offers none, `undefined` when it offers only unsupported ones.
 */
export function negotiateChannelProtocol(offered: readonly string[]): string | undefined {
  if (offered.length === 0) return '';
  return negotiateProtocol(offered, WEBSOCKET_REMOTE_COMMAND_PROTOCOLS);
}

/** Encodes `data` for `channel` as one WebSocket message of the protocol's kind. */
export function encodeChannelMessage(protocol: string, channel: number, data: Buffer): Buffer | string {
  if (isBase64Protocol(protocol)) return String.fromCharCode(48 + channel) + data.toString('base64');
  const msg = Buffer.allocUnsafe(data.length + 1);
  msg[0] = channel;
  data.copy(msg, 1);
  return msg;
}

/** Decodes one incoming message into its channel and payload, or `undefined` for an empty/garbled one. */
export function decodeChannelMessage(protocol: string, msg: Buffer): { channel: number; data: Buffer } | undefined {
  if (msg.length === 0) return undefined;
  if (isBase64Protocol(protocol)) {
    const channel = msg[0]! - 48;
    if (channel < 0 || channel > 9) return undefined;
    return { channel, data: Buffer.from(msg.subarray(1).toString('latin1'), 'base64') };
  }
  return { channel: msg[0]!, data: msg.subarray(1) };
}

/** Options for {@link upgradeToChannels} and {@link openChannelStreams}. */
export interface ChannelOptions {
  clock?: Clock;
  /** How long `finish` waits for the client's close frame before dropping the socket (default 5 s). */
  closeTimeoutMs?: number;
}

/**
 * Completes the WebSocket handshake of an exec/attach request on `socket` (from the HTTP server's `upgrade`
 * event) and opens the channels. Resolves `undefined` after answering 400 when no offered subprotocol is
 * supported: kubectl then falls back to SPDY.
 */
export function upgradeToChannels(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  opts: StreamOptions,
  options: ChannelOptions = {},
): Promise<RemoteCommandStreams | undefined> {
  const offered = offeredWebSocketProtocols(req);
  const protocol = negotiateChannelProtocol(offered);
  if (protocol === undefined) {
    rejectUpgrade(
      socket,
      badRequest(
        `requested protocol(s) are not supported: [${offered.join(' ')}]; supports [${WEBSOCKET_REMOTE_COMMAND_PROTOCOLS.join(' ')}]`,
      ).status,
    );
    return Promise.resolve(undefined);
  }
  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    handleProtocols: () => protocol || false,
  });
  return new Promise((resolve) => {
    wss.handleUpgrade(req, socket, head, (ws) => resolve(openChannelStreams(ws, protocol, opts, options)));
  });
}

/** Wraps an open WebSocket speaking `protocol` as the streams of one exec/attach session. */
export function openChannelStreams(
  ws: WebSocket,
  protocol: string,
  opts: StreamOptions,
  options: ChannelOptions = {},
): RemoteCommandStreams {
  const clock = options.clock ?? realClock;
  const abort = new AbortController();
  const resize = new AsyncQueue<TerminalSize>();
  const resizeDecoder = new ResizeDecoder(resize);
  let finished = false;

  const send = (channel: number, data: Buffer, cb: (err?: Error | null) => void) => {
    // A vanished client is not the producer's error: drop output, as upstream's ignored channels do.
    if (ws.readyState !== WebSocket.OPEN) return cb();
    ws.send(encodeChannelMessage(protocol, channel, data), { binary: !isBase64Protocol(protocol) }, () => cb());
  };
  const channelWriter = (channel: number) =>
    new Writable({ write: (chunk: Buffer, _enc, cb) => send(channel, chunk, cb) });

  const stdin = opts.stdin ? new Readable({ read: () => ws.resume() }) : emptyReadable();
  const stdout = opts.stdout ? channelWriter(Channel.STDOUT) : discardWritable();
  const stderr = opts.stderr ? channelWriter(Channel.STDERR) : discardWritable();
  const endStdin = () => {
    if (opts.stdin && !stdin.readableEnded) stdin.push(null);
  };

  ws.on('message', (raw: RawData) => {
    const msg = decodeChannelMessage(protocol, toBuffer(raw));
    if (!msg) return;
    if (msg.channel === Channel.STDIN && opts.stdin) {
      if (msg.data.length > 0 && !stdin.readableEnded && !stdin.push(msg.data)) ws.pause();
    } else if (msg.channel === Channel.RESIZE && opts.tty) {
      resizeDecoder.write(msg.data);
    } else if (msg.channel === Channel.CLOSE && protocol === RemoteCommandProtocol.V5) {
      if (msg.data[0] === Channel.STDIN) endStdin();
    }
  });
  ws.on('error', () => undefined);
  ws.on('close', () => {
    endStdin();
    resize.end();
    if (!finished) abort.abort(new Error('client closed the exec connection'));
  });

  // Upstream writes an empty message on the lowest writable channel so the client knows the session is up.
  const hello = opts.stdout ? Channel.STDOUT : opts.stderr ? Channel.STDERR : Channel.ERROR;
  send(hello, Buffer.alloc(0), () => undefined);

  const finish = async (status: StreamStatus): Promise<void> => {
    if (finished) return;
    finished = true;
    await Promise.all([endAndFlush(stdout), endAndFlush(stderr)]);
    const payload = encodeStatusForProtocol(protocol, status);
    if (payload) await new Promise<void>((resolve) => send(Channel.ERROR, payload, () => resolve()));
    resize.end();
    if (ws.readyState === WebSocket.OPEN) ws.close(1000);
    if (ws.readyState !== WebSocket.CLOSED) {
      const timer = clock.setTimeout(() => ws.terminate(), options.closeTimeoutMs ?? 5000);
      await new Promise<void>((resolve) => ws.once('close', () => resolve()));
      clock.clearTimeout(timer);
    }
  };

  return { protocol, stdin, stdout, stderr, resize, signal: abort.signal, finish };
}

function toBuffer(raw: RawData): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  if (Array.isArray(raw)) return Buffer.concat(raw);
  return Buffer.from(raw);
}
