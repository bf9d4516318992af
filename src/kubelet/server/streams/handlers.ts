/**
 * HTTP entry points for exec, attach and port-forward: each upgrades the request in whichever protocol the
 * client offered (WebSocket channels or SPDY/3.1 for exec/attach; SPDY, raw or tunnelled in WebSocket, for
 * port-forward) and runs the session. The kubelet's server and the API server's pod subresources call these
 * from their `upgrade` handlers; the command runner and the port dialer are injected, so containerd plugs in
 * later and tests use local processes and sockets.
 */
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Duplex, Readable, Writable } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { badRequest } from '../../../apimachinery/errors.js';
import type { Status } from '../../../apimachinery/meta.js';
import type { Clock } from '../../../util/clock.js';
import { silentLogger, type Logger } from '../../../util/log.js';
import { rejectUpgrade, replyStatus } from './http-reply.js';
import {
  HEADER_ACCEPTED_PROTOCOLS,
  HEADER_STREAM_PROTOCOL,
  headerTokens,
  isSpdyRequest,
  isWebSocketRequest,
  negotiateProtocol,
  offeredWebSocketProtocols,
  PORT_FORWARD_PROTOCOL,
  PORT_FORWARD_TUNNEL_PROTOCOL,
  SPDY_REMOTE_COMMAND_PROTOCOLS,
} from './protocols.js';
import { parseExecRequest, type ExecRequest, type RemoteCommandStreams, type TerminalSize } from './remote-command.js';
import { servePortForwardStreams, type PortDialer } from './spdy-port-forward.js';
import { collectSpdyExecStreams } from './spdy-remote-command.js';
import { SpdyConnection } from './spdy/connection.js';
import { acceptSpdyUpgrade } from './spdy/upgrade.js';
import { errorStatus, exitStatus, type StreamStatus } from './status.js';
import { upgradeToChannels } from './websocket-channels.js';
import { WebSocketTunnel } from './websocket-tunnel.js';

/** What to run, from the request's query. `command` is empty for attach. */
export interface ExecRunnerOptions {
  command: string[];
  stdin: boolean;
  tty: boolean;
  container: string;
}

/** The session's standard streams as the runner sees them (see {@link RemoteCommandStreams}). */
export interface ExecIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  resize: AsyncIterable<TerminalSize>;
  /** Aborts when the client disconnects before the command finished. */
  signal: AbortSignal;
}

/**
 * Runs a command (or attaches to a container) with the given streams and resolves with its exit code. The
 * runner should end `stdout`/`stderr` when the process's output ends (the session ends them anyway). A thrown
 * StatusError is sent to the client as is; any other error becomes InternalError.
 */
export type ExecRunner = (opts: ExecRunnerOptions, io: ExecIO) => Promise<{ exitCode: number }>;

/** Shared knobs of the handlers. */
export interface StreamHandlerOptions {
  /** Bytes the HTTP parser read past the request (the `head` argument of the `upgrade` event). */
  head?: Buffer;
  /** How long to wait for the client's streams after the upgrade (default 30 s). */
  streamCreationTimeoutMs?: number;
  clock?: Clock;
  logger?: Logger;
}

/** Options for {@link serveExec} and {@link serveAttach}. */
export interface ServeExecOptions extends StreamHandlerOptions {
  runner: ExecRunner;
}

/** Options for {@link servePortForward}. */
export interface ServePortForwardOptions extends StreamHandlerOptions {
  dial: PortDialer;
  /** Names the pod in forwarding errors. */
  podDescription?: string;
}

/**
 * Serves `…/exec?command=…&container=…&stdin=…&stdout=…&stderr=…&tty=…`. `socketOrRes` is the raw socket of an
 * `upgrade` event, or a ServerResponse for a request that arrived without one (answered 400, as upstream).
 * Resolves when the session is over; never rejects.
 */
export async function serveExec(
  req: IncomingMessage,
  socketOrRes: Duplex | ServerResponse,
  options: ServeExecOptions,
): Promise<void> {
  return serveRemoteCommand(req, socketOrRes, options, false);
}

/** Serves `…/attach`: the same protocols as exec, with an empty command (the runner attaches). */
export async function serveAttach(
  req: IncomingMessage,
  socketOrRes: Duplex | ServerResponse,
  options: ServeExecOptions,
): Promise<void> {
  return serveRemoteCommand(req, socketOrRes, options, true);
}

