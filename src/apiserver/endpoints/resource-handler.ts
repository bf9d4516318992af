import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, methodNotSupported, notAcceptable, notFound, StatusError } from '../../apimachinery/errors.js';
import { parseSelector } from '../../apimachinery/labels/selector.js';
import { parseFieldSelector, checkSupportedFields, FieldSelectorError } from '../../apimachinery/fields/selector.js';
import { findUnknownFields } from '../../api/schema/fields.js';
import { isValidPathSegmentName } from '../../apimachinery/validation/names.js';
import { apiVersionOf } from '../../api/schema/dsl.js';
import type { SchemaRegistry } from '../../api/schema/registry.js';
import type { Logger } from '../../util/log.js';
import type { ApiRegistry, ServedResource } from '../registry/api-registry.js';
import type { KObject, RequestContext } from '../registry/types.js';
import { listObjects, type ListParams } from '../registry/generic/list.js';
import { deleteObject, deleteCollection } from '../registry/generic/delete.js';
import type { DeleteOptions } from '../registry/generic/delete-options.js';
import { objectFields, type Selection } from '../registry/generic/selection.js';
import type { FieldManager } from '../fieldmanager/interface.js';
import { admitNamespaceLifecycle } from '../admission/namespace-lifecycle.js';
import { defaultPrinter, toTable, partialObjectMetadata, type TablePrinter } from '../printers/table.js';
import type { RequestInfo } from './request-info.js';
import { negotiateOutput, type OutputFormat } from './negotiation.js';
import { decodeObjectBody, readBody, parseJson } from './body.js';
import { writeObject, successStatus } from './respond.js';
import { serveWatch } from './watch-handler.js';
import { servePatch } from './patch-handler.js';
import { serveScale } from './scale-handler.js';

/** Serves a subresource that is not status or scale (pods/log, pods/exec, pods/binding, ...). */
export type SubresourceHandler = (r: ResourceRequest) => Promise<void>;

export interface ResourceHandlerDeps {
  registry: ApiRegistry;
  schema: SchemaRegistry;
  fieldManager: FieldManager;
  /** Table printers by `group/resource` (`apps/deployments`, `/pods`). */
  printers: ReadonlyMap<string, TablePrinter>;
  /** Connect-style subresources by `group/resource/subresource`. */
  subresources?: ReadonlyMap<string, SubresourceHandler>;
  now: () => Date;
  logger: Logger;
}

/** The request as every verb handler sees it. */
export interface ResourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  info: RequestInfo;
  query: URLSearchParams;
  served: ServedResource;
  ctx: RequestContext;
  format: OutputFormat;
  deps: ResourceHandlerDeps;
}

/** Builds the request context: namespace, dryRun and the (for now fixed) admin user. */
export function requestContext(info: RequestInfo, query: URLSearchParams, now: Date): RequestContext {
  const dry = query.getAll('dryRun');
  for (const d of dry) if (d !== 'All') throw badRequest(`Invalid dryRun value: ${JSON.stringify(d)}: supported values: "All"`);
  return { namespace: info.namespace, dryRun: dry.includes('All'), user: { name: 'system:admin', groups: ['system:masters', 'system:authenticated'] }, now };
}

/** Label + field selection from the query, with the resource's supported fields checked. */
export function selectionFrom(query: URLSearchParams, served: ServedResource): Selection {
  const sel: Selection = {};
  const ls = query.get('labelSelector');
  const fs = query.get('fieldSelector');
  try {
    if (ls) sel.labels = parseSelector(ls);
  } catch (err) {
    throw badRequest(`unable to parse requirement: ${(err as Error).message}`);
  }
  if (fs) {
    try {
      sel.fields = parseFieldSelector(fs);
      const sample: KObject = { metadata: {} };
      checkSupportedFields(sel.fields, Object.keys(objectFields(sample, served.def.fieldsOf)));
    } catch (err) {
      if (err instanceof FieldSelectorError) throw badRequest(err.message);
      throw err;
    }
  }
  return sel;
}

