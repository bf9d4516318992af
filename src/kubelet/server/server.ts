/**
 * The kubelet's HTTP server (upstream pkg/kubelet/server, port 10250, plain HTTP here): health, the pods it
 * runs, container logs, exec/attach/port-forward upgrades, stats and metrics. The API server reaches it for
 * `pods/log`, `pods/exec`, `pods/attach` and `pods/portforward`. Every route answers errors as metav1.Status
 * JSON; no request can crash the process.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { toStatus } from '../../apimachinery/errors.js';
import { realClock, type Clock } from '../../util/clock.js';
import { silentLogger, type Logger } from '../../util/log.js';
import type { CriClient } from '../cri/service.js';
import { serveContainerLogs } from './container-logs-route.js';
import { statusError, type KubeletServerHost } from './host.js';
import { serveStreamRoute } from './stream-routes.js';
import { rejectUpgrade, replyStatus } from './streams/http-reply.js';

/** Options of {@link createKubeletServer}. */
export interface KubeletServerOptions {
  host: KubeletServerHost;
  cri: CriClient;
  clock?: Clock;
  logger?: Logger;
  /** Pod log directories (fallback when the runtime forgot a container). */
  podLogsDir?: string;
  /** `/stats/summary` body; the route answers 404 when absent. */
  summary?: () => Promise<unknown>;
  /** `/metrics` text (Prometheus exposition format). */
  metrics?: () => Promise<string>;
  /** `/metrics/resource` text. */
  resourceMetrics?: () => Promise<string>;
  /** Poll period of `logs -f` (default 1 s). */
  followCheckPeriodMs?: number;
}

/** A started server. `close` stops listening and destroys open connections (streams included). */
export interface KubeletServer {
  readonly server: Server;
  /** Listens; resolves with the bound port (useful with port 0). */
  listen(port: number, address?: string): Promise<number>;
  close(): Promise<void>;
}

const PROM_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s));
}

export function createKubeletServer(options: KubeletServerOptions): KubeletServer {
  const clock = options.clock ?? realClock;
  const logger = options.logger ?? silentLogger;
  const deps = { host: options.host, cri: options.cri, clock, logger };
  const sockets = new Set<Socket | Duplex>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const seg = pathSegments(url);
    const [first] = seg;
    if (first === 'exec' || first === 'attach' || first === 'portForward') {
      // Without an Upgrade header: the handlers answer 400 "Upgrade request required".
      return serveStreamRoute(deps, first, seg.slice(1), req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw statusError(404, `the server could not find the requested resource`);
    const path = url.pathname.replace(/\/+$/, '') || '/';
    switch (path) {
      case '/healthz':
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('ok');
        return;
      case '/pods': {
        const items = options.host.listPods();
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items }));
        return;
      }
      case '/stats/summary':
        if (!options.summary) break;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(await options.summary()));
        return;
      case '/metrics':
        if (!options.metrics) break;
        res.writeHead(200, { 'Content-Type': PROM_CONTENT_TYPE });
        res.end(await options.metrics());
        return;
      case '/metrics/resource':
        if (!options.resourceMetrics) break;
        res.writeHead(200, { 'Content-Type': PROM_CONTENT_TYPE });
        res.end(await options.resourceMetrics());
        return;
    }
    if (first === 'containerLogs' && seg.length === 4) {
      return serveContainerLogs(
        { ...deps, podLogsDir: options.podLogsDir, followCheckPeriodMs: options.followCheckPeriodMs },
        res,
        { namespace: seg[1]!, pod: seg[2]!, container: seg[3]! },
        url,
      );
    }
    if (first === 'containerLogs')
      throw statusError(400, seg.length < 3 ? 'Missing podID.' : 'Missing container name.');
    throw statusError(404, 'the server could not find the requested resource');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = toStatus(err);
      if ((status.code ?? 500) >= 500) logger.warn('kubelet server request failed', { url: req.url, err });
      if (res.headersSent) res.end();
      else replyStatus(res, status);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const seg = pathSegments(url);
    const [first] = seg;
    if (first === 'exec' || first === 'attach' || first === 'portForward') {
      void serveStreamRoute(deps, first, seg.slice(1), req, socket, head);
      return;
    }
    rejectUpgrade(socket, statusError(404, 'the server could not find the requested resource').status);
  });
  server.on('clientError', (_err, socket: Duplex) => {
    if (!socket.destroyed) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });

  return {
    server,
    listen(port, address = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, address, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        sockets.clear();
      });
    },
  };
}
