import { conflict, isNotFound, notFound } from '../../../apimachinery/errors.js';
import { rfc3339 } from '../../../apimachinery/meta.js';
import { isStorageError } from '../../../storage/errors.js';
import type { KObject, RequestContext } from '../types.js';
import type { GenericStore } from './store.js';
import type { DeleteOptions } from './delete-options.js';
import { decodeFromStorage, encodeForStorage } from './codec.js';
import { clone } from './object-util.js';
import { listObjects, type ListParams } from './list.js';

export interface DeleteOutcome {
  /** The object: as it was when removed, or as it is now while deletion is pending. */
  object: KObject;
  /** True when the object is gone; false when deletion waits for finalizers or a grace period. */
  deleted: boolean;
}

function checkPreconditions(store: GenericStore, obj: KObject, options: DeleteOptions): void {
  const pre = options.preconditions;
  const name = obj.metadata.name ?? '';
  if (pre?.uid && pre.uid !== obj.metadata.uid) {
    throw conflict(store.gr, name, new Error(`Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`));
  }
  if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
    throw conflict(
      store.gr,
      name,
      new Error(`Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in meta: ${obj.metadata.resourceVersion}`),
    );
  }
}

/**
 * Deletes one object the way upstream's generic store does: preconditions; graceful deletion (pods) sets
 * deletionTimestamp + deletionGracePeriodSeconds and keeps the object; finalizers keep it until they are
 * removed; otherwise the key is removed at the revision the decision was made on (retried on conflicts).
 */
export async function deleteObject(store: GenericStore, ctx: RequestContext, name: string, options: DeleteOptions = {}): Promise<DeleteOutcome> {
  const key = store.keyFor(ctx.namespace, name);
  for (let attempt = 0; ; attempt++) {
    let kv;
    try {
      kv = await store.storage.get(key);
    } catch (err) {
      throw store.toStatusError(err, name);
    }
    if (!kv) throw notFound(store.gr, name);
    const current = decodeFromStorage(kv);
    checkPreconditions(store, current, options);
    const next = clone(current);
    const meta = next.metadata;
    let pending = false;
    const grace = store.def.gracePeriod?.(current, options, ctx);
    if (grace !== undefined && grace > 0) {
      const deadline = new Date(ctx.now.getTime() + grace * 1000);
      const existing = meta.deletionTimestamp ? Date.parse(meta.deletionTimestamp) : Infinity;
      // A second delete may only shorten the grace period, never extend it.
      if (deadline.getTime() < existing) {
        meta.deletionTimestamp = rfc3339(deadline);
        meta.deletionGracePeriodSeconds = grace;
      }
      pending = true;
    }
    if (meta.finalizers?.length) {
      if (!meta.deletionTimestamp) {
        meta.deletionTimestamp = rfc3339(ctx.now);
        meta.deletionGracePeriodSeconds = 0;
      }
      pending = true;
    }
    if (!pending && store.def.strategy.beforeDelete?.(next, ctx) === 'pending') pending = true;
    try {
      if (pending) {
        if (JSON.stringify(next) === JSON.stringify(current) || ctx.dryRun) return { object: next, deleted: false };
        const res = await store.storage.update(key, encodeForStorage(next), kv.modRevision);
        next.metadata.resourceVersion = String(res.modRevision);
        return { object: next, deleted: false };
      }
      if (ctx.dryRun) return { object: current, deleted: true };
      await store.storage.delete(key, kv.modRevision);
      await store.def.hooks?.afterDelete?.(current, ctx);
      return { object: current, deleted: true };
    } catch (err) {
      if (isStorageError(err, 'Conflict') && attempt < 10) continue;
      if (isStorageError(err, 'KeyNotFound')) throw notFound(store.gr, name);
      throw store.toStatusError(err, name);
    }
  }
}

/** Deletes every object a list selects (DELETE on a collection); returns what was deleted or marked. */
export async function deleteCollection(
  store: GenericStore,
  ctx: RequestContext,
  list: ListParams,
  options: DeleteOptions = {},
): Promise<KObject[]> {
  const { items } = await listObjects(store, ctx, list);
  const out: KObject[] = [];
  for (const obj of items) {
    try {
      const res = await deleteObject(store, { ...ctx, namespace: obj.metadata.namespace ?? ctx.namespace }, obj.metadata.name!, options);
      out.push(res.object);
    } catch (err) {
      // Another client deleted it first: that is the outcome we wanted.
      if (!isNotFound(err)) throw err;
    }
  }
  return out;
}
