import type { Duplex } from 'node:stream';
import { SpdyConnection, type SpdyConnectionOptions } from './connection.js';

/**
 * Switches a raw socket (from the HTTP server's `upgrade` event) to SPDY/3.1: writes the 101 response the Go
 * client checks for (`Connection: Upgrade`, `Upgrade: SPDY/3.1`, and the negotiated
 * `X-Stream-Protocol-Version` when there is one), then starts a server {@link SpdyConnection} on the socket.
 * `head` holds bytes the HTTP parser read past the request; they are already SPDY frames.
 */
export function acceptSpdyUpgrade(
  socket: Duplex,
  head: Buffer,
  protocol: string | undefined,
  options: SpdyConnectionOptions,
): SpdyConnection {
  const lines = ['HTTP/1.1 101 Switching Protocols', 'Connection: Upgrade', 'Upgrade: SPDY/3.1'];
  if (protocol) lines.push(`X-Stream-Protocol-Version: ${protocol}`);
  socket.write(lines.join('\r\n') + '\r\n\r\n');
  if (head.length > 0) socket.unshift(head);
  // Streams can live for hours (port-forward, interactive shells); the HTTP server's timeouts must not apply.
  const net = socket as Duplex & { setTimeout?: (ms: number) => void; setNoDelay?: (v: boolean) => void };
  net.setTimeout?.(0);
  net.setNoDelay?.(true);
  return new SpdyConnection(socket, options);
}