export function listParams(query: URLSearchParams, served: ServedResource): ListParams {
  const limitText = query.get('limit');
  let limit: number | undefined;
  if (limitText) {
    limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 0) throw badRequest(`invalid limit ${JSON.stringify(limitText)}: must be a non-negative integer`);
  }
  return {
    selection: selectionFrom(query, served),
    limit,
    continue: query.get('continue') || undefined,
    resourceVersion: query.get('resourceVersion') ?? undefined,
    resourceVersionMatch: query.get('resourceVersionMatch') || undefined,
  };
}

const printerKey = (info: { group: string; resource: string }) => `${info.group}/${info.resource}`;

/** Renders one object in the negotiated form (the object, a one-row Table, or PartialObjectMetadata). */
export function renderObject(r: ResourceRequest, obj: KObject): unknown {
  if (r.format.rendering === 'Table') {
    const printer = r.deps.printers.get(printerKey(r.served.info)) ?? defaultPrinter;
    return toTable(printer, [obj], r.deps.now(), { resourceVersion: obj.metadata.resourceVersion }, { includeObject: r.query.get('includeObject') ?? undefined });
  }
  if (r.format.rendering === 'PartialObjectMetadata') return partialObjectMetadata(obj);
  return obj;
}

function renderList(r: ResourceRequest, items: KObject[], meta: { resourceVersion: string; continue?: string; remainingItemCount?: number }): unknown {
  const listMeta: Record<string, unknown> = { resourceVersion: meta.resourceVersion };
  if (meta.continue) listMeta.continue = meta.continue;
  if (meta.remainingItemCount !== undefined && meta.continue) listMeta.remainingItemCount = meta.remainingItemCount;
  if (r.format.rendering === 'Table') {
    const printer = r.deps.printers.get(printerKey(r.served.info)) ?? defaultPrinter;
    return toTable(printer, items, r.deps.now(), listMeta, { includeObject: r.query.get('includeObject') ?? undefined });
  }
  if (r.format.rendering === 'PartialObjectMetadataList' || r.format.rendering === 'PartialObjectMetadata') {
    return { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata: listMeta, items: items.map(partialObjectMetadata) };
  }
  const { group, version, kind } = r.served.info;
  return { kind: `${kind}List`, apiVersion: apiVersionOf(group, version), metadata: listMeta, items };
}

/**
 * Decodes a create/update body into an object of the URL's kind: checks apiVersion and kind, applies
 * fieldValidation (Strict → 400, Warn → warnings, Ignore), and fills apiVersion/kind when absent.
 */
