import type { ListOptions as StoreListOptions } from '../../../storage/interface.js';
import { encodeContinue, keyAfter } from '../../../storage/keys.js';
import { badRequest } from '../../../apimachinery/errors.js';
import type { KObject, RequestContext } from '../types.js';
import type { GenericStore } from './store.js';
import { decodeFromStorage } from './codec.js';
import { isEverything, matches, type Selection } from './selection.js';

/** List parameters as the API takes them (metav1.ListOptions). */
export interface ListParams {
  selection: Selection;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
}

export interface ListOutcome {
  items: KObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** Parses a resourceVersion parameter: '' → undefined, digits → number, anything else → 400. */
export function parseResourceVersion(rv: string | undefined): number | undefined {
  if (rv === undefined || rv === '') return undefined;
  if (!/^\d+$/.test(rv)) throw badRequest(`invalid resource version: ${JSON.stringify(rv)}: must be a non-negative integer`);
  return Number(rv);
}

/** Maps resourceVersion/resourceVersionMatch/continue to a store read, with upstream's validation. */
export function storeListOptions(p: ListParams): StoreListOptions {
  const rv = parseResourceVersion(p.resourceVersion);
  const match = p.resourceVersionMatch ?? '';
  if (match && match !== 'Exact' && match !== 'NotOlderThan') {
    throw badRequest(`resourceVersionMatch: Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"`);
  }
  if (match && rv === undefined) throw badRequest('resourceVersionMatch is forbidden unless resourceVersion is provided');
  if (p.continue) {
    if (rv !== undefined && rv !== 0) throw badRequest('specifying resource version is not allowed when using continue');
    if (match) throw badRequest('resourceVersionMatch is forbidden when continue is provided');
    return { continue: p.continue };
  }
  if (match === 'Exact') {
    if (rv === 0) throw badRequest('resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
    return { revision: rv };
  }
  if (rv === undefined) return {}; // a consistent read of the current state
  return { revision: rv, revisionMatch: 'NotOlderThan' };
}

/**
 * Lists a resource in one namespace or all. With selectors and a limit it keeps reading pages until `limit`
 * matching objects are found, and hands out a continue token right after the last object it examined.
 */
export async function listObjects(store: GenericStore, ctx: RequestContext, p: ListParams): Promise<ListOutcome> {
  const prefix = store.prefixFor(ctx.namespace);
  const base = storeListOptions(p);
  const limit = p.limit && p.limit > 0 ? p.limit : 0;
  const everything = isEverything(p.selection);
  const items: KObject[] = [];
  try {
    if (everything) {
      const res = await store.storage.list(prefix, { ...base, limit });
      for (const kv of res.items) items.push(decodeFromStorage(kv));
      return { items, resourceVersion: String(res.revision), continue: res.continue, remainingItemCount: res.remainingItemCount };
    }
    let opts: StoreListOptions = { ...base, limit: limit ? Math.max(limit, 100) : 0 };
    for (;;) {
      const res = await store.storage.list(prefix, opts);
      for (let i = 0; i < res.items.length; i++) {
        const obj = decodeFromStorage(res.items[i]!);
        if (!matches(p.selection, obj, store.def.fieldsOf)) continue;
        items.push(obj);
        if (limit && items.length === limit) {
          const more = i < res.items.length - 1 || res.continue !== undefined;
          const token = more ? encodeContinue(res.revision, prefix, keyAfter(res.items[i]!.key)) : undefined;
          return { items, resourceVersion: String(res.revision), continue: token };
        }
      }
      if (!res.continue) return { items, resourceVersion: String(res.revision) };
      opts = { continue: res.continue, limit: opts.limit };
    }
  } catch (err) {
    throw store.toStatusError(err);
  }
}
