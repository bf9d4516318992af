/**
 * Failure replies for streaming requests. Before an upgrade completes the client still speaks HTTP, and
 * kubectl prints the Status in the body (`error: error upgrading connection: <message>` or
 * `Error from server (<reason>): <message>`), so every refusal is a metav1.Status JSON body.
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Status } from '../../../apimachinery/meta.js';

/** Writes `status` as a complete HTTP/1.1 response on a raw (not yet upgraded) socket, then closes it. */
export function rejectUpgrade(socket: Duplex, status: Status, extraHeaders: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(status));
  const code = status.code ?? 500;
  const lines = [
    `HTTP/1.1 ${code} ${STATUS_CODES[code] ?? 'Error'}`,
    'Content-Type: application/json',
    `Content-Length: ${body.length}`,
    'Connection: close',
    ...Object.entries(extraHeaders).map(([k, v]) => `${k}: ${v}`),
  ];
  if (socket.destroyed) return;
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), body]));
}

/** Sends `status` on an ordinary response. */
export function replyStatus(res: ServerResponse, status: Status, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = Buffer.from(JSON.stringify(status));
  res.writeHead(status.code ?? 500, {
    'Content-Type': 'application/json',
    'Content-Length': String(body.length),
    ...extraHeaders,
  });
  res.end(body);
}
