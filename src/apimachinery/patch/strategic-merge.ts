/**
 * Kubernetes strategic merge patch (`application/strategic-merge-patch+json`), applied server-side with the
 * semantics of upstream's `strategicpatch.StrategicMergeMapPatch` (merge parallel lists, ignore unmatched
 * nulls):
 * - maps merge recursively and `null` deletes a key; `$patch: replace` replaces a map, `$patch: delete` empties
 *   it (an existing key becomes `{}`, a new key is not added);
 * - lists whose field has strategy `merge` merge: lists of objects by the field's merge key (an element
 *   `{"$patch": "delete", <key>: v}` deletes, `{"$patch": "replace"}` replaces the whole list with the other
 *   elements), lists of primitives as a union; `$deleteFromPrimitiveList/<f>` removes primitives;
 *   `$setElementOrder/<f>` fixes the order of the merged list; all other lists are replaced;
 * - `$retainKeys: [...]` first clears the keys of the live map that are not listed;
 * - keys starting with `$` that are not directives are refused, as the apiserver's strict decoding does, and
 *   a value of the wrong JSON type for a known field is refused like the decoder's "cannot restore slice from
 *   map".
 * Values the patch introduces are stored without their nulls and directives (upstream decodes them away later).
 */
import { jsonTypeWord, goFormat, goKindName } from './go-format.js';
import { cloneJson, hasOwn, isJsonObject, jsonKind, setKey, type JsonObject, type JsonValue } from './json.js';
import { badRequest, internal, invalidPatchedObject } from './patch-error.js';
import { EMPTY_PATCH_META, type FieldPatchMeta, type PatchMeta } from './patch-meta.js';
import {
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  SLICE_TYPE,
  dedupePrimitives,
  directiveField,
  elementKind,
  errBadArgType,
  errNoMergeKey,
  fieldStrategy,
  liveOrderAfterMerge,
  normalizeElementOrder,
  partitionByPresence,
  validateSetElementOrder,
} from './strategic-merge-list.js';

export { createTwoWayMergePatch } from './strategic-merge-diff.js';

/**
 * Applies `patch` to a copy of `original` (the live object) using `meta` for field strategies and returns the
 * result; neither argument is modified. Throws PatchError: BadRequest for malformed directives, Invalid for
 * values the typed object could not hold, Internal for other upstream merge errors (see patch-error.ts).
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, meta: PatchMeta): JsonObject {
  if (!isJsonObject(original)) throw badRequest('invalid JSON document');
  if (!isJsonObject(patch)) {
    throw badRequest(`json: cannot unmarshal ${jsonTypeWord(patch)} into Go value of type map[string]interface {}`);
  }
  const ctx: Ctx = { patch: cloneJson(patch) as JsonObject };
  return mergeMap(cloneJson(original) as JsonObject, cloneJson(patch) as JsonObject, meta, '', ctx);
}

/** Per-call context: the untouched patch, which upstream quotes in Invalid errors. */
interface Ctx {
  readonly patch: JsonObject;
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

const isDirectiveKey = (k: string) =>
  k === DIRECTIVE_MARKER ||
  k === RETAIN_KEYS_DIRECTIVE ||
  k.startsWith(`${SET_ELEMENT_ORDER_PREFIX}/`) ||
  k.startsWith(`${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/`);

const unknownField = (ctx: Ctx, path: string) =>
  invalidPatchedObject(ctx.patch, `strict decoding error: unknown field "${path}"`);

const primaryStrategy = (fm: FieldPatchMeta | undefined) => fieldStrategy(fm).strategy;

/** Refuses a value the typed field could not be decoded from (upstream fails later, in the converter). */
function checkKind(v: JsonValue, fm: FieldPatchMeta | undefined, ctx: Ctx): void {
  if (!fm || v === null) return;
  if (fm.isList) {
    if (!Array.isArray(v)) throw invalidPatchedObject(ctx.patch, `cannot restore slice from ${goKindName(v)}`);
  } else if (fm.elem && !isJsonObject(v)) {
    throw invalidPatchedObject(ctx.patch, `cannot restore struct from: ${goKindName(v)}`);
  }
}

/** Sets `obj[key]`, or deletes it when the value was dropped (a directive-only value). */
function assign(obj: JsonObject, key: string, v: JsonValue | undefined): void {
  if (v === undefined) delete obj[key];
  else setKey(obj, key, v);
}

/**
 * A patch value as it lands in the object when there is nothing to merge with: nulls dropped, maps carrying
 * `$patch` dropped (upstream `removeDirectives`), other directive keys stripped. undefined = drop the value.
 */
function cleanValue(v: JsonValue, fm: FieldPatchMeta | undefined, path: string, ctx: Ctx): JsonValue | undefined {
  checkKind(v, fm, ctx);
  if (Array.isArray(v)) return cleanList(v, fm?.elem, path, ctx);
  if (isJsonObject(v)) return hasOwn(v, DIRECTIVE_MARKER) ? undefined : cleanEntries(v, fm?.elem, path, ctx);
  return v;
}

function cleanList(list: readonly JsonValue[], elem: PatchMeta | undefined, path: string, ctx: Ctx): JsonValue[] {
  const out: JsonValue[] = [];
  list.forEach((e, i) => {
    const c = isJsonObject(e)
      ? hasOwn(e, DIRECTIVE_MARKER)
        ? undefined
        : cleanEntries(e, elem, `${path}[${i}]`, ctx)
      : cleanValue(e, undefined, `${path}[${i}]`, ctx);
    if (c !== undefined) out.push(c);
  });
  return out;
}

function cleanEntries(obj: JsonObject, meta: PatchMeta | undefined, path: string, ctx: Ctx): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith('$')) {
      if (isDirectiveKey(k)) continue;
      throw unknownField(ctx, join(path, k));
    }
    if (v === null) continue;
    assign(out, k, cleanValue(v, meta?.field(k), join(path, k), ctx));
  }
  return out;
}

