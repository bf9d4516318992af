/**
 * The REST routes of a group-version as a flavor-neutral model (paths, operations, parameters), rendered to
 * OpenAPI v2 or v3 by `openapi.ts`. Routes, operation ids and `x-kubernetes-action` values follow upstream's
 * naming (`patchCoreV1NamespacedPod`, `listAppsV1DeploymentForAllNamespaces`, `connectCoreV1GetNamespacedPodExec`).
 */

import { resolveType, type GroupVersionKind, type KindDef, type StructType, type SubresourceDef } from './dsl.js';
import type { SchemaRegistry } from './registry.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';
export type KubernetesAction =
  'get' | 'list' | 'watch' | 'watchlist' | 'post' | 'put' | 'patch' | 'delete' | 'deletecollection' | 'connect';

/** A path or query parameter of an operation. */
export interface RouteParam {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required?: boolean;
  readonly type: 'string' | 'boolean' | 'integer';
  readonly description: string;
}

/** What an operation returns: an object, a list (also streamable as watch), a watch stream, or raw text. */
export type ResponseShape = 'object' | 'list' | 'watch' | 'text';

/** One HTTP operation on a path, with the Kubernetes extensions upstream attaches to it. */
export interface RouteOperation {
  readonly method: HttpMethod;
  readonly operationId: string;
  readonly description: string;
  readonly action: KubernetesAction;
  readonly gvk: GroupVersionKind;
  readonly tag: string;
  readonly query: readonly RouteParam[];
  /** Request body: an object of the named definition, a patch document, or none. */
  readonly body?: { readonly definition: string } | 'patch';
  readonly shape: ResponseShape;
  /** Definition name of the response body (for object/list/watch). */
  readonly response?: string;
  /** Status codes of success responses; 401 is always added. */
  readonly codes: readonly (200 | 201 | 202)[];
}

/** A URL path and its operations. */
export interface Route {
  readonly path: string;
  /** Path parameters and `pretty`, shared by the operations. */
  readonly params: readonly RouteParam[];
  readonly operations: readonly RouteOperation[];
}

const q = (name: string, type: RouteParam['type'], description: string): RouteParam => ({
  name,
  in: 'query',
  type,
  description,
});

/** Query parameters, with our own one-line descriptions. */
export const QUERY_PARAMS = {
  pretty: q('pretty', 'string', "If 'true', the output is pretty printed."),
  dryRun: q('dryRun', 'string', 'When set to All, the request is fully processed but nothing is persisted.'),
  fieldManager: q('fieldManager', 'string', 'Name of the actor making the change, recorded in managedFields.'),
  fieldValidation: q(
    'fieldValidation',
    'string',
    'How to treat unknown or duplicate fields in the body: Ignore, Warn or Strict.',
  ),
  force: q('force', 'boolean', 'For apply requests: take ownership of conflicting fields from other managers.'),
  allowWatchBookmarks: q('allowWatchBookmarks', 'boolean', 'Ask the server to send BOOKMARK events on a watch.'),
  continue: q('continue', 'string', 'Token from a previous page to get the next page of a list.'),
  fieldSelector: q('fieldSelector', 'string', 'Restrict the result to objects whose fields match.'),
  labelSelector: q('labelSelector', 'string', 'Restrict the result to objects whose labels match.'),
  limit: q('limit', 'integer', 'Maximum number of items in one page of a list.'),
  resourceVersion: q('resourceVersion', 'string', 'Which version of the data the request may be served from.'),
  resourceVersionMatch: q(
    'resourceVersionMatch',
    'string',
    'How resourceVersion is applied to a list: Exact or NotOlderThan.',
  ),
  sendInitialEvents: q(
    'sendInitialEvents',
    'boolean',
    'Start a watch with synthetic ADDED events for existing objects.',
  ),
  timeoutSeconds: q('timeoutSeconds', 'integer', 'Server-side timeout of a list or watch call.'),
  watch: q('watch', 'boolean', 'Watch for changes instead of listing.'),
  gracePeriodSeconds: q('gracePeriodSeconds', 'integer', 'Seconds before the object is deleted; 0 means now.'),
  ignoreStoreReadErrorWithClusterBreakingPotential: q(
    'ignoreStoreReadErrorWithClusterBreakingPotential',
    'boolean',
    'Delete an object that cannot be read from storage; may break the cluster.',
  ),
  orphanDependents: q('orphanDependents', 'boolean', 'Deprecated: use propagationPolicy.'),
  propagationPolicy: q(
    'propagationPolicy',
    'string',
    'How dependents are garbage collected: Orphan, Background or Foreground.',
  ),
} as const;

