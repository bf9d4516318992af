import { badRequest, conflict, methodNotSupported, notFound } from '../../apimachinery/errors.js';
import type { KObject } from '../registry/types.js';
import type { ScaleAccess } from '../registry/resource.js';
import { readBody, decodeObjectBody, decodePatchBody } from './body.js';
import { writeObject } from './respond.js';
import { applyPatchDocument } from './patch-handler.js';
import { checkUnknownFields, recordUpdate, type ResourceRequest } from './resource-handler.js';

/** The autoscaling/v1 Scale view of a scalable object. */
export function scaleOf(obj: KObject, access: ScaleAccess): KObject {
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: access.specReplicas(obj) },
    status: { replicas: access.statusReplicas(obj), selector: access.selector(obj) },
  };
}

function replicasOf(scale: KObject): number {
  const n = (scale.spec as { replicas?: unknown } | undefined)?.replicas ?? 0;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw badRequest('Scale.spec.replicas must be an integer');
  return n;
}

/**
 * GET/PUT/PATCH of `/scale`: reads and writes the parent's replica count through the Scale view. A Scale
 * that carries a resourceVersion is a precondition on the parent (as upstream).
 */
export async function serveScale(r: ResourceRequest): Promise<void> {
  const access = r.served.def.scale!;
  const store = r.served.store;
  const scaleKind = r.deps.schema.lookup('autoscaling/v1', 'Scale');
  if (r.info.verb === 'get') {
    writeObject(r.res, 200, scaleOf(await store.get(r.ctx, r.info.name), access), r.format);
    return;
  }
  if (r.info.verb !== 'update' && r.info.verb !== 'patch') throw methodNotSupported(store.gr, r.info.verb);
  const body = await readBody(r.req);
  let warnings: string[] = [];
  const out = await store.update(
    r.ctx,
    r.info.name,
    (current) => {
      if (!current) throw notFound(store.gr, r.info.name);
      const currentScale = scaleOf(current, access);
      let wanted: KObject;
      if (r.info.verb === 'update') {
        wanted = decodeObjectBody(r.req.headers['content-type'], body, r.deps.schema) as KObject;
      } else {
        const { type, patch } = decodePatchBody(r.req.headers['content-type'], body);
        if (type === 'apply-patch') throw badRequest('server-side apply is not supported on the scale subresource yet');
        wanted = applyPatchDocument(type, currentScale, patch, scaleKind!.schema);
      }
      if (scaleKind) warnings = checkUnknownFields(r, wanted, scaleKind.schema);
      const rv = wanted.metadata?.resourceVersion;
      if (rv && rv !== current.metadata.resourceVersion) throw conflict(store.gr, r.info.name);
      const next = structuredClone(current);
      access.setSpecReplicas(next, replicasOf(wanted));
      // kubectl scale owns spec.replicas through the scale subresource, as upstream records it.
      recordUpdate(r, next, current, 'scale');
      return next;
    },
    { ignoreResourceVersion: true, subresource: undefined },
  );
  writeObject(r.res, 200, scaleOf(out.object, access), r.format, warnings);
}
