import { badRequest, notFound, StatusError } from '../../apimachinery/errors.js';
import { applyJsonPatch } from '../../apimachinery/patch/json-patch.js';
import { applyMergePatch } from '../../apimachinery/patch/merge-patch.js';
import { applyStrategicMergePatch } from '../../apimachinery/patch/strategic-merge.js';
import { PatchError } from '../../apimachinery/patch/patch-error.js';
import { patchMetaFor } from '../../api/schema/fields.js';
import type { StructType } from '../../api/schema/dsl.js';
import type { BodyType } from './negotiation.js';
import { admitNamespaceLifecycle } from '../admission/namespace-lifecycle.js';
import type { KObject } from '../registry/types.js';
import { readBody, decodePatchBody } from './body.js';
import { writeObject } from './respond.js';
import { checkUnknownFields, managerName, recordUpdate, renderObject, type ResourceRequest } from './resource-handler.js';

/** Turns a patch library error into the Status upstream's PATCH handler answers with. */
export function patchErrorToStatus(err: unknown): unknown {
  if (!(err instanceof PatchError)) return err;
  // Upstream answers a JSON patch that does not apply with NewGenericServerResponse(422, ..., err.Error()):
  // the generic message plus the library's text as an UnexpectedServerResponse cause.
  const causes = err.causes.length
    ? err.causes.map((c) => ({ reason: c.type, message: c.message, field: c.field }))
    : err.code === 'Invalid' && err.statusMessage !== err.message
      ? [{ reason: 'UnexpectedServerResponse', message: err.message }]
      : [];
  return new StatusError(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: err.statusMessage,
      reason: err.reason,
      details: causes.length ? { causes } : undefined,
      code: err.status,
    },
    { cause: err },
  );
}

/** Applies a non-apply patch document of `type` to `current` using `schema` for strategic-merge metadata. */
export function applyPatchDocument(type: BodyType, current: unknown, patch: unknown, schema: StructType): KObject {
  try {
    let out: unknown;
    if (type === 'json-patch') out = applyJsonPatch(current, patch);
    else if (type === 'merge-patch') out = applyMergePatch(current, patch);
    else out = applyStrategicMergePatch(current, patch, patchMetaFor(schema));
    if (!out || typeof out !== 'object' || Array.isArray(out)) throw badRequest('the patched object is not a JSON object');
    return out as KObject;
  } catch (err) {
    throw patchErrorToStatus(err);
  }
}

/** Whether a patch sets metadata.resourceVersion (then it is a precondition, as upstream). */
function patchSetsResourceVersion(type: BodyType, patch: unknown): boolean {
  if (type === 'json-patch') return Array.isArray(patch) && patch.some((op) => op && typeof op === 'object' && String((op as { path?: unknown }).path) === '/metadata/resourceVersion');
  const meta = (patch as { metadata?: { resourceVersion?: unknown } } | null)?.metadata;
  return typeof meta?.resourceVersion === 'string' && meta.resourceVersion !== '';
}

/**
 * PATCH: JSON patch, merge patch, strategic merge patch, and server-side apply (`application/apply-patch+yaml`,
 * which may create). Retried on conflicts unless the patch pins a resourceVersion.
 */
export async function servePatch(r: ResourceRequest): Promise<void> {
  const { type, patch } = decodePatchBody(r.req.headers['content-type'], await readBody(r.req));
  const schema = r.served.kind.schema;
  const sub = r.info.subresource;
  const force = r.query.get('force');
  if (type === 'apply-patch') {
    if (!r.query.get('fieldManager')) throw badRequest('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw badRequest('the apply patch must be an object');
  } else if (force !== null) {
    throw badRequest('PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
  }
  const manager = managerName(r);
  let warnings: string[] = [];
  const out = await r.served.store.update(
    r.ctx,
    r.info.name,
    async (current) => {
      const mctx = { kind: r.served.kind, manager, subresource: sub, now: r.ctx.now };
      if (type === 'apply-patch') {
        const applied = patch as KObject;
        warnings = checkUnknownFields(r, applied, schema);
        if (!current) await admitNamespaceLifecycle(r.deps.registry, r.ctx, r.served.info.resource);
        return r.deps.fieldManager.apply(current, applied, { ...mctx, force: force === 'true' });
      }
      if (!current) throw notFound(r.served.store.gr, r.info.name);
      const patched = applyPatchDocument(type, current, patch, schema);
      warnings = checkUnknownFields(r, patched, schema);
      recordUpdate(r, patched, current, sub, manager);
      return patched;
    },
    {
      subresource: sub || undefined,
      forceAllowCreate: type === 'apply-patch' && !sub,
      ignoreResourceVersion: !patchSetsResourceVersion(type, patch),
    },
  );
  writeObject(r.res, out.created ? 201 : 200, renderObject(r, out.object), r.format, warnings);
}
