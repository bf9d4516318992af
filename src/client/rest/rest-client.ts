/**
 * The REST client every component talks to the API server with: JSON in and out, errors as
 * {@link StatusError}, client-side rate limiting (token bucket on an injected clock) and retries when the server
 * asks for them with Retry-After. Resource-shaped calls live on {@link ResourceClient}.
 */
import { realClock, type Clock } from '../../util/clock.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { TokenBucket, type RateLimiter } from '../flowcontrol/token-bucket.js';
import { loadKubeconfig, type RestConfig } from './config.js';
import { responseError } from './response-error.js';
import { NodeTransport, type HttpResponse, type Transport } from './transport.js';
import { ResourceClient } from './resource-client.js';
import type { KubeObject, ResourceDescriptor } from './types.js';

/** Options of {@link RestClient}. */
export interface RestClientOptions {
  config: RestConfig;
  /** Names the caller in `User-Agent: k8ts/<component>` (and in logs). */
  component: string;
  clock?: Clock;
  logger?: Logger;
  /** How often a request is retried when the server answers 429/5xx with Retry-After. Default 10 (client-go). */
  maxRetries?: number;
  /** Replaces the HTTP layer (tests). Default: a keep-alive {@link NodeTransport} for `config`. */
  transport?: Transport;
  /** Replaces the token bucket built from `config.qps`/`config.burst`. */
  rateLimiter?: RateLimiter;
}

/** One API call, before serialization. */
export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: URLSearchParams;
  /** Serialized as JSON unless it already is a Buffer. */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** Long-running (watch): no request timeout. */
  stream?: boolean;
}

const DEFAULT_QPS = 5;
const DEFAULT_BURST = 10;

/** Retry-After in whole seconds (client-go ignores the HTTP-date form too). */
function retryAfterSeconds(res: HttpResponse): number | undefined {
  const h = res.headers['retry-after'];
  const v = Array.isArray(h) ? h[0] : h;
  if (v === undefined || !/^\d+$/.test(v.trim())) return undefined;
  return Number(v.trim());
}

async function readAll(body: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/**
 * A client for one API server.
 *
 * Contract: safe to share between all the informers and controllers of a component (requests run
 * concurrently; the rate limiter serves them in call order). Every attempt, retries included, takes a token.
 * Requests are not retried on network errors — callers (reflectors, workers) own that policy. `close()` ends
 * pooled connections; open watches fail.
 */
export class RestClient {
  readonly config: RestConfig;
  readonly component: string;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly maxRetries: number;
  private readonly transport: Transport;
  private readonly limiter: RateLimiter;
  private readonly userAgent: string;

  constructor(options: RestClientOptions) {
    this.config = options.config;
    this.component = options.component;
    this.clock = options.clock ?? realClock;
    this.logger = options.logger ?? silentLogger;
    this.maxRetries = options.maxRetries ?? 10;
    this.transport = options.transport ?? new NodeTransport(options.config);
    this.limiter =
      options.rateLimiter ??
      new TokenBucket({
        qps: options.config.qps ?? DEFAULT_QPS,
        burst: options.config.burst ?? DEFAULT_BURST,
        clock: this.clock,
      });
    this.userAgent = `k8ts/${options.component}`;
  }

  /** A client built from a kubeconfig file's current (or given) context. */
  static fromKubeconfig(
    path: string,
    options: Omit<RestClientOptions, 'config'> & { context?: string; qps?: number; burst?: number },
  ): RestClient {
    const config = loadKubeconfig(path, { context: options.context });
    if (options.qps !== undefined) config.qps = options.qps;
    if (options.burst !== undefined) config.burst = options.burst;
    return new RestClient({ ...options, config });
  }

  /** Calls on one resource; `namespace` scopes namespaced resources (omit it to list/watch all namespaces). */
  resource<T extends KubeObject>(descriptor: ResourceDescriptor, namespace?: string): ResourceClient<T> {
    return new ResourceClient<T>(this, descriptor, namespace);
  }

  /** Sends a request and parses the JSON response (undefined for an empty body). Throws StatusError on failure. */
  async request<T>(req: ApiRequest): Promise<T> {
    const res = await this.send(req);
    const body = await readAll(res.body);
    if (!body.length) return undefined as T;
    return JSON.parse(body.toString('utf8')) as T;
  }

  /** Sends a request and hands back the successful response with its body unread (watches). */
  stream(req: ApiRequest): Promise<HttpResponse> {
    return this.send({ ...req, stream: true });
  }

  /** Ends pooled connections. */
  close(): void {
    this.transport.close();
  }

  private async send(req: ApiRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': this.userAgent };
    let body: Buffer | undefined;
    if (req.body !== undefined) {
      body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body));
      headers['Content-Type'] = req.contentType ?? 'application/json';
    }
    for (let attempt = 0; ; attempt++) {
      await this.limiter.wait(req.signal);
      const res = await this.transport.send({
        method: req.method,
        path: req.path,
        query: req.query,
        headers,
        body,
        signal: req.signal,
        timeoutMs: req.stream ? undefined : this.config.timeoutMs,
      });
      if (res.status >= 200 && res.status < 300) return res;
      const errBody = await readAll(res.body);
      const wait = retryAfterSeconds(res);
      // client-go's checkWait: only 429 and 5xx that say when to come back are retried.
      if ((res.status === 429 || res.status >= 500) && wait !== undefined && attempt < this.maxRetries) {
        this.logger.debug('retrying after server asked to wait', {
          method: req.method,
          path: req.path,
          code: res.status,
          retryAfterSeconds: wait,
          attempt: attempt + 1,
        });
        await this.clock.sleep(wait * 1000, req.signal);
        continue;
      }
      throw responseError(res.status, errBody, wait);
    }
  }
}
