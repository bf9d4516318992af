/**
 * Names and negotiation rules shared by the exec/attach/port-forward streaming protocols (upstream:
 * k8s.io/apimachinery/pkg/util/remotecommand, util/portforward, util/httpstream).
 */
import type { IncomingMessage } from 'node:http';

/** The SPDY upgrade token. */
export const SPDY_31 = 'SPDY/3.1';
/** Request header listing the stream protocols a SPDY client offers; the 101 response echoes the choice. */
export const HEADER_STREAM_PROTOCOL = 'x-stream-protocol-version';
/** Response header listing what the server accepts, sent when negotiation fails. */
export const HEADER_ACCEPTED_PROTOCOLS = 'x-accepted-stream-protocol-versions';

/** Remote command (exec/attach) protocol names. v5 exists only over WebSocket (it adds the CLOSE signal). */
export const RemoteCommandProtocol = {
  V1: 'channel.k8s.io',
  V2: 'v2.channel.k8s.io',
  V3: 'v3.channel.k8s.io',
  V4: 'v4.channel.k8s.io',
  V5: 'v5.channel.k8s.io',
  V1_BASE64: 'base64.channel.k8s.io',
  V4_BASE64: 'v4.base64.channel.k8s.io',
} as const;

/** Exec/attach protocols served over SPDY, most preferred first (the kubelet's list). */
export const SPDY_REMOTE_COMMAND_PROTOCOLS: readonly string[] = [
  RemoteCommandProtocol.V4,
  RemoteCommandProtocol.V3,
  RemoteCommandProtocol.V2,
  RemoteCommandProtocol.V1,
];

/** The port-forward SPDY protocol. */
export const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';
/** Prefix kubectl 1.31+ puts on a SPDY protocol to ask for SPDY tunnelled in WebSocket binary messages. */
export const SPDY_TUNNEL_PREFIX = 'SPDY/3.1+';
/** The WebSocket subprotocol of tunnelled port-forward. */
export const PORT_FORWARD_TUNNEL_PROTOCOL = SPDY_TUNNEL_PREFIX + PORT_FORWARD_PROTOCOL;

/** SPDY stream header names (lowercase, as on the wire) and values. */
export const StreamHeader = { STREAM_TYPE: 'streamtype', PORT: 'port', REQUEST_ID: 'requestid' } as const;
export const StreamType = {
  ERROR: 'error',
  STDIN: 'stdin',
  STDOUT: 'stdout',
  STDERR: 'stderr',
  RESIZE: 'resize',
  DATA: 'data',
} as const;

/** Splits every occurrence of a comma-separated header into trimmed, non-empty tokens. */
export function headerTokens(req: IncomingMessage, name: string): string[] {
  const raw = req.headersDistinct[name.toLowerCase()] ?? [];
  return raw
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** The WebSocket subprotocols a request offers, in the client's order. */
export function offeredWebSocketProtocols(req: IncomingMessage): string[] {
  return headerTokens(req, 'sec-websocket-protocol');
}

/**
 * Picks the protocol to speak: the first one the client offers that the server supports (the client's
 * preference wins, as in upstream's httpstream.Handshake). `undefined` when nothing matches.
 */
export function negotiateProtocol(offered: readonly string[], supported: readonly string[]): string | undefined {
  return offered.find((p) => supported.includes(p));
}

/** Whether the request asks to upgrade to WebSocket. */
export function isWebSocketRequest(req: IncomingMessage): boolean {
  return hasToken(req, 'upgrade', 'websocket') && hasToken(req, 'connection', 'upgrade');
}

/** Whether the request asks to upgrade to SPDY/3.1. */
export function isSpdyRequest(req: IncomingMessage): boolean {
  return hasToken(req, 'upgrade', SPDY_31) && hasToken(req, 'connection', 'upgrade');
}

function hasToken(req: IncomingMessage, header: string, token: string): boolean {
  return headerTokens(req, header).some((t) => t.toLowerCase() === token.toLowerCase());
}
