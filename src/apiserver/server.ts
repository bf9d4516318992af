import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../storage/interface.js';
import type { Logger } from '../util/log.js';
import { versionInfo } from '../version.js';
import { StatusError, tooManyRequests } from '../apimachinery/errors.js';
import type { SchemaRegistry } from '../api/schema/registry.js';
import { openapiV2, openapiV3Documents, openapiV3Root, type OpenAPIDocument, type OpenAPIV3Entry } from '../api/schema/openapi.js';
import { encodeOpenapiV2Protobuf, negotiateOpenapiV2, OPENAPI_V2_PROTOBUF_CONTENT_TYPE } from '../api/schema/openapi-v2-protobuf.js';
import type { ApiRegistry } from './registry/api-registry.js';
import { parseRequestInfo, type RequestInfo } from './endpoints/request-info.js';
import { serveResource, type ResourceHandlerDeps } from './endpoints/resource-handler.js';
import { Discovery } from './endpoints/discovery.js';
import { wantsAggregatedDiscovery } from './endpoints/negotiation.js';
import { writeError, writeObject } from './endpoints/respond.js';
import { ApiServerMetrics } from './metrics.js';
import { proxyPodUpgrade } from './subresources/pod-proxy.js';
import type { Duplex } from 'node:stream';

export interface ApiServerOptions {
  store: Store;
  schema: SchemaRegistry;
  registry: ApiRegistry;
  handlerDeps: Omit<ResourceHandlerDeps, 'registry' | 'schema'>;
  logger: Logger;
  /** Upstream's --max-requests-inflight (non-mutating) and --max-mutating-requests-inflight. */
  maxInflight?: { readonly: number; mutating: number };
}

const notFoundStatus = () =>
  new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });

const LONG_RUNNING_SUBRESOURCES = new Set(['log', 'exec', 'attach', 'portforward', 'proxy']);
/** Health and metrics stay answerable on a saturated server (upstream's priority-and-fairness exempts them too). */
const UNLIMITED_PATHS = new Set(['/healthz', '/livez', '/readyz', '/metrics']);

/**
 * The API server's HTTP front: health, version, metrics, OpenAPI, discovery, and every resource request,
 * behind a max-in-flight limit (429 + Retry-After). The listener is created here but kept separate from the
 * handler so TLS can be plugged in later.
 */
export class ApiServer {
  private server: Server | undefined;
  private readonly discovery: Discovery;
  private readonly metrics = new ApiServerMetrics();
  private openapi: { v3: ReadonlyMap<string, OpenAPIV3Entry>; v3root: string; v2: string; v2doc: OpenAPIDocument } | undefined;
  private openapiV2Pb: Uint8Array | undefined;
  private address = '127.0.0.1:6443';
  private readonly inflight = { readonly: 0, mutating: 0 };
  private readonly deps: ResourceHandlerDeps;

  constructor(private readonly options: ApiServerOptions) {
    this.discovery = new Discovery(options.registry, () => this.address);
    this.deps = { ...options.handlerDeps, registry: options.registry, schema: options.schema };
  }