export async function decodeInput(r: ResourceRequest, kindOverride?: { apiVersion: string; kind: string; schemaKind?: ServedResource['kind'] }): Promise<{ obj: KObject; warnings: string[] }> {
  const body = await readBody(r.req);
  const raw = decodeObjectBody(r.req.headers['content-type'], body, r.deps.schema);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('the request body must be a JSON or YAML object');
  const obj = raw as KObject;
  const { group, version, kind } = r.served.info;
  const wantApiVersion = kindOverride?.apiVersion ?? apiVersionOf(group, version);
  const wantKind = kindOverride?.kind ?? kind;
  if (obj.apiVersion !== undefined && obj.apiVersion !== wantApiVersion) {
    throw badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${wantApiVersion})`);
  }
  if (obj.kind !== undefined && obj.kind !== wantKind) {
    throw badRequest(`the kind in the data (${String(obj.kind)}) does not match the expected kind (${wantKind})`);
  }
  obj.apiVersion = wantApiVersion;
  obj.kind = wantKind;
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  if (typeof obj.metadata !== 'object' || Array.isArray(obj.metadata)) throw badRequest('metadata must be an object');
  const warnings = checkUnknownFields(r, obj, (kindOverride?.schemaKind ?? r.served.kind).schema);
  return { obj, warnings };
}

/** fieldValidation: Strict → 400 listing the unknown fields; Warn (default) → warnings; Ignore → nothing. */
export function checkUnknownFields(r: ResourceRequest, obj: unknown, schema: ServedResource['kind']['schema']): string[] {
  const mode = r.query.get('fieldValidation') ?? 'Warn';
  if (mode !== 'Strict' && mode !== 'Warn' && mode !== 'Ignore') {
    throw badRequest(`fieldValidation parameter unsupported: ${mode}. Valid values: Strict, Warn, Ignore`);
  }
  if (mode === 'Ignore') return [];
  const unknown = findUnknownFields(obj, schema).map((p) => `unknown field "${p}"`);
  if (unknown.length && mode === 'Strict') throw badRequest(`strict decoding error: ${unknown.join(', ')}`);
  return unknown;
}

/** The fieldManager for a write: the query parameter, else derived from the User-Agent like upstream. */
export function managerName(r: ResourceRequest): string {
  const m = r.query.get('fieldManager');
  if (m) {
    if (m.length > 128) throw badRequest('fieldManager: Too long: may not be longer than 128');
    return m;
  }
  const ua = String(r.req.headers['user-agent'] ?? 'unknown');
  return ua.split('/')[0]!.slice(0, 128);
}

/**
 * Records an Update by this request's manager in managedFields. Defaults are filled first (they are
 * idempotent and the store fills them again) so that, as upstream, the writer owns the fields defaulting set.
 */
export function recordUpdate(r: ResourceRequest, obj: KObject, current: KObject | undefined, subresource: string, manager = managerName(r)): void {
  r.served.def.strategy.defaults?.(obj);
  r.deps.fieldManager.update(obj, current, { kind: r.served.kind, manager, subresource, now: r.ctx.now });
}

async function serveGet(r: ResourceRequest): Promise<void> {
  const obj = await r.served.store.get(r.ctx, r.info.name);
  writeObject(r.res, 200, renderObject(r, obj), r.format);
}

async function serveList(r: ResourceRequest): Promise<void> {
  const out = await listObjects(r.served.store, r.ctx, listParams(r.query, r.served));
  writeObject(r.res, 200, renderList(r, out.items, out), r.format);
}

async function serveCreate(r: ResourceRequest): Promise<void> {
  const { obj, warnings } = await decodeInput(r);
  if (r.served.info.namespaced && !r.ctx.namespace) throw notFound(r.served.store.gr, '');
  await admitNamespaceLifecycle(r.deps.registry, r.ctx, r.served.info.resource);
  recordUpdate(r, obj, undefined, '');
  const created = await r.served.store.create(r.ctx, obj);
  writeObject(r.res, 201, renderObject(r, created), r.format, [...warnings, ...(r.served.def.strategy.warnings?.(created) ?? [])]);
}

async function serveUpdate(r: ResourceRequest): Promise<void> {
  const { obj, warnings } = await decodeInput(r);
  const manager = managerName(r);
  const sub = r.info.subresource;
  const out = await r.served.store.update(
    r.ctx,
    r.info.name,
    async (current) => {
      if (!current) await admitNamespaceLifecycle(r.deps.registry, r.ctx, r.served.info.resource);
      recordUpdate(r, obj, current, sub, manager);
      return obj;
    },
    { subresource: sub || undefined },
  );
  writeObject(r.res, out.created ? 201 : 200, renderObject(r, out.object), r.format, warnings);
}

async function readDeleteOptions(r: ResourceRequest): Promise<DeleteOptions> {
  const body = await readBody(r.req);
  let opts: DeleteOptions = {};
  if (body.length) {
    const parsed = parseJson(body.toString('utf8'));
    if (!parsed || typeof parsed !== 'object') throw badRequest('DeleteOptions must be an object');
    opts = parsed as DeleteOptions;
  }
  const grace = r.query.get('gracePeriodSeconds');
  if (grace !== null) {
    const n = Number(grace);
    if (!Number.isInteger(n)) throw badRequest(`gracePeriodSeconds: invalid value ${JSON.stringify(grace)}`);
    opts.gracePeriodSeconds = n;
  }
  const prop = r.query.get('propagationPolicy');
  if (prop) opts.propagationPolicy = prop as DeleteOptions['propagationPolicy'];
  if (opts.propagationPolicy && !['Orphan', 'Background', 'Foreground'].includes(opts.propagationPolicy)) {
    throw badRequest(`propagationPolicy: Unsupported value: "${opts.propagationPolicy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  return opts;
}