/** Merges `patch` into `original` (both private copies, mutated) and returns the merged map. */
function mergeMap(original: JsonObject, patch: JsonObject, meta: PatchMeta, path: string, ctx: Ctx): JsonObject {
  if (hasOwn(patch, DIRECTIVE_MARKER)) return mapDirective(patch, meta, path, ctx);
  applyRetainKeys(original, patch);
  mergeOrderedLists(original, patch, meta, path, ctx);

  for (const [key, patchV] of Object.entries(patch)) {
    let k = key;
    let isDeleteList = false;
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      k = directiveField(key, DELETE_FROM_PRIMITIVE_LIST_PREFIX, () =>
        badRequest('invalid patch format of primitive list'),
      );
      isDeleteList = true;
    } else if (key.startsWith('$')) {
      throw unknownField(ctx, join(path, key));
    }
    // A null removes the key; for a deletion list upstream removes the whole list too.
    if (patchV === null) {
      delete original[k];
      continue;
    }
    const fm = meta.field(k);
    const cur = hasOwn(original, k) ? (original[k] as JsonValue) : undefined;
    if (isDeleteList) {
      // Only meaningful on an existing list; anything else is a no-op, as upstream skips mismatches.
      if (Array.isArray(cur) && Array.isArray(patchV))
        setKey(original, k, mergeList(cur, patchV, fm, true, join(path, k), ctx));
      continue;
    }
    checkKind(patchV, fm, ctx);
    if (cur === undefined || jsonKind(cur) !== jsonKind(patchV)) {
      assign(original, k, cleanValue(patchV, fm, join(path, k), ctx));
    } else if (isJsonObject(cur)) {
      const merged =
        primaryStrategy(fm) === 'replace'
          ? cleanValue(patchV, fm, join(path, k), ctx)
          : mergeMap(cur, patchV as JsonObject, fm?.elem ?? EMPTY_PATCH_META, join(path, k), ctx);
      assign(original, k, merged);
    } else if (Array.isArray(cur)) {
      setKey(original, k, mergeListField(cur, patchV as JsonValue[], fm, join(path, k), ctx));
    } else {
      setKey(original, k, patchV);
    }
  }
  return original;
}

