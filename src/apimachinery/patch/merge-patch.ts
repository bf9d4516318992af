/**
 * RFC 7386 JSON merge patch (`application/merge-patch+json`), with the details of the library upstream's
 * apiserver uses (gopkg.in/evanphx/json-patch.v4 `MergePatch`/`CreateMergePatch`):
 * - `null` deletes a member; nulls inside newly added objects are dropped (also inside objects in arrays);
 * - arrays are replaced whole, never merged;
 * - a patch that is an array replaces the document; a patch that is `null` or a scalar is rejected
 *   (400 "Invalid JSON Patch"), where RFC 7386 would replace the document with it.
 */
import {
  cloneJson,
  hasOwn,
  isJsonObject,
  jsonEqual,
  jsonKind,
  setKey,
  type JsonObject,
  type JsonValue,
} from './json.js';
import { badRequest, internal } from './patch-error.js';

/**
 * Applies a merge patch to a copy of `doc`; neither argument is modified. Throws PatchError BadRequest for a
 * null or scalar patch and Internal for a null document (both as upstream).
 */
export function applyMergePatch(doc: unknown, patch: unknown): JsonValue {
  const p = cloneJson(patch);
  if (p === null || typeof p !== 'object') throw badRequest('Invalid JSON Patch');
  const d = cloneJson(doc);
  if (d === null) throw internal('Invalid JSON Document');
  if (Array.isArray(p)) return pruneNulls(p);
  if (!isJsonObject(d)) return pruneNulls(p);
  mergeObjects(d, p);
  return d;
}

/** Merges `patch` into `doc` in place (both are private copies). */
function mergeObjects(doc: JsonObject, patch: JsonObject): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) {
      delete doc[k];
      continue;
    }
    const cur = hasOwn(doc, k) ? doc[k] : null;
    setKey(doc, k, cur === null ? pruneNulls(v) : mergeValue(cur, v));
  }
}

function mergeValue(cur: JsonValue, patch: JsonValue): JsonValue {
  if (!isJsonObject(cur)) return pruneNulls(patch);
  // Upstream returns a non-object patch value unpruned when it replaces an object; keep that.
  if (!isJsonObject(patch)) return patch;
  mergeObjects(cur, patch);
  return cur;
}

/** Drops null members of objects, recursively; null array elements stay (they are values, not deletions). */
function pruneNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (!isJsonObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, e] of Object.entries(v)) if (e !== null) setKey(out, k, pruneNulls(e));
  return out;
}

/**
 * Computes the merge patch that turns `original` into `modified` (both objects): changed and added members
 * carry the new value, removed members are null, arrays that differ are sent whole. Throws PatchError
 * BadRequest when either argument is not an object.
 */
export function createMergePatch(original: unknown, modified: unknown): JsonObject {
  const o = cloneJson(original);
  const m = cloneJson(modified);
  if (!isJsonObject(o) || !isJsonObject(m)) throw badRequest('Invalid JSON Document');
  return diffObjects(o, m);
}

function diffObjects(a: JsonObject, b: JsonObject): JsonObject {
  const into: JsonObject = {};
  for (const [k, bv] of Object.entries(b)) {
    if (!hasOwn(a, k)) {
      setKey(into, k, bv);
      continue;
    }
    const av = a[k] as JsonValue;
    if (jsonKind(av) !== jsonKind(bv)) {
      setKey(into, k, bv);
    } else if (isJsonObject(av) && isJsonObject(bv)) {
      const sub = diffObjects(av, bv);
      if (Object.keys(sub).length > 0) setKey(into, k, sub);
    } else if (!jsonEqual(av, bv)) {
      setKey(into, k, bv);
    }
  }
  for (const k of Object.keys(a)) if (!hasOwn(b, k)) setKey(into, k, null);
  return into;
}
