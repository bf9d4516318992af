/**
 * The HTTP layer under the REST client: one keep-alive agent per client, TLS material and bearer token taken
 * from a {@link RestConfig}. It only moves bytes; status handling, retries and rate limiting live above it.
 */
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import type { RestConfig } from './config.js';

/** One HTTP request as the REST client sends it. */
export interface HttpRequest {
  method: string;
  /** Path under the server URL's own path, starting with `/`. */
  path: string;
  query?: URLSearchParams;
  headers?: Record<string, string>;
  body?: Buffer;
  signal?: AbortSignal;
  /** Abort if no response headers (and, for non-streams, no full body) arrive within this many ms. */
  timeoutMs?: number;
}

/** A response whose body is still a stream (watches read it incrementally). */
export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body stream (an IncomingMessage for real responses). Destroy it to drop the connection. */
  body: Readable;
}

/**
 * Sends requests to one server. Contract: requests may run concurrently and share pooled connections;
 * `close()` destroys idle and active sockets, after which requests fail.
 */
export interface Transport {
  send(req: HttpRequest): Promise<HttpResponse>;
  close(): void;
}

/** A {@link Transport} over Node's http/https modules. */
export class NodeTransport implements Transport {
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly mod: typeof http | typeof https;
  private readonly auth: string | undefined;

  constructor(config: RestConfig) {
    this.base = new URL(config.server);
    const secure = this.base.protocol === 'https:';
    if (!secure && this.base.protocol !== 'http:') throw new Error(`unsupported server scheme ${this.base.protocol}`);
    this.mod = secure ? https : http;
    this.agent = secure
      ? new https.Agent({
          keepAlive: true,
          ca: config.ca,
          cert: config.cert,
          key: config.key,
          rejectUnauthorized: !config.insecureSkipTLSVerify,
          servername: config.tlsServerName,
        })
      : new http.Agent({ keepAlive: true });
    this.auth = config.bearerToken ? `Bearer ${config.bearerToken}` : undefined;
  }

  send(req: HttpRequest): Promise<HttpResponse> {
    const prefix = this.base.pathname.replace(/\/+$/, '');
    const qs = req.query?.toString();
    const path = `${prefix}${req.path}${qs ? `?${qs}` : ''}`;
    const headers: Record<string, string> = { ...req.headers };
    if (this.auth && !headers.Authorization) headers.Authorization = this.auth;
    if (req.body) headers['Content-Length'] = String(req.body.length);
    return new Promise<HttpResponse>((resolve, reject) => {
      const r = this.mod.request(
        {
          protocol: this.base.protocol,
          hostname: this.base.hostname.replace(/^\[|\]$/g, ''),
          port: this.base.port || undefined,
          method: req.method,
          path,
          headers,
          agent: this.agent,
          signal: req.signal,
          timeout: req.timeoutMs || undefined,
        },
        (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res }),
      );
      r.on('timeout', () => r.destroy(new Error(`request timed out after ${req.timeoutMs} ms: ${req.method} ${path}`)));
      r.on('error', reject);
      r.end(req.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