async function serveRemoteCommand(
  req: IncomingMessage,
  socketOrRes: Duplex | ServerResponse,
  options: ServeExecOptions,
  attach: boolean,
): Promise<void> {
  const logger = options.logger ?? silentLogger;
  let execReq: ExecRequest;
  try {
    execReq = parseExecRequest(new URL(req.url ?? '/', 'http://localhost'));
  } catch (err) {
    return refuse(socketOrRes, badRequest((err as Error).message).status);
  }
  if (attach) execReq.command = [];
  if (socketOrRes instanceof ServerResponse) return refuse(socketOrRes, badRequest('Upgrade request required').status);
  const socket = socketOrRes;
  const head = options.head ?? Buffer.alloc(0);

  let streams: RemoteCommandStreams | undefined;
  if (isWebSocketRequest(req)) {
    streams = await upgradeToChannels(req, socket, head, execReq, { clock: options.clock });
  } else if (isSpdyRequest(req)) {
    const protocol = spdyHandshake(req, socket, SPDY_REMOTE_COMMAND_PROTOCOLS);
    if (protocol === undefined) return;
    try {
      streams = await collectSpdyExecStreams(
        (onStream) => acceptSpdyUpgrade(socket, head, protocol, { onStream, clock: options.clock, logger }),
        protocol,
        execReq,
        { clock: options.clock, streamCreationTimeoutMs: options.streamCreationTimeoutMs },
      );
    } catch (err) {
      logger.info('exec streams were not created', { err });
      return;
    }
  } else {
    return refuse(socket, badRequest('Upgrade request required').status);
  }
  if (!streams) return;

  const { command, stdin, tty, container } = execReq;
  let status: StreamStatus;
  try {
    const { exitCode } = await options.runner(
      { command, stdin, tty, container },
      {
        stdin: streams.stdin,
        stdout: streams.stdout,
        stderr: streams.stderr,
        resize: streams.resize,
        signal: streams.signal,
      },
    );
    status = exitStatus(exitCode, command);
  } catch (err) {
    logger.info('exec runner failed', { err });
    status = errorStatus(err);
  }
  await streams.finish(status);
}

/**
 * Serves `…/portforward` (no query: kubectl names ports per stream). WebSocket requests must offer
 * `SPDY/3.1+portforward.k8s.io`; the SPDY session then runs inside binary messages. Resolves when the
 * connection has closed; never rejects.
 */
export async function servePortForward(
  req: IncomingMessage,
  socketOrRes: Duplex | ServerResponse,
  options: ServePortForwardOptions,
): Promise<void> {
  const logger = options.logger ?? silentLogger;
  if (socketOrRes instanceof ServerResponse) return refuse(socketOrRes, badRequest('Upgrade request required').status);
  const socket = socketOrRes;
  const head = options.head ?? Buffer.alloc(0);
  const forwardOptions = {
    dial: options.dial,
    podDescription: options.podDescription,
    clock: options.clock,
    logger,
    streamCreationTimeoutMs: options.streamCreationTimeoutMs,
  };

  let conn: SpdyConnection;
  if (isWebSocketRequest(req)) {
    const offered = offeredWebSocketProtocols(req);
    if (!offered.includes(PORT_FORWARD_TUNNEL_PROTOCOL)) {
      return refuse(
        socket,
        badRequest(
          `requested protocol(s) are not supported: [${offered.join(' ')}]; supports [${PORT_FORWARD_TUNNEL_PROTOCOL}]`,
        ).status,
      );
    }
    // `ws` rejects the offer outright: "SPDY/3.1+portforward.k8s.io" contains '/', which is not an RFC 7230
    // token character. Negotiate it ourselves: hide the header from `ws` and add the answer to the 101.
    delete req.headers['sec-websocket-protocol'];
    const wss = new WebSocketServer({ noServer: true, clientTracking: false, perMessageDeflate: false });
    wss.on('headers', (headers: string[]) => headers.push(`Sec-WebSocket-Protocol: ${PORT_FORWARD_TUNNEL_PROTOCOL}`));
    const ws = await new Promise<WebSocket>((resolve) => wss.handleUpgrade(req, socket, head, resolve));
    const tunnel = new WebSocketTunnel(ws);
    conn = servePortForwardStreams(
      (onStream) => new SpdyConnection(tunnel, { onStream, clock: options.clock, logger }),
      forwardOptions,
    );
  } else if (isSpdyRequest(req)) {
    const protocol = spdyHandshake(req, socket, [PORT_FORWARD_PROTOCOL]);
    if (protocol === undefined) return;
    conn = servePortForwardStreams(
      (onStream) => acceptSpdyUpgrade(socket, head, protocol, { onStream, clock: options.clock, logger }),
      forwardOptions,
    );
  } else {
    return refuse(socket, badRequest('Upgrade request required').status);
  }
  await conn.closed;
}

/**
 * Negotiates `X-Stream-Protocol-Version` like upstream's httpstream.Handshake; on failure answers the client
 * (400 when the header is missing, 403 with the accepted list when nothing matches) and returns `undefined`.
 */
function spdyHandshake(req: IncomingMessage, socket: Duplex, supported: readonly string[]): string | undefined {
  const offered = headerTokens(req, HEADER_STREAM_PROTOCOL);
  if (offered.length === 0) {
    rejectUpgrade(socket, badRequest('unable to upgrade: X-Stream-Protocol-Version is required').status);
    return undefined;
  }
  const protocol = negotiateProtocol(offered, supported);
  if (protocol === undefined) {
    const message = `unable to upgrade: unable to negotiate protocol: client supports [${offered.join(' ')}], server accepts [${supported.join(' ')}]`;
    rejectUpgrade(socket, forbiddenStatus(message), { [headerCase(HEADER_ACCEPTED_PROTOCOLS)]: supported.join(', ') });
    return undefined;
  }
  return protocol;
}

function forbiddenStatus(message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', code: 403 };
}

function headerCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

function refuse(target: Duplex | ServerResponse, status: Status): void {
  if (target instanceof ServerResponse) replyStatus(target, status);
  else rejectUpgrade(target, status);
}
