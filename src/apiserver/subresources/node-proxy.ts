/**
 * nodes/{name}/proxy/{path}: any request is forwarded to the node's kubelet (its /stats/summary, /metrics,
 * /pods, /healthz, /containerLogs, ...) and the answer streamed back, as upstream's node proxy REST does.
 * The path after `/proxy` is passed on as the client wrote it (still percent-encoded), with the query.
 */
import { request as httpRequest } from 'node:http';
import { StatusError, toStatus } from '../../apimachinery/errors.js';
import type { ResourceRequest } from '../endpoints/resource-handler.js';
import { kubeletOf } from './pod-proxy.js';

/** Request headers not forwarded: hop-by-hop ones and the client's Host. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host']);

/** The raw path after `/nodes/{name}/proxy` ('/' when empty). */
export function proxiedPath(rawUrl: string): string {
  const [path = '', query] = rawUrl.split(/\?(.*)/s, 2);
  const m = /\/nodes\/[^/]+\/proxy(\/.*)?$/.exec(path);
  const rest = m?.[1] || '/';
  return query ? `${rest}?${query}` : rest;
}

export async function serveNodeProxy(r: ResourceRequest): Promise<void> {
  const kubelet = await kubeletOf(r.deps.registry, r.info.name, r.ctx.now);
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(r.req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
  await new Promise<void>((resolve, reject) => {
    const upstream = httpRequest(
      { host: kubelet.host, port: kubelet.port, path: proxiedPath(r.req.url ?? ''), method: r.req.method, headers },
      (resp) => {
        const out: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(resp.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
        r.res.writeHead(resp.statusCode ?? 502, out);
        resp.pipe(r.res);
        resp.on('end', resolve);
        resp.on('error', reject);
      },
    );
    upstream.on('error', (err) =>
      reject(new StatusError({ ...toStatus(err), code: 503, reason: 'ServiceUnavailable', message: `error trying to reach service: ${err.message}` })),
    );
    r.res.on('close', () => upstream.destroy());
    r.req.pipe(upstream);
  });
}
