import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { StatusError, badRequest, methodNotSupported, toStatus } from '../../apimachinery/errors.js';
import type { ApiRegistry } from '../registry/api-registry.js';
import type { KObject, RequestContext } from '../registry/types.js';
import type { RequestInfo } from '../endpoints/request-info.js';
import type { ResourceRequest } from '../endpoints/resource-handler.js';

/** Where a node's kubelet listens: the address the API server dials for logs, exec, attach and port-forward. */
export interface KubeletLocation {
  host: string;
  port: number;
}

/** Upstream's default --kubelet-preferred-address-types order. */
const ADDRESS_PREFERENCE = ['InternalIP', 'ExternalIP', 'Hostname'];

const ctxFor = (namespace: string, now: Date): RequestContext => ({ namespace, dryRun: false, user: { name: 'system:apiserver', groups: ['system:masters'] }, now });

/** Finds the kubelet of `nodeName` from its Node object (status.addresses and daemonEndpoints). */
export async function kubeletOf(registry: ApiRegistry, nodeName: string, now: Date): Promise<KubeletLocation> {
  const nodes = registry.get('', 'v1', 'nodes')!;
  const node = await nodes.store.get(ctxFor('', now), nodeName);
  const status = (node.status ?? {}) as {
    addresses?: { type: string; address: string }[];
    daemonEndpoints?: { kubeletEndpoint?: { Port?: number } };
  };
  const addrs = status.addresses ?? [];
  const addr = ADDRESS_PREFERENCE.map((t) => addrs.find((a) => a.type === t)).find((a) => a?.address);
  if (!addr) throw badRequest(`no preferred addresses found; known addresses: [${addrs.map((a) => `{${a.type} ${a.address}}`).join(' ')}]`);
  return { host: addr.address, port: status.daemonEndpoints?.kubeletEndpoint?.Port || 10250 };
}

interface PodContainers {
  containers?: { name: string }[];
  initContainers?: { name: string }[];
  ephemeralContainers?: { name: string }[];
  nodeName?: string;
}

/** The container a request means: the one named, the default-container annotation, or the only one (upstream's rules). */
export function containerFor(pod: KObject, requested: string | null): string {
  const spec = (pod.spec ?? {}) as PodContainers;
  const names = (spec.containers ?? []).map((c) => c.name);
  const all = [...names, ...(spec.initContainers ?? []).map((c) => c.name), ...(spec.ephemeralContainers ?? []).map((c) => c.name)];
  const name = pod.metadata.name ?? '';
  if (requested) {
    if (!all.includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${name}`);
    return requested;
  }
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && all.includes(annotated)) return annotated;
  if (names.length === 1) return names[0]!;
  throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`);
}

/** The pod and the kubelet it runs on (400 when the pod is not scheduled yet, as upstream). */
async function podAndKubelet(registry: ApiRegistry, ctx: RequestContext, podName: string): Promise<{ pod: KObject; kubelet: KubeletLocation }> {
  const pods = registry.get('', 'v1', 'pods')!;
  const pod = await pods.store.get(ctx, podName);
  const nodeName = (pod.spec as PodContainers | undefined)?.nodeName;
  if (!nodeName) throw badRequest(`pod ${podName} does not have a host assigned`);
  return { pod, kubelet: await kubeletOf(registry, nodeName, ctx.now) };
}

const LOG_PARAMS = ['follow', 'previous', 'sinceSeconds', 'sinceTime', 'timestamps', 'tailLines', 'limitBytes', 'insecureSkipTLSVerifyBackend'];

/** GET pods/{name}/log: streams the kubelet's /containerLogs answer through (text/plain, chunked). */
export async function servePodLogs(r: ResourceRequest): Promise<void> {
  if (r.info.verb !== 'get') throw methodNotSupported({ group: '', resource: 'pods/log' }, r.info.verb);
  const { pod, kubelet } = await podAndKubelet(r.deps.registry, r.ctx, r.info.name);
  const container = containerFor(pod, r.query.get('container'));
  const q = new URLSearchParams();
  for (const k of LOG_PARAMS) {
    const v = r.query.get(k);
    if (v !== null) q.set(k, v);
  }
  const path = `/containerLogs/${encodeURIComponent(r.ctx.namespace)}/${encodeURIComponent(r.info.name)}/${encodeURIComponent(container)}${q.size ? `?${q}` : ''}`;
  await new Promise<void>((resolve, reject) => {
    const upstream = httpRequest({ host: kubelet.host, port: kubelet.port, path, method: 'GET' }, (resp) => {
      const headers: Record<string, string> = { 'Content-Type': String(resp.headers['content-type'] ?? 'text/plain') };
      r.res.writeHead(resp.statusCode ?? 502, headers);
      resp.pipe(r.res);
      resp.on('end', resolve);
      resp.on('error', reject);
    });
    upstream.on('error', (err) => reject(new StatusError({ ...toStatus(err), code: 502, reason: 'InternalError', message: `error dialing kubelet ${kubelet.host}:${kubelet.port}: ${err.message}` })));
    // The client going away ends the kubelet stream too (logs -f).
    r.res.on('close', () => upstream.destroy());
    upstream.end();
  });
}

/** Writes an HTTP error with a Status body on a raw socket (upgrade requests have no ServerResponse). */
function refuseUpgrade(socket: Duplex, err: unknown): void {
  const status = toStatus(err);
  const body = JSON.stringify(status);
  socket.end(`HTTP/1.1 ${status.code ?? 500} Error\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * Upgrade requests for pods/exec, pods/attach and pods/portforward (WebSocket or SPDY): the request is replayed to
 * the kubelet's /exec, /attach or /portForward path and the two connections are spliced, as upstream's
 * upgrade-aware proxy does. The kubelet speaks the stream protocols itself.
 */
export async function proxyPodUpgrade(
  registry: ApiRegistry,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  info: RequestInfo,
  query: URLSearchParams,
  now: Date,
): Promise<void> {
  try {
    if (info.apiGroup !== '' || info.resource !== 'pods' || !['exec', 'attach', 'portforward'].includes(info.subresource)) {
      throw badRequest(`${info.resource}/${info.subresource} does not accept upgrade requests`);
    }
    const ctx = ctxFor(info.namespace, now);
    const { pod, kubelet } = await podAndKubelet(registry, ctx, info.name);
    const ns = encodeURIComponent(info.namespace);
    const name = encodeURIComponent(info.name);
    let path: string;
    if (info.subresource === 'portforward') {
      path = `/portForward/${ns}/${name}`;
    } else {
      const container = containerFor(pod, query.get('container'));
      const q = new URLSearchParams(query);
      q.delete('container');
      path = `/${info.subresource}/${ns}/${name}/${encodeURIComponent(container)}${q.size ? `?${q}` : ''}`;
    }
    const upstream = connect(kubelet.port, kubelet.host);
    upstream.once('error', (err) => refuseUpgrade(socket, new StatusError({ ...toStatus(err), code: 502, reason: 'InternalError', message: `error dialing backend: ${err.message}` })));
    upstream.once('connect', () => {
      const lines = [`${req.method} ${path} HTTP/1.1`, `Host: ${kubelet.host}:${kubelet.port}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const k = req.rawHeaders[i]!;
        if (k.toLowerCase() === 'host') continue;
        lines.push(`${k}: ${req.rawHeaders[i + 1]}`);
      }
      upstream.write(lines.join('\r\n') + '\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
      const close = () => {
        upstream.destroy();
        socket.destroy();
      };
      upstream.on('close', close);
      socket.on('close', close);
      socket.on('error', close);
    });
  } catch (err) {
    refuseUpgrade(socket, err);
  }
}