const P = QUERY_PARAMS;
const WRITE_PARAMS = [P.dryRun, P.fieldManager, P.fieldValidation];
const PATCH_PARAMS = [P.dryRun, P.fieldManager, P.fieldValidation, P.force];
const LIST_PARAMS = [
  P.allowWatchBookmarks,
  P.continue,
  P.fieldSelector,
  P.labelSelector,
  P.limit,
  P.resourceVersion,
  P.resourceVersionMatch,
  P.sendInitialEvents,
  P.timeoutSeconds,
  P.watch,
];
const DELETE_PARAMS = [
  P.dryRun,
  P.gracePeriodSeconds,
  P.ignoreStoreReadErrorWithClusterBreakingPotential,
  P.orphanDependents,
  P.propagationPolicy,
];
const DELETECOLLECTION_PARAMS = [
  P.continue,
  P.dryRun,
  P.fieldSelector,
  P.gracePeriodSeconds,
  P.ignoreStoreReadErrorWithClusterBreakingPotential,
  P.labelSelector,
  P.limit,
  P.orphanDependents,
  P.propagationPolicy,
  P.resourceVersion,
  P.resourceVersionMatch,
  P.sendInitialEvents,
  P.timeoutSeconds,
];

const pathParam = (name: string, description: string): RouteParam => ({
  name,
  in: 'path',
  required: true,
  type: 'string',
  description,
});
const NAME = pathParam('name', 'Name of the object.');
const NAMESPACE = pathParam('namespace', 'Namespace of the object.');
const PROXY_PATH = pathParam('path', 'Path to proxy to.');

const upperFirst = (s: string) => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));
const lowerFirst = (s: string) => (s === '' ? s : s[0]!.toLowerCase() + s.slice(1));

/** `CoreV1`, `AppsV1`, `RbacAuthorizationV1`: the group-version part of operation ids. */
export function operationGroupPrefix(group: string, version: string): string {
  const g =
    group === ''
      ? 'Core'
      : group
          .replace(/\.k8s\.io$/, '')
          .split('.')
          .map(upperFirst)
          .join('');
  return g + upperFirst(version);
}

/** `core_v1`, `apps_v1`, `rbacAuthorization_v1`: the tag of a group-version's operations. */
export function operationTag(group: string, version: string): string {
  const g =
    group === ''
      ? 'core'
      : lowerFirst(
          group
            .replace(/\.k8s\.io$/, '')
            .split('.')
            .map(upperFirst)
            .join(''),
        );
  return `${g}_${version}`;
}

/** URL prefix of a group-version: `/api/v1` or `/apis/<group>/<version>`. */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

const CONNECT_METHODS: Readonly<Record<string, HttpMethod>> = {
  get: 'get',
  create: 'post',
  update: 'put',
  patch: 'patch',
  delete: 'delete',
};

