/**
 * OpenAPI documents derived from the schema registry:
 * - {@link openapiV3ForGroupVersion}: `/openapi/v3/api/v1`, `/openapi/v3/apis/<group>/<version>` (kubectl explain
 *   and apply; apply looks for a PATCH operation with the kind's `x-kubernetes-group-version-kind` and a
 *   `fieldValidation` parameter to decide on server-side validation).
 * - {@link openapiV3Root}: `/openapi/v3`, listing each group-version document with its content hash.
 * - {@link openapiV2}: `/openapi/v2` (swagger 2.0, JSON).
 *
 * Output is deterministic (keys sorted like upstream), so documents and hashes can be computed once per
 * registry and cached: {@link openapiV3Documents} does that work in one pass.
 */

import { createHash } from 'node:crypto';
import type { GroupVersionKind } from './dsl.js';
import type { SchemaRegistry } from './registry.js';
import {
  PATCH_DEFINITION,
  definitionClosure,
  refTo,
  sortKeys,
  specialDefinition,
  structDefinition,
  type JsonSchema,
  type OpenAPIFlavor,
} from './openapi-schemas.js';
import { routesForGroupVersion, type Route, type RouteOperation, type RouteParam } from './openapi-paths.js';

export type OpenAPIDocument = { [k: string]: unknown };

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const PATCH_CONTENT_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];
const OBJECT_MEDIA = ['application/json', 'application/vnd.kubernetes.protobuf', 'application/yaml'];
const STREAM_MEDIA = ['application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];
const CODE_DESCRIPTIONS: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted' };

const BEARER = {
  description: 'Bearer token authentication, in the form "Bearer <token>".',
  in: 'header',
  name: 'authorization',
  type: 'apiKey',
};

/** Document key of a group-version as used under /openapi/v3: `api/v1` or `apis/<group>/<version>`. */
export function openapiV3Path(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

/** The OpenAPI v3 document of one group-version, or undefined if the registry does not serve it. */
export function openapiV3ForGroupVersion(
  registry: SchemaRegistry,
  group: string,
  version: string,
): OpenAPIDocument | undefined {
  if (!registry.groupVersions.some((gv) => gv.group === group && gv.version === version)) return undefined;
  const routes = routesForGroupVersion(registry, group, version);
  const schemas: Record<string, JsonSchema> = {};
  for (const name of definitionClosure(registry, rootDefinitions(registry, routes, group, version))) {
    const s = definitionSchema(registry, name, 'v3');
    if (s) schemas[name] = s;
  }
  const paths: Record<string, unknown> = {};
  for (const r of routes) paths[r.path] = renderRoute(r, 'v3');
  return sortKeys({
    components: { schemas, securitySchemes: { BearerToken: BEARER } },
    info: { title: 'Kubernetes', version: 'unversioned' },
    openapi: '3.0.0',
    paths,
    security: [{ BearerToken: [] }],
  });
}

/** Serialized document, its hash and the document itself, per `/openapi/v3` key. */
export interface OpenAPIV3Entry {
  readonly document: OpenAPIDocument;
  /** Compact JSON, the bytes served. */
  readonly json: string;
  /** Uppercase hex SHA-512 of `json`, as in upstream's `?hash=` query. */
  readonly hash: string;
}

/** Every group-version document, keyed like `api/v1` and `apis/apps/v1`, in registry order. */
export function openapiV3Documents(registry: SchemaRegistry): ReadonlyMap<string, OpenAPIV3Entry> {
  const out = new Map<string, OpenAPIV3Entry>();
  for (const gv of registry.groupVersions) {
    const document = openapiV3ForGroupVersion(registry, gv.group, gv.version);
    if (!document) continue;
    const json = JSON.stringify(document);
    out.set(openapiV3Path(gv.group, gv.version), { document, json, hash: openapiHash(json) });
  }
  return out;
}

/** Uppercase hex SHA-512, the content hash upstream puts in `serverRelativeURL`. */
export function openapiHash(json: string): string {
  return createHash('sha512').update(json).digest('hex').toUpperCase();
}

/** The `/openapi/v3` discovery document. Pass precomputed documents to avoid rebuilding them. */
export function openapiV3Root(
  registry: SchemaRegistry,
  documents: ReadonlyMap<string, OpenAPIV3Entry> = openapiV3Documents(registry),
): { paths: Record<string, { serverRelativeURL: string }> } {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const key of [...documents.keys()].sort()) {
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${documents.get(key)!.hash}` };
  }
  return { paths };
}

/** The swagger 2.0 document for every group-version. */
export function openapiV2(registry: SchemaRegistry, opts: { version?: string } = {}): OpenAPIDocument {
  const paths: Record<string, unknown> = {};
  const roots = new Set<string>();
  for (const gv of registry.groupVersions) {
    const routes = routesForGroupVersion(registry, gv.group, gv.version);
    for (const r of routes) paths[r.path] = renderRoute(r, 'v2');
    for (const n of rootDefinitions(registry, routes, gv.group, gv.version)) roots.add(n);
  }
  for (const k of registry.kinds) roots.add(k.schema.name); // inline-only structs (VolumeSource…) stay out
  const definitions: Record<string, JsonSchema> = {};
  for (const name of definitionClosure(registry, roots)) {
    const s = definitionSchema(registry, name, 'v2');
    if (s) definitions[name] = s;
  }
  return sortKeys({
    definitions,
    info: { title: 'Kubernetes', version: opts.version ?? 'unversioned' },
    paths,
    security: [{ BearerToken: [] }],
    securityDefinitions: { BearerToken: BEARER },
    swagger: '2.0',
  });
}

function definitionSchema(registry: SchemaRegistry, name: string, flavor: OpenAPIFlavor): JsonSchema | undefined {
  const s = registry.definitions.get(name);
  return s ? structDefinition(s, registry, flavor) : specialDefinition(name, flavor);
}

/** Definitions a group-version document must contain: its kinds, what its routes use, and the meta types. */
function rootDefinitions(registry: SchemaRegistry, routes: readonly Route[], group: string, version: string): string[] {
  const out = new Set<string>([
    `${META}.APIResourceList`,
    `${META}.DeleteOptions`,
    `${META}.Status`,
    `${META}.WatchEvent`,
    PATCH_DEFINITION,
  ]);
  for (const k of registry.kindsIn(group, version)) out.add(k.schema.name);
  for (const r of routes) {
    for (const op of r.operations) {
      if (op.response) out.add(op.response);
      if (op.body && op.body !== 'patch') out.add(op.body.definition);
      const k = registry.lookupGVK(op.gvk);
      if (k) out.add(k.schema.name);
    }
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

function renderRoute(r: Route, flavor: OpenAPIFlavor): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (r.params.length > 0) out.parameters = r.params.map((p) => renderParam(p, flavor));
  for (const op of r.operations) out[op.method] = renderOperation(op, flavor);
  return out;
}

function renderParam(p: RouteParam, flavor: OpenAPIFlavor): Record<string, unknown> {
  const base: Record<string, unknown> = { description: p.description, in: p.in, name: p.name };
  if (p.required) base.required = true;
  if (flavor === 'v3') base.schema = { type: p.type, uniqueItems: true };
  else Object.assign(base, { type: p.type, uniqueItems: true });
  return base;
}

function gvkExtension(g: GroupVersionKind): Record<string, string> {
  return { group: g.group, kind: g.kind, version: g.version };
}

function mediaTypes(op: RouteOperation): string[] {
  switch (op.shape) {
    case 'text':
      return ['*/*'];
    case 'object':
      return OBJECT_MEDIA;
    case 'list':
      return [...OBJECT_MEDIA, ...STREAM_MEDIA].sort();
    case 'watch':
      return [...OBJECT_MEDIA, ...STREAM_MEDIA].sort();
  }
}

function responseSchema(op: RouteOperation, flavor: OpenAPIFlavor): JsonSchema {
  return op.response ? refTo(op.response, flavor) : { type: 'string' };
}

function renderOperation(op: RouteOperation, flavor: OpenAPIFlavor): Record<string, unknown> {
  const out: Record<string, unknown> = {
    description: op.description,
    operationId: op.operationId,
    tags: [op.tag],
    'x-kubernetes-action': op.action,
    'x-kubernetes-group-version-kind': gvkExtension(op.gvk),
  };
  const params = op.query.map((p) => renderParam(p, flavor));
  const bodySchema =
    op.body === 'patch' ? refTo(PATCH_DEFINITION, flavor) : op.body ? refTo(op.body.definition, flavor) : undefined;
  const consumes = op.body === 'patch' ? PATCH_CONTENT_TYPES : ['*/*'];
  const responses: Record<string, unknown> = {};
  const media = mediaTypes(op);
  for (const code of op.codes) {
    const description = CODE_DESCRIPTIONS[code] ?? 'OK';
    if (flavor === 'v3') {
      const content: Record<string, unknown> = {};
      for (const m of media) content[m] = { schema: responseSchema(op, flavor) };
      responses[String(code)] = { content, description };
    } else {
      responses[String(code)] = { description, schema: responseSchema(op, flavor) };
    }
  }
  responses['401'] = { description: 'Unauthorized' };
  out.responses = responses;
  if (flavor === 'v3') {
    if (params.length > 0) out.parameters = params;
    if (bodySchema) {
      const content: Record<string, unknown> = {};
      for (const m of consumes) content[m] = { schema: bodySchema };
      out.requestBody = op.method === 'delete' ? { content } : { content, required: true };
    }
  } else {
    if (bodySchema)
      params.push({
        in: 'body',
        name: 'body',
        ...(op.method === 'delete' ? {} : { required: true }),
        schema: bodySchema,
      });
    if (params.length > 0) out.parameters = params;
    out.consumes = consumes;
    out.produces = media;
    out.schemes = ['https'];
  }
  return out;
}
