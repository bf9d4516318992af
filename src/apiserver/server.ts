import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../storage/interface.js';
import type { Logger } from '../util/log.js';
import { versionInfo } from '../version.js';

export interface ApiServerOptions {
  store: Store;
  logger: Logger;
}

/**
 * The API server's HTTP front. The listener is created here but kept separate from the handler so TLS can be
 * plugged in by passing another server factory later.
 */
export class ApiServer {
  private server: Server | undefined;

  constructor(private readonly options: ApiServerOptions) {}

  /** Node request handler: health endpoints and /version. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/healthz' || path === '/livez') return this.text(res, 200, 'ok');
    if (path === '/readyz') {
      this.options.store.currentRevision().then(
        () => this.text(res, 200, 'ok'),
        (err: unknown) => this.text(res, 500, `[-]etcd failed: ${err instanceof Error ? err.message : String(err)}\nreadyz check failed`),
      );
      return;
    }
    if (path === '/version') return this.json(res, 200, versionInfo());
    this.json(res, 404, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  };

  private text(res: ServerResponse, code: number, body: string): void {
    res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
  }

  private json(res: ServerResponse, code: number, body: unknown): void {
    res.writeHead(code, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  /** Starts listening; resolves with the bound address. */
  listen(host: string, port: number): Promise<AddressInfo> {
    const server = createServer(this.handle);
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve(server.address() as AddressInfo);
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
