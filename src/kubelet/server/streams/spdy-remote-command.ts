/**
 * Exec/attach over SPDY (kubectl ≤ 1.29, and newer ones with KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false): the
 * client opens one SPDY stream per standard stream, each named by its `streamType` header, and waits for each
 * SYN_REPLY before opening the next. The session starts once every expected stream is there.
 */
import type { Writable } from 'node:stream';
import { realClock, type Clock } from '../../../util/clock.js';
import { AsyncQueue } from './async-queue.js';
import { RemoteCommandProtocol, StreamHeader, StreamType } from './protocols.js';
import {
  discardWritable,
  emptyReadable,
  endAndFlush,
  ResizeDecoder,
  type RemoteCommandStreams,
  type StreamOptions,
  type TerminalSize,
} from './remote-command.js';
import type { SpdyConnection } from './spdy/connection.js';
import { RstStatus } from './spdy/frames.js';
import type { SpdyStream } from './spdy/stream.js';
import { encodeStatusForProtocol, type StreamStatus } from './status.js';

/** Creates the SPDY connection, routing every new stream to `onStream`. */
export type SpdyConnector = (onStream: (stream: SpdyStream) => void) => SpdyConnection;

/** Options for {@link collectSpdyExecStreams}. */
export interface SpdyExecOptions {
  /** How long to wait for all streams (upstream DefaultStreamCreationTimeout: 30 s). */
  streamCreationTimeoutMs?: number;
  clock?: Clock;
}

type Slot = 'error' | 'stdin' | 'stdout' | 'stderr' | 'resize';

/** Which streams the client will open for `opts` under `protocol` (resize exists from v3 on, with a TTY). */
export function expectedExecStreams(protocol: string, opts: StreamOptions): Set<Slot> {
  const want = new Set<Slot>([StreamType.ERROR]);
  if (opts.stdin) want.add(StreamType.STDIN);
  if (opts.stdout) want.add(StreamType.STDOUT);
  if (opts.stderr) want.add(StreamType.STDERR);
  const resizable = protocol === RemoteCommandProtocol.V3 || protocol === RemoteCommandProtocol.V4;
  if (opts.tty && resizable) want.add(StreamType.RESIZE);
  return want;
}

/**
 * Starts the SPDY session via `connect` and resolves with the exec/attach streams once the client has opened
 * (and been answered on) every expected stream. Rejects, after dropping the connection, when the streams do not
 * all arrive in time or the connection closes first.
 */
export function collectSpdyExecStreams(
  connect: SpdyConnector,
  protocol: string,
  opts: StreamOptions,
  options: SpdyExecOptions = {},
): Promise<RemoteCommandStreams> {
  const clock = options.clock ?? realClock;
  const want = expectedExecStreams(protocol, opts);
  const got = new Map<Slot, SpdyStream>();
  const replies: Promise<void>[] = [];

  return new Promise<RemoteCommandStreams>((resolve, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clock.clearTimeout(timer);
      conn.destroy();
      reject(err);
    };
    const conn = connect((stream) => {
      const type = stream.header(StreamHeader.STREAM_TYPE) as Slot;
      if (settled || !want.has(type) || got.has(type)) {
        stream.reset(RstStatus.REFUSED_STREAM);
        return;
      }
      got.set(type, stream);
      replies.push(stream.reply());
      if (got.size < want.size) return;
      settled = true;
      clock.clearTimeout(timer);
      void Promise.all(replies).then(() => resolve(buildStreams(conn, protocol, got)), reject);
    });
    const timer = clock.setTimeout(
      () => fail(new Error('timed out waiting for client to create streams')),
      options.streamCreationTimeoutMs ?? 30_000,
    );
    void conn.closed.then(() => fail(new Error('connection closed before all streams were created')));
  });
}

function buildStreams(conn: SpdyConnection, protocol: string, got: Map<Slot, SpdyStream>): RemoteCommandStreams {
  const abort = new AbortController();
  const resize = new AsyncQueue<TerminalSize>();
  const errorStream = got.get(StreamType.ERROR)!;
  const resizeStream = got.get(StreamType.RESIZE);
  if (resizeStream) {
    const decoder = new ResizeDecoder(resize);
    resizeStream.on('data', (chunk: Buffer) => decoder.write(chunk));
    resizeStream.on('end', () => resize.end());
  } else resize.end();
  // Nothing is ever read from the error stream; keep it flowing so a stray client write cannot stall reads.
  errorStream.resume();
  const stdinStream = got.get(StreamType.STDIN);
  if (stdinStream && protocol === RemoteCommandProtocol.V1) {
    // v1 clients expect the server to half-close stdin right away (upstream keeps this quirk).
    stdinStream.end();
  }
  let finished = false;
  void conn.closed.then(() => {
    resize.end();
    if (!finished) abort.abort(new Error('client closed the exec connection'));
  });
  const writer = (slot: Slot): Writable => got.get(slot) ?? discardWritable();

  return {
    protocol,
    stdin: stdinStream ?? emptyReadable(),
    stdout: writer(StreamType.STDOUT),
    stderr: writer(StreamType.STDERR),
    resize,
    signal: abort.signal,
    finish: async (status: StreamStatus) => {
      if (finished) return;
      finished = true;
      const out = [got.get(StreamType.STDOUT), got.get(StreamType.STDERR)].filter((s) => s !== undefined);
      await Promise.all(out.map((s) => endAndFlush(s)));
      const payload = encodeStatusForProtocol(protocol, status);
      if (payload && !errorStream.writableEnded) errorStream.write(payload);
      await endAndFlush(errorStream);
      resize.end();
      await conn.close();
    },
  };
}