  /** OpenAPI documents are built on first use and cached: they only change with the code. */
  private openapiDocs() {
    if (!this.openapi) {
      const v3 = openapiV3Documents(this.options.schema);
      const v2doc = openapiV2(this.options.schema);
      this.openapi = { v3, v3root: JSON.stringify(openapiV3Root(this.options.schema, v3)), v2: JSON.stringify(v2doc), v2doc };
    }
    return this.openapi;
  }

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const info = parseRequestInfo(req.method ?? 'GET', url.pathname, url.searchParams);
    const longRunning = info.verb === 'watch' || LONG_RUNNING_SUBRESOURCES.has(info.subresource) || UNLIMITED_PATHS.has(url.pathname);
    const mutating = !['get', 'list', 'watch', 'head', 'options'].includes(info.verb);
    const kind = mutating ? 'mutating' : 'readOnly';
    const limit = this.options.maxInflight ?? { readonly: 400, mutating: 200 };
    if (!longRunning) {
      const cur = mutating ? this.inflight.mutating : this.inflight.readonly;
      if (cur >= (mutating ? limit.mutating : limit.readonly)) {
        this.metrics.rejected.inc({ request_kind: kind });
        req.resume();
        writeError(res, tooManyRequests(1));
        return;
      }
      if (mutating) this.inflight.mutating++;
      else this.inflight.readonly++;
      this.metrics.inflight.set({ request_kind: kind }, mutating ? this.inflight.mutating : this.inflight.readonly);
    }
    res.on('close', () => {
      if (!longRunning) {
        if (mutating) this.inflight.mutating--;
        else this.inflight.readonly--;
      }
      const labels = {
        verb: info.isResourceRequest ? info.verb.toUpperCase() : (req.method ?? 'GET'),
        group: info.apiGroup,
        version: info.apiVersion,
        resource: info.resource,
        subresource: info.subresource,
        scope: info.isResourceRequest ? (info.name ? 'resource' : info.namespace ? 'namespace' : 'cluster') : '',
      };
      this.metrics.requests.inc({ ...labels, code: String(res.statusCode) });
      this.metrics.latency.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    this.route(req, res, url, info).catch((err: unknown) => {
      const status = writeError(res, err);
      if ((status.code ?? 500) >= 500) this.options.logger.error('request failed', { method: req.method, path: url.pathname, err: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    });
  };

  private async route(req: IncomingMessage, res: ServerResponse, url: URL, info: RequestInfo): Promise<void> {
    if (info.isResourceRequest) return serveResource(this.deps, req, res, info, url.searchParams);
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const accept = req.headers.accept as string | undefined;
    switch (path) {
      case '/healthz':
      case '/livez':
        return this.text(res, 200, 'ok');
      case '/readyz':
        try {
          await this.options.store.currentRevision();
          return this.text(res, 200, 'ok');
        } catch (err) {
          return this.text(res, 500, `[-]etcd failed: ${err instanceof Error ? err.message : String(err)}\nreadyz check failed`);
        }
      case '/version':
        return writeObject(res, 200, versionInfo());
      case '/metrics':
        res.writeHead(200, { 'Content-Type': this.metrics.registry.contentType });
        res.end(await this.metrics.text());
        return;
      case '/openapi/v2': {
        // kubectl <= 1.31 (and newer ones when v3 fails) read this document as gnostic protobuf.
        if (negotiateOpenapiV2(accept) === 'protobuf') {
          const bytes = (this.openapiV2Pb ??= encodeOpenapiV2Protobuf(this.openapiDocs().v2doc));
          res.writeHead(200, { 'Content-Type': OPENAPI_V2_PROTOBUF_CONTENT_TYPE, 'Content-Length': bytes.length, Vary: 'Accept' });
          res.end(bytes);
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json', Vary: 'Accept' });
        res.end(this.openapiDocs().v2);
        return;
      }
      case '/openapi/v3':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(this.openapiDocs().v3root);
        return;
      case '/api': {
        const agg = wantsAggregatedDiscovery(accept);
        if (agg) return this.aggregated(res, this.discovery.aggregated('core', agg), agg);
        return writeObject(res, 200, this.discovery.apiVersions());
      }
      case '/apis': {
        const agg = wantsAggregatedDiscovery(accept);
        if (agg) return this.aggregated(res, this.discovery.aggregated('groups', agg), agg);
        return writeObject(res, 200, this.discovery.apiGroupList());
      }
    }
    if (path.startsWith('/openapi/v3/')) {
      const entry = this.openapiDocs().v3.get(path.slice('/openapi/v3/'.length));
      if (!entry) throw notFoundStatus();
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': url.searchParams.get('hash') ? 'public, immutable' : 'no-cache, private' });
      res.end(entry.json);
      return;
    }
    const parts = path.split('/').filter(Boolean);
    if (parts[0] === 'api' && parts.length === 2 && this.discovery.hasGroupVersion('', parts[1]!)) {
      return writeObject(res, 200, this.discovery.apiResourceList('', parts[1]!));
    }
    if (parts[0] === 'apis' && parts.length === 2 && this.discovery.hasGroup(parts[1]!)) {
      return writeObject(res, 200, this.discovery.apiGroupDoc(parts[1]!));
    }
    if (parts[0] === 'apis' && parts.length === 3 && this.discovery.hasGroupVersion(parts[1]!, parts[2]!)) {
      return writeObject(res, 200, this.discovery.apiResourceList(parts[1]!, parts[2]!));
    }
    throw notFoundStatus();
  }

  private aggregated(res: ServerResponse, body: unknown, version: string): void {
    res.writeHead(200, { 'Content-Type': `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`, Vary: 'Accept' });
    res.end(JSON.stringify(body));
  }

  private text(res: ServerResponse, code: number, body: string): void {
    res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
  }

  /** Starts listening; resolves with the bound address. */
  listen(host: string, port: number): Promise<AddressInfo> {
    const server = createServer(this.handle);
    server.keepAliveTimeout = 65_000;
    // exec, attach and port-forward arrive as upgrade requests (WebSocket or SPDY): they are spliced to the kubelet.
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const info = parseRequestInfo(req.method ?? 'GET', url.pathname, url.searchParams);
      void proxyPodUpgrade(this.options.registry, req, socket, head, info, url.searchParams, this.deps.now());
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const addr = server.address() as AddressInfo;
        this.address = `${host === '0.0.0.0' ? '127.0.0.1' : host}:${addr.port}`;
        resolve(addr);
      });
    });
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  }
}
