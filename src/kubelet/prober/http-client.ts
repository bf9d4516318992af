/**
 * The one HTTP GET that probes and lifecycle hooks make, behaving like the kubelet's Go client: a fresh
 * connection per request, TLS without verification, redirects followed only while they stay on the first
 * request's host name, the body read up to a cap, one deadline for the whole exchange, and errors worded the
 * way Go words them (`Get "http://10.42.0.5:80/": dial tcp 10.42.0.5:80: connect: connection refused`).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Clock } from '../../util/clock.js';

/** A GET to send. `url` is absolute; headers use canonical names and may repeat. */
export interface HttpGetRequest {
  url: string;
  headers: readonly (readonly [string, string])[];
}

/** The response that ended the exchange (after any followed redirects), with its body cut to the cap. */
export interface HttpGetResponse {
  statusCode: number;
  body: string;
  /** True when the body was longer than the cap. */
  truncated: boolean;
  /** The URL this response came from. */
  url: string;
}

/**
 * A failed exchange. `phase` says whether it failed before a response arrived (`request`: the message is
 * Go's `url.Error`, `Get "<url>": <cause>`) or while reading the body (`body`: the bare cause).
 */
export class HttpGetError extends Error {
  override readonly name = 'HttpGetError';
  constructor(
    message: string,
    readonly phase: 'request' | 'body',
    readonly timedOut: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface HttpGetOptions {
  clock: Clock;
  /** Deadline for the whole exchange, redirects and body included (Go's Client.Timeout); 0 means none. */
  timeoutMs?: number;
  /** Body bytes kept; the rest is not read. Defaults to 10 KiB. */
  maxBodyBytes?: number;
  /** Aborts the exchange as a cancellation (not a timeout). */
  signal?: AbortSignal;
}

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

/**
 * Sends the GET and resolves with the final response, or rejects with an {@link HttpGetError}. A redirect to
 * another host name (the port does not count) is not followed: its 3xx response is returned, which probes
 * report as a warning. Safe to call concurrently; nothing is shared between calls.
 */
export async function httpGet(request: HttpGetRequest, options: HttpGetOptions): Promise<HttpGetResponse> {
  const maxBody = options.maxBodyBytes ?? 10 * 1024;
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    options.timeoutMs && options.timeoutMs > 0
      ? options.clock.setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, options.timeoutMs)
      : undefined;
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    const first = new URL(request.url);
    let current = first;
    let currentString = request.url;
    let headers = request.headers;
    for (let via = 0; ; via++) {
      let res: IncomingMessage;
      try {
        res = await sendOnce(current, headers, controller.signal);
      } catch (err) {
        const cause = timedOut
          ? 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)'
          : controller.signal.aborted
            ? 'context canceled'
            : goDialError(err, current);
        throw new HttpGetError(`Get ${JSON.stringify(currentString)}: ${cause}`, 'request', timedOut, { cause: err });
      }
      const location = res.headers.location;
      if (REDIRECT_CODES.has(res.statusCode ?? 0) && location) {
        let next: URL | undefined;
        try {
          next = new URL(location, current);
        } catch {
          next = undefined;
        }
        if (next && next.hostname === first.hostname) {
          res.destroy();
          if (via + 1 >= MAX_REDIRECTS) {
            throw new HttpGetError(`Get ${JSON.stringify(next.href)}: stopped after 10 redirects`, 'request', false);
          }
          // Go keeps a Host override only across relative redirects; an absolute Location names its own host.
          if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location)) headers = headers.filter(([k]) => k !== 'Host');
          current = next;
          currentString = next.href;
          continue;
        }
      }
      try {
        const { body, truncated } = await readBody(res, maxBody);
        return { statusCode: res.statusCode ?? 0, body, truncated, url: currentString };
      } catch (err) {
        const cause = timedOut
          ? 'context deadline exceeded (Client.Timeout or context cancellation while reading body)'
          : controller.signal.aborted
            ? 'context canceled'
            : err instanceof Error
              ? err.message
              : String(err);
        throw new HttpGetError(cause, 'body', timedOut, { cause: err });
      }
    }
  } finally {
    options.clock.clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

function sendOnce(
  url: URL,
  headers: readonly (readonly [string, string])[],
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const grouped = new Map<string, string[]>();
  for (const [k, v] of headers) grouped.set(k, [...(grouped.get(k) ?? []), v]);
  // Node wants a plain string for headers sent once (Host in particular); repeats go as an array.
  const headerObject: Record<string, string | string[]> = {};
  for (const [k, vs] of grouped) headerObject[k] = vs.length === 1 ? vs[0]! : vs;
  const common = {
    hostname,
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    path: `${url.pathname || '/'}${url.search}`,
    method: 'GET',
    headers: headerObject,
    // A fresh connection per probe, as the kubelet's transport disables keep-alives.
    agent: false as const,
    signal,
  };
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req =
      url.protocol === 'https:'
        ? https.request({
            ...common,
            // Probes do not verify certificates (upstream sets InsecureSkipVerify).
            rejectUnauthorized: false,
            servername: isIP(hostname) ? undefined : hostname,
          })
        : url.protocol === 'http:'
          ? http.request(common)
          : undefined;
    if (!req) {
      reject(new Error(`unsupported protocol scheme ${JSON.stringify(url.protocol.replace(/:$/, ''))}`));
      return;
    }
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

function readBody(res: IncomingMessage, maxBytes: number): Promise<{ body: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (truncated: boolean) => {
      if (done) return;
      done = true;
      const all = Buffer.concat(chunks);
      resolve({ body: all.subarray(0, maxBytes).toString('utf8'), truncated });
    };
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBytes) {
        // Stop reading: the rest of the body does not matter, and a huge body must not cost memory.
        finish(true);
        res.destroy();
      }
    });
    res.once('end', () => finish(false));
    res.once('error', (err) => {
      if (!done) {
        done = true;
        reject(err);
      }
    });
    res.once('close', () => {
      if (!done && !res.complete) {
        done = true;
        reject(new Error('unexpected EOF'));
      } else finish(false);
    });
  });
}

/** Go's wording for a failed dial or a broken exchange, from Node's system error. */
export function goDialError(err: unknown, url: URL): string {
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number; reason?: string };
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const port = e.port ?? (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);
  const address = e.address ?? hostname;
  const addr = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `dial tcp ${addr}: connect: connection refused`;
    case 'EHOSTUNREACH':
      return `dial tcp ${addr}: connect: no route to host`;
    case 'ENETUNREACH':
      return `dial tcp ${addr}: connect: network is unreachable`;
    case 'ETIMEDOUT':
      return `dial tcp ${addr}: i/o timeout`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `dial tcp: lookup ${hostname}: no such host`;
    case 'ECONNRESET':
      // Node calls a connection closed before any response "socket hang up"; Go reports it as EOF.
      return e.message === 'socket hang up' ? 'EOF' : 'read: connection reset by peer';
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return 'http: server gave HTTP response to HTTPS client';
    default:
      if (typeof e.message === 'string' && /wrong version number/i.test(e.message)) {
        return 'http: server gave HTTP response to HTTPS client';
      }
      return e.message ?? String(err);
  }
}
