/**
 * How to reach an API server: {@link RestConfig}, built explicitly or from a kubeconfig file
 * ({@link loadKubeconfig}). Paths in a kubeconfig are relative to the file, as kubectl reads them.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';

/** Connection and identity settings of one API server endpoint. All PEM material is inline (not paths). */
export interface RestConfig {
  /** `http://127.0.0.1:6443` or `https://...`; a path prefix is kept. */
  server: string;
  /** PEM CA bundle to trust (https only). */
  ca?: string | Buffer;
  /** PEM client certificate and key (mutual TLS). */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Sent as `Authorization: Bearer <token>`. */
  bearerToken?: string;
  /** Skip server certificate verification (never in production). */
  insecureSkipTLSVerify?: boolean;
  /** SNI/verification name when it differs from the server host. */
  tlsServerName?: string;
  /** The namespace the kubeconfig context names, if any. */
  namespace?: string;
  /** Client-side rate limit; client-go's defaults are 5 QPS, burst 10. `Infinity` disables it. */
  qps?: number;
  burst?: number;
  /** Per-request timeout for non-watch requests in ms; 0 or unset: none. */
  timeoutMs?: number;
}

type Named<T> = { name: string } & T;
interface KubeconfigFile {
  clusters?: Named<{ cluster?: Record<string, unknown> }>[];
  users?: Named<{ user?: Record<string, unknown> }>[];
  contexts?: Named<{ context?: { cluster?: string; user?: string; namespace?: string } }>[];
  'current-context'?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Parses kubeconfig text; `baseDir` resolves relative file references. */
export function restConfigFromKubeconfig(
  text: string,
  options: { baseDir?: string; context?: string } = {},
): RestConfig {
  const file = (parse(text) ?? {}) as KubeconfigFile;
  const contextName = options.context ?? file['current-context'];
  if (!contextName) throw new Error('kubeconfig: no context given and no current-context set');
  const ctx = file.contexts?.find((c) => c.name === contextName)?.context;
  if (!ctx) throw new Error(`kubeconfig: context "${contextName}" not found`);
  const cluster = file.clusters?.find((c) => c.name === ctx.cluster)?.cluster;
  if (!cluster) throw new Error(`kubeconfig: cluster "${ctx.cluster ?? ''}" not found`);
  const user = (ctx.user ? file.users?.find((u) => u.name === ctx.user)?.user : undefined) ?? {};
  const server = str(cluster.server);
  if (!server) throw new Error(`kubeconfig: cluster "${ctx.cluster ?? ''}" has no server`);

  const baseDir = options.baseDir ?? process.cwd();
  const readPath = (p: string) => readFileSync(isAbsolute(p) ? p : resolve(baseDir, p));
  // `<x>-data` is base64 PEM inline; `<x>` is a path. Data wins, as in client-go.
  const material = (obj: Record<string, unknown>, dataKey: string, pathKey: string): Buffer | undefined => {
    const data = str(obj[dataKey]);
    if (data) return Buffer.from(data, 'base64');
    const path = str(obj[pathKey]);
    return path ? readPath(path) : undefined;
  };

  const config: RestConfig = { server };
  const ca = material(cluster, 'certificate-authority-data', 'certificate-authority');
  if (ca) config.ca = ca;
  if (cluster['insecure-skip-tls-verify'] === true) config.insecureSkipTLSVerify = true;
  const sni = str(cluster['tls-server-name']);
  if (sni) config.tlsServerName = sni;
  const cert = material(user, 'client-certificate-data', 'client-certificate');
  if (cert) config.cert = cert;
  const key = material(user, 'client-key-data', 'client-key');
  if (key) config.key = key;
  const token =
    str(user.token) ?? (str(user.tokenFile) ? readPath(str(user.tokenFile)!).toString('utf8').trim() : undefined);
  if (token) config.bearerToken = token;
  if (ctx.namespace) config.namespace = ctx.namespace;
  return config;
}

/** Reads a kubeconfig file and resolves its current (or the given) context. */
export function loadKubeconfig(path: string, options: { context?: string } = {}): RestConfig {
  return restConfigFromKubeconfig(readFileSync(path, 'utf8'), { ...options, baseDir: dirname(resolve(path)) });
}
