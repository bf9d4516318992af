import { resolve } from 'node:path';

/** Which backend to open: parsed from `--datastore sqlite:PATH | etcd:URL[,URL…]`. */
export type DatastoreSpec = { kind: 'sqlite'; path: string } | { kind: 'etcd'; endpoints: string[] };

/** Parses a --datastore value; throws an Error naming the problem for anything else. */
export function parseDatastore(value: string): DatastoreSpec {
  const i = value.indexOf(':');
  const scheme = i < 0 ? value : value.slice(0, i);
  const rest = i < 0 ? '' : value.slice(i + 1);
  if (scheme === 'sqlite') {
    if (!rest) throw new Error(`--datastore ${value}: sqlite needs a path, e.g. sqlite:/var/lib/k8ts/db/state.db`);
    return { kind: 'sqlite', path: resolve(rest) };
  }
  if (scheme === 'etcd') {
    const endpoints = rest.split(',').map((s) => s.trim()).filter(Boolean);
    if (endpoints.length === 0) throw new Error(`--datastore ${value}: etcd needs at least one URL, e.g. etcd:http://127.0.0.1:2379`);
    for (const e of endpoints) {
      let u: URL;
      try {
        u = new URL(e);
      } catch {
        throw new Error(`--datastore ${value}: ${JSON.stringify(e)} is not a URL (want http://host:port)`);
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        throw new Error(`--datastore ${value}: ${e} must use http:// or https://`);
      }
      if (!u.port) throw new Error(`--datastore ${value}: ${e} has no port`);
    }
    return { kind: 'etcd', endpoints };
  }
  throw new Error(`--datastore ${value}: unknown store ${JSON.stringify(scheme)} (want sqlite:PATH or etcd:URL[,URL...])`);
}

export function formatDatastore(spec: DatastoreSpec): string {
  return spec.kind === 'sqlite' ? `sqlite:${spec.path}` : `etcd:${spec.endpoints.join(',')}`;
}