async function serveDelete(r: ResourceRequest): Promise<void> {
  const opts = await readDeleteOptions(r);
  const out = await deleteObject(r.served.store, r.ctx, r.info.name, opts);
  if (!out.deleted || r.served.def.returnDeletedObject) {
    writeObject(r.res, 200, renderObject(r, out.object), r.format);
    return;
  }
  const { group, resource } = r.served.info;
  writeObject(r.res, 200, successStatus({ name: r.info.name, group: group || undefined, kind: resource, uid: out.object.metadata.uid }), r.format);
}

async function serveDeleteCollection(r: ResourceRequest): Promise<void> {
  const opts = await readDeleteOptions(r);
  const items = await deleteCollection(r.served.store, r.ctx, listParams(r.query, r.served), opts);
  writeObject(r.res, 200, renderList(r, items, { resourceVersion: '' }), r.format);
}

/** Serves a resource request (`/api/v1/namespaces/ns/pods/...`, `/apis/g/v/...`). */
export async function serveResource(deps: ResourceHandlerDeps, req: IncomingMessage, res: ServerResponse, info: RequestInfo, query: URLSearchParams): Promise<void> {
  const served = deps.registry.get(info.apiGroup, info.apiVersion, info.resource);
  if (!served || (!served.info.namespaced && info.namespace && info.resource !== 'namespaces')) {
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  }
  for (const [what, value] of [['resource name', info.name], ['namespace', info.namespace]] as const) {
    const errs = value ? isValidPathSegmentName(value) : [];
    if (errs.length) throw badRequest(`invalid ${what} ${JSON.stringify(value)}: [${errs.join(', ')}]`);
  }
  const format = negotiateOutput(req.headers.accept as string | undefined);
  if (!format) throw notAcceptable(['application/json', 'application/yaml']);
  const r: ResourceRequest = { req, res, info, query, served, ctx: requestContext(info, query, deps.now()), format, deps };
  const verbs = served.def.verbs ?? [];
  const deny = (): never => {
    throw methodNotSupported(served.store.gr, info.verb);
  };
  if (served.def.virtual) {
    if (info.verb !== 'create' || info.subresource || info.name) return deny();
    const { obj } = await decodeInput(r);
    writeObject(res, 201, await served.def.virtual.create(obj, r.ctx), format);
    return;
  }
  if (info.subresource) {
    if (info.subresource === 'status' && served.def.statusStrategy) {
      if (info.verb === 'get') return serveGet(r);
      if (info.verb === 'update') return serveUpdate(r);
      if (info.verb === 'patch') return servePatch(r);
      return deny();
    }
    if (info.subresource === 'scale' && served.def.scale) return serveScale(r);
    const handler = deps.subresources?.get(`${info.apiGroup}/${info.resource}/${info.subresource}`);
    if (handler) return handler(r);
    throw notFound({ group: info.apiGroup, resource: `${info.resource}/${info.subresource}` }, info.name);
  }
  if (!verbs.includes(info.verb === 'watch' ? 'watch' : info.verb)) return deny();
  switch (info.verb) {
    case 'get':
      return serveGet(r);
    case 'list':
      return serveList(r);
    case 'watch':
      return serveWatch(r);
    case 'create':
      if (info.name) return deny();
      return serveCreate(r);
    case 'update':
      return serveUpdate(r);
    case 'patch':
      return servePatch(r);
    case 'delete':
      return serveDelete(r);
    case 'deletecollection':
      return serveDeleteCollection(r);
    default:
      return deny();
  }
}