/** `$patch` on a map: replace → the patch's own content, delete → an empty map. */
function mapDirective(patch: JsonObject, meta: PatchMeta, path: string, ctx: Ctx): JsonObject {
  const directive = patch[DIRECTIVE_MARKER] as JsonValue;
  if (directive === 'delete') return {};
  if (directive !== 'replace') throw internal(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(patch)}`);
  const rest = { ...patch };
  delete rest[DIRECTIVE_MARKER];
  return cleanEntries(rest, meta, path, ctx);
}

/**
 * `$retainKeys`: every non-null key the patch sets must be listed (else 400), and live keys not listed are
 * cleared before merging. Applied wherever it appears, like upstream (kubectl only sends it for retainKeys
 * fields such as Deployment.spec.strategy or a volume's source).
 */
function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!hasOwn(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const list = patch[RETAIN_KEYS_DIRECTIVE];
  delete patch[RETAIN_KEYS_DIRECTIVE];
  const bad = () => badRequest('invalid patch format of retainKeys');
  if (!Array.isArray(list)) throw bad();
  const keep = new Set<JsonValue>(list);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX))
      continue;
    if (!keep.has(k)) throw bad();
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/**
 * Processes every `$setElementOrder/<f>` together with `<f>` (merging it first) and removes both from the
 * patch: items named in the order list follow it, live items it does not name keep their live order and are
 * interleaved by upstream's rule (see normalizeElementOrder).
 */
function mergeOrderedLists(original: JsonObject, patch: JsonObject, meta: PatchMeta, path: string, ctx: Ctx): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const order = patch[key] as JsonValue;
    delete patch[key];
    if (!Array.isArray(order)) throw errBadArgType(SLICE_TYPE, order);
    const field = directiveField(key, SET_ELEMENT_ORDER_PREFIX, () =>
      badRequest('invalid patch format of setElementOrder list'),
    );
    const origList = listAt(original, field);
    const patchList = listAt(patch, field);
    const fm = meta.field(field);
    const mergeKey = fm?.mergeKey ?? '';
    validateSetElementOrder(patchList ?? [], order, mergeKey);

    let merged: JsonValue[];
    if (origList && patchList) merged = mergeListField(origList, patchList, fm, join(path, field), ctx);
    else if (patchList) merged = cleanList(patchList, fm?.elem, join(path, field), ctx);
    else if (origList) merged = origList;
    else continue;
    delete patch[field];

    const kind = elementKind(origList ?? [], patchList ?? []);
    // Upstream fails with "no elements in any of the given slices" here; an empty list needs no ordering.
    if (kind !== undefined) {
      const isMap = kind === 'map';
      if (isMap && mergeKey === '') throw internal(`cannot merge lists without merge key for ${join(path, field)}`);
      const [named, serverOnly] = partitionByPresence(merged, order, mergeKey, isMap);
      const liveOrder =
        isMap && origList && patchList && primaryStrategy(fm) === 'merge'
          ? liveOrderAfterMerge(origList, patchList, mergeKey)
          : (origList ?? []);
      merged = normalizeElementOrder(named, serverOnly, order, liveOrder, mergeKey, isMap);
    }
    setKey(original, field, merged);
  }
}

/** The list at `obj[key]`: undefined when absent, an upstream type error when not a list. */
function listAt(obj: JsonObject, key: string): JsonValue[] | undefined {
  if (!hasOwn(obj, key)) return undefined;
  const v = obj[key] as JsonValue;
  if (!Array.isArray(v)) throw errBadArgType(SLICE_TYPE, v);
  return v;
}

/** A list field present in both: merged when its strategy is `merge`, otherwise replaced by the patch. */
function mergeListField(
  cur: JsonValue[],
  patchList: JsonValue[],
  fm: FieldPatchMeta | undefined,
  path: string,
  ctx: Ctx,
): JsonValue[] {
  if (primaryStrategy(fm) === 'merge') return mergeList(cur, patchList, fm, false, path, ctx);
  return cleanList(patchList, fm?.elem, path, ctx);
}

function mergeList(
  original: JsonValue[],
  patch: JsonValue[],
  fm: FieldPatchMeta | undefined,
  isDeleteList: boolean,
  path: string,
  ctx: Ctx,
): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementKind(original, patch);
  if (kind !== 'map') {
    if (isDeleteList) return original.filter((v) => !patch.includes(v));
    const merged = dedupePrimitives([...original, ...patch]);
    const [fromPatch, serverOnly] = partitionByPresence(merged, patch, '', false);
    return normalizeElementOrder(fromPatch, serverOnly, patch, original, '', false);
  }
  const mergeKey = fm?.mergeKey ?? '';
  if (mergeKey === '') throw internal(`cannot merge lists without merge key for ${path}`);

  // Element directives first: deletions shrink the live list, a replace discards it.
  let base = original;
  const items: JsonObject[] = [];
  let replace = false;
  for (const v of patch as JsonObject[]) {
    if (!hasOwn(v, DIRECTIVE_MARKER)) {
      items.push(v);
      continue;
    }
    switch (v[DIRECTIVE_MARKER]) {
      case 'delete':
        if (!hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
        base = base.filter((e) => !(isJsonObject(e) && hasOwn(e, mergeKey) && e[mergeKey] === v[mergeKey]));
        break;
      case 'replace':
        replace = true;
        break;
      case 'merge':
        throw internal('merging lists cannot yet be specified in the patch');
      default:
        throw internal(`unknown patch type: ${goFormat(v[DIRECTIVE_MARKER] as JsonValue)} in map: ${goFormat(v)}`);
    }
  }
  if (replace) return cleanList(items, fm?.elem, path, ctx);

  const merged = base.slice();
  for (const item of items) {
    if (!hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    // Searching `merged` (not `base`) means a key repeated in the patch merges into the element just added.
    const i = merged.findIndex((e) => isJsonObject(e) && hasOwn(e, mergeKey) && e[mergeKey] === item[mergeKey]);
    const elemPath = `${path}[${i >= 0 ? i : merged.length}]`;
    if (i >= 0) merged[i] = mergeMap(merged[i] as JsonObject, item, fm?.elem ?? EMPTY_PATCH_META, elemPath, ctx);
    else merged.push(cleanEntries(item, fm?.elem, elemPath, ctx));
  }
  const [fromPatch, serverOnly] = partitionByPresence(merged, items, mergeKey, true);
  return normalizeElementOrder(fromPatch, serverOnly, items, base, mergeKey, true);
}
