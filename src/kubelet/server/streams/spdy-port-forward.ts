/**
 * Port-forward over SPDY (all kubectl versions; inside a WebSocket tunnel for 1.31+). For every local
 * connection the client opens two streams with the same `port` and `requestID` headers: first `error`
 * (which it half-closes at once and reads until EOF), then `data`. The server pairs them, dials the port and
 * copies bytes both ways; when the backend is done it half-closes `data` and then `error` (kubectl waits for
 * the error stream's EOF before it finishes the local connection). A failure is reported as text on `error`.
 */
import type { Duplex } from 'node:stream';
import { realClock, type Clock, type ClockTimer } from '../../../util/clock.js';
import { silentLogger, type Logger } from '../../../util/log.js';
import { StreamHeader, StreamType } from './protocols.js';
import type { SpdyConnector } from './spdy-remote-command.js';
import type { SpdyConnection } from './spdy/connection.js';
import { RstStatus } from './spdy/frames.js';
import type { SpdyStream } from './spdy/stream.js';

/** Opens a connection to `port` inside the pod's network namespace (a TCP socket in production). */
export type PortDialer = (port: number) => Duplex | Promise<Duplex>;

/** Options for {@link servePortForwardStreams}. */
export interface PortForwardOptions {
  dial: PortDialer;
  /** Names the pod in error messages, upstream style: `error forwarding port 80 to pod <podDescription>: …`. */
  podDescription?: string;
  /** How long a request may wait for its second stream (default 30 s). */
  streamCreationTimeoutMs?: number;
  clock?: Clock;
  logger?: Logger;
}

interface StreamPair {
  requestId: string;
  data?: SpdyStream;
  error?: SpdyStream;
  timer?: ClockTimer;
}

/**
 * Checks a new stream's headers as the kubelet does; returns the problem, or `undefined` if it is valid.
 */
export function validatePortForwardStream(stream: SpdyStream): string | undefined {
  const portString = stream.header(StreamHeader.PORT);
  if (!portString) return `"port" header is required`;
  const port = Number(portString);
  if (!/^\d+$/.test(portString) || port > 65535) return `unable to parse "${portString}" as a port`;
  if (port < 1) return `port "${portString}" must be > 0`;
  const type = stream.header(StreamHeader.STREAM_TYPE);
  if (!type) return `"streamType" header is required`;
  if (type !== StreamType.ERROR && type !== StreamType.DATA) return `invalid stream type "${type}"`;
  return undefined;
}

/**
 * The request a stream belongs to. Very old clients sent no `requestID`; like the kubelet, derive one from the
 * stream id (error and data streams of one request are consecutive odd ids).
 */
export function portForwardRequestId(stream: SpdyStream): string {
  const id = stream.header(StreamHeader.REQUEST_ID);
  if (id) return id;
  return String(stream.header(StreamHeader.STREAM_TYPE) === StreamType.DATA ? stream.id - 2 : stream.id);
}

/** Starts a port-forward session via `connect`; every stream pair is forwarded until the connection closes. */
export function servePortForwardStreams(connect: SpdyConnector, options: PortForwardOptions): SpdyConnection {
  const clock = options.clock ?? realClock;
  const logger = options.logger ?? silentLogger;
  const pairs = new Map<string, StreamPair>();

  const onStream = (stream: SpdyStream) => {
    const problem = validatePortForwardStream(stream);
    if (problem) {
      logger.debug('refusing port-forward stream', { problem });
      stream.reset(RstStatus.PROTOCOL_ERROR);
      return;
    }
    void stream.reply();
    const requestId = portForwardRequestId(stream);
    let pair = pairs.get(requestId);
    if (!pair) {
      const created: StreamPair = { requestId };
      created.timer = clock.setTimeout(() => {
        pairs.delete(requestId);
        failPair(created, `(request=${requestId}) timed out waiting for streams`);
      }, options.streamCreationTimeoutMs ?? 30_000);
      pairs.set(requestId, created);
      pair = created;
    }
    const slot = stream.header(StreamHeader.STREAM_TYPE) === StreamType.DATA ? 'data' : 'error';
    if (pair[slot]) {
      const msg = `error processing stream for request ${requestId}: ${slot} stream already assigned`;
      pair.error?.write(msg);
      stream.reset(RstStatus.PROTOCOL_ERROR);
      return;
    }
    pair[slot] = stream;
    if (pair.data && pair.error) {
      clock.clearTimeout(pair.timer);
      pairs.delete(requestId);
      void forward(pair.data, pair.error, options, logger);
    }
  };
  const conn = connect(onStream);
  void conn.closed.then(() => {
    for (const p of pairs.values()) clock.clearTimeout(p.timer);
    pairs.clear();
  });
  return conn;
}

function failPair(pair: StreamPair, message: string): void {
  if (pair.error) pair.error.end(message);
  pair.data?.reset(RstStatus.CANCEL);
}

async function forward(
  data: SpdyStream,
  error: SpdyStream,
  options: PortForwardOptions,
  logger: Logger,
): Promise<void> {
  const port = Number(data.header(StreamHeader.PORT));
  // kubectl never writes on the error stream; drain it so its FIN is seen.
  error.resume();
  const fail = (err: unknown) => {
    const target = options.podDescription ? ` to pod ${options.podDescription}` : '';
    const msg = `error forwarding port ${port}${target}: ${err instanceof Error ? err.message : String(err)}`;
    logger.debug('port-forward failed', { port, err });
    if (!error.writableEnded) error.end(msg);
    if (!data.writableEnded) data.end();
  };
  let backend: Duplex;
  try {
    backend = await options.dial(port);
  } catch (err) {
    fail(err);
    return;
  }
  let failed = false;
  backend.on('error', (err) => {
    failed = true;
    fail(err);
  });
  data.on('reset', () => backend.destroy());
  backend.pipe(data);
  data.pipe(backend);
  backend.once('close', () => {
    if (failed) return;
    if (!data.writableEnded) data.end();
    if (!error.writableEnded) error.end();
  });
}
