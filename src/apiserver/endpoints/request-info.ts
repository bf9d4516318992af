/**
 * Parses a request path + method into what it addresses, the way upstream's RequestInfoFactory does:
 * `/api/v1/namespaces/ns/pods/name/log` → {group:'', version:'v1', namespace:'ns', resource:'pods', name:'name',
 * subresource:'log', verb:'get'}. Non-resource paths (/healthz, /openapi/v3, /version, discovery) come back with
 * isResourceRequest=false.
 */
export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection' | 'connect';

export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  /** Lower-case verb as RBAC sees it (`get`, `list`, `watch`, `create`, ...). For non-resource paths: the HTTP method. */
  verb: string;
  apiPrefix: string;
  apiGroup: string;
  apiVersion: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
  /** Path parts after the subresource (e.g. the path a proxy subresource forwards). */
  rest: string[];
}

/** Subresources of a namespace that are not "resources in the namespace" (`/namespaces/x/status`). */
const namespaceSubresources = new Set(['status', 'finalize']);

export function parseRequestInfo(method: string, rawPath: string, query: URLSearchParams): RequestInfo {
  const path = rawPath;
  const parts = path.split('/').filter((p) => p !== '');
  const info: RequestInfo = {
    isResourceRequest: false,
    path,
    verb: method.toLowerCase(),
    apiPrefix: '',
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    rest: [],
  };
  let cur: string[];
  if (parts[0] === 'api') {
    info.apiPrefix = 'api';
    if (parts.length < 3) return info; // /api, /api/v1: discovery
    info.apiVersion = parts[1]!;
    cur = parts.slice(2);
  } else if (parts[0] === 'apis') {
    info.apiPrefix = 'apis';
    if (parts.length < 4) return info; // /apis, /apis/g, /apis/g/v: discovery
    info.apiGroup = parts[1]!;
    info.apiVersion = parts[2]!;
    cur = parts.slice(3);
  } else {
    return info;
  }
  info.isResourceRequest = true;
  let watchPath = false;
  if (cur[0] === 'watch') {
    watchPath = true;
    cur = cur.slice(1);
  }
  if (cur[0] === 'namespaces') {
    if (cur.length > 1) {
      info.namespace = decodeSegment(cur[1]!);
      if (cur.length > 2 && !namespaceSubresources.has(cur[2]!)) cur = cur.slice(2);
    }
  }
  info.resource = cur[0] ?? '';
  if (cur.length >= 2) info.name = decodeSegment(cur[1]!);
  if (cur.length >= 3) info.subresource = cur[2]!;
  if (cur.length > 3) info.rest = cur.slice(3);

  const m = method.toUpperCase();
  if (watchPath) info.verb = 'watch';
  else if (m === 'GET' || m === 'HEAD') {
    const w = query.get('watch');
    info.verb = info.name ? 'get' : w === 'true' || w === '1' ? 'watch' : 'list';
  } else if (m === 'POST') info.verb = 'create';
  else if (m === 'PUT') info.verb = 'update';
  else if (m === 'PATCH') info.verb = 'patch';
  else if (m === 'DELETE') info.verb = info.name ? 'delete' : 'deletecollection';
  // A watch of one object (`?watch=1&fieldSelector=metadata.name=x` is the usual form, but
  // `/watch/namespaces/ns/pods/x` names it in the path).
  return info;
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