/** All routes of one group-version, sorted by path. */
export function routesForGroupVersion(registry: SchemaRegistry, group: string, version: string): Route[] {
  const base = groupVersionPath(group, version);
  const prefix = operationGroupPrefix(group, version);
  const tag = operationTag(group, version);
  const routes = new Map<string, { params: RouteParam[]; ops: RouteOperation[] }>();
  const add = (path: string, params: RouteParam[], op: RouteOperation) => {
    const r = routes.get(path) ?? { params: [...params, P.pretty], ops: [] };
    r.ops.push(op);
    routes.set(path, r);
  };
  const discoveryGVK = { group: '', version: 'v1', kind: 'APIResourceList' };
  routes.set(`${base}/`, {
    params: [],
    ops: [
      {
        method: 'get',
        operationId: `get${prefix}APIResources`,
        description: 'get available resources',
        action: 'get',
        gvk: discoveryGVK,
        tag,
        query: [],
        shape: 'object',
        response: 'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList',
        codes: [200],
      },
    ],
  });

  for (const k of registry.resourcesIn(group, version)) {
    const r = k.resource;
    if (!r) continue;
    const verbs = new Set(r.verbs);
    const K = k.gvk.kind;
    const scope = r.namespaced ? 'Namespaced' : '';
    const collection = r.namespaced ? `${base}/namespaces/{namespace}/${r.plural}` : `${base}/${r.plural}`;
    const item = `${collection}/{name}`;
    const collParams = r.namespaced ? [NAMESPACE] : [];
    const itemParams = r.namespaced ? [NAME, NAMESPACE] : [NAME];
    const def = k.schema.name;
    const listDef = registry.listKindOf(k)?.schema.name;
    const op = (o: Omit<RouteOperation, 'tag'>): RouteOperation => ({ ...o, tag });

    if (verbs.has('list') && listDef) {
      const list = (operationId: string, description: string) =>
        op({
          method: 'get',
          operationId,
          description,
          action: 'list',
          gvk: k.gvk,
          query: LIST_PARAMS,
          shape: 'list',
          response: listDef,
          codes: [200],
        });
      add(collection, collParams, list(`list${prefix}${scope}${K}`, `list or watch objects of kind ${K}`));
      if (r.namespaced) {
        add(`${base}/${r.plural}`, [], list(`list${prefix}${K}ForAllNamespaces`, `list or watch objects of kind ${K}`));
      }
    }
    if (verbs.has('create')) {
      add(
        collection,
        collParams,
        op({
          method: 'post',
          operationId: `create${prefix}${scope}${K}`,
          description: `create a ${K}`,
          action: 'post',
          gvk: k.gvk,
          query: WRITE_PARAMS,
          body: { definition: def },
          shape: 'object',
          response: def,
          codes: [200, 201, 202],
        }),
      );
    }
    if (verbs.has('deletecollection')) {
      add(
        collection,
        collParams,
        op({
          method: 'delete',
          operationId: `delete${prefix}Collection${scope}${K}`,
          description: `delete collection of ${K}`,
          action: 'deletecollection',
          gvk: k.gvk,
          query: DELETECOLLECTION_PARAMS,
          body: { definition: 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions' },
          shape: 'object',
          response: 'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
          codes: [200],
        }),
      );
    }
    if (verbs.has('get')) {
      add(
        item,
        itemParams,
        op({
          method: 'get',
          operationId: `read${prefix}${scope}${K}`,
          description: `read the specified ${K}`,
          action: 'get',
          gvk: k.gvk,
          query: [],
          shape: 'object',
          response: def,
          codes: [200],
        }),
      );
    }
    if (verbs.has('update')) {
      add(
        item,
        itemParams,
        op({
          method: 'put',
          operationId: `replace${prefix}${scope}${K}`,
          description: `replace the specified ${K}`,
          action: 'put',
          gvk: k.gvk,
          query: WRITE_PARAMS,
          body: { definition: def },
          shape: 'object',
          response: def,
          codes: [200, 201],
        }),
      );
    }
    if (verbs.has('patch')) {
      add(
        item,
        itemParams,
        op({
          method: 'patch',
          operationId: `patch${prefix}${scope}${K}`,
          description: `partially update the specified ${K}`,
          action: 'patch',
          gvk: k.gvk,
          query: PATCH_PARAMS,
          body: 'patch',
          shape: 'object',
          response: def,
          codes: [200, 201],
        }),
      );
    }
    if (verbs.has('delete')) {
      add(
        item,
        itemParams,
        op({
          method: 'delete',
          operationId: `delete${prefix}${scope}${K}`,
          description: `delete a ${K}`,
          action: 'delete',
          gvk: k.gvk,
          query: DELETE_PARAMS,
          body: { definition: 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions' },
          shape: 'object',
          response: 'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
          codes: [200, 202],
        }),
      );
    }
    if (verbs.has('watch')) {
      const watch = (operationId: string, action: KubernetesAction, description: string) =>
        op({
          method: 'get',
          operationId,
          description,
          action,
          gvk: k.gvk,
          query: LIST_PARAMS,
          shape: 'watch',
          response: 'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent',
          codes: [200],
        });
      const watchBase = r.namespaced ? `${base}/watch/namespaces/{namespace}/${r.plural}` : `${base}/watch/${r.plural}`;
      add(
        watchBase,
        collParams,
        watch(
          `watch${prefix}${scope}${K}List`,
          'watchlist',
          `watch individual changes to a list of ${K}. deprecated: use the 'watch' parameter with a list operation instead.`,
        ),
      );
      add(
        `${watchBase}/{name}`,
        itemParams,
        watch(
          `watch${prefix}${scope}${K}`,
          'watch',
          `watch changes to an object of kind ${K}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`,
        ),
      );
      if (r.namespaced) {
        add(
          `${base}/watch/${r.plural}`,
          [],
          watch(
            `watch${prefix}${K}ListForAllNamespaces`,
            'watchlist',
            `watch individual changes to a list of ${K}. deprecated: use the 'watch' parameter with a list operation instead.`,
          ),
        );
      }
    }
    for (const sub of r.subresources) {
      addSubresource(registry, k, sub, { item, itemParams, prefix, scope, tag, add });
    }
  }
  return [...routes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, r]) => ({ path, params: r.params, operations: r.ops }));
}

interface SubresourceContext {
  readonly item: string;
  readonly itemParams: RouteParam[];
  readonly prefix: string;
  readonly scope: string;
  readonly tag: string;
  readonly add: (path: string, params: RouteParam[], op: RouteOperation) => void;
}

function addSubresource(registry: SchemaRegistry, k: KindDef, sub: SubresourceDef, c: SubresourceContext): void {
  const K = k.gvk.kind;
  const S = upperFirst(sub.name);
  const gvk = sub.kind ?? k.gvk;
  const def = (sub.kind ? registry.lookupGVK(sub.kind)?.schema.name : undefined) ?? k.schema.name;
  const path = `${c.item}/${sub.name}`;
  const optionParams = sub.options ? optionsQueryParams(sub.options()) : [];
  const base = { gvk, tag: c.tag };
  if (sub.connect) {
    for (const verb of sub.verbs) {
      const method = CONNECT_METHODS[verb];
      if (!method) continue;
      const M = upperFirst(method);
      const connect = (operationId: string, params: RouteParam[]): RouteOperation => ({
        ...base,
        method,
        operationId,
        description: `connect ${M} requests to ${sub.name} of ${K}`,
        action: 'connect',
        query: params,
        shape: 'text',
        codes: [200],
      });
      c.add(path, c.itemParams, connect(`connect${c.prefix}${M}${c.scope}${K}${S}`, optionParams));
      if (sub.name === 'proxy') {
        c.add(
          `${path}/{path}`,
          [...c.itemParams, PROXY_PATH],
          connect(
            `connect${c.prefix}${M}${c.scope}${K}${S}WithPath`,
            optionParams.filter((p) => p.name !== 'path'),
          ),
        );
      }
    }
    return;
  }
  const text = sub.responseType === 'string';
  for (const verb of sub.verbs) {
    switch (verb) {
      case 'get':
        c.add(path, c.itemParams, {
          ...base,
          method: 'get',
          operationId: `read${c.prefix}${c.scope}${K}${S}`,
          description: `read ${sub.name} of the specified ${K}`,
          action: 'get',
          query: optionParams,
          shape: text ? 'text' : 'object',
          ...(text ? {} : { response: def }),
          codes: [200],
        });
        break;
      case 'update':
        c.add(path, c.itemParams, {
          ...base,
          method: 'put',
          operationId: `replace${c.prefix}${c.scope}${K}${S}`,
          description: `replace ${sub.name} of the specified ${K}`,
          action: 'put',
          query: WRITE_PARAMS,
          body: { definition: def },
          shape: 'object',
          response: def,
          codes: [200, 201],
        });
        break;
      case 'patch':
        c.add(path, c.itemParams, {
          ...base,
          method: 'patch',
          operationId: `patch${c.prefix}${c.scope}${K}${S}`,
          description: `partially update ${sub.name} of the specified ${K}`,
          action: 'patch',
          query: PATCH_PARAMS,
          body: 'patch',
          shape: 'object',
          response: def,
          codes: [200, 201],
        });
        break;
      case 'create':
        c.add(path, c.itemParams, {
          ...base,
          method: 'post',
          operationId: `create${c.prefix}${c.scope}${K}${S}`,
          description: `create ${sub.name} of a ${K}`,
          action: 'post',
          query: WRITE_PARAMS,
          body: { definition: def },
          shape: 'object',
          response: def,
          codes: [200, 201, 202],
        });
        break;
      default:
        break;
    }
  }
}

/** Query parameters from the scalar fields of an options struct (PodLogOptions, PodExecOptions, …). */
export function optionsQueryParams(s: StructType): RouteParam[] {
  const out: RouteParam[] = [];
  for (const f of s.properties()) {
    if (f.name === 'kind' || f.name === 'apiVersion') continue;
    let t = resolveType(f.type);
    if (t.kind === 'list') t = resolveType(t.elem);
    if (t.kind !== 'scalar') continue;
    const type: RouteParam['type'] =
      t.scalar === 'boolean' ? 'boolean' : t.scalar === 'int32' || t.scalar === 'int64' ? 'integer' : 'string';
    out.push({ name: f.name, in: 'query', type, description: f.description });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}
