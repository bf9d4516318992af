/**
 * Computing a strategic merge patch from two versions of an object, as kubectl does for `kubectl edit` and
 * `kubectl patch --local` (upstream `CreateTwoWayMergePatch`, with `$setElementOrder` lists):
 * - added and changed fields carry the new value, removed fields are null;
 * - maps recurse unless their field has strategy `replace`; `retainKeys` maps get a `$retainKeys` list;
 * - merge lists of objects send changed elements (diff + merge key), new elements whole, removed ones as
 *   `{"$patch": "delete", key}`, plus `$setElementOrder/<f>` when contents or order changed;
 * - merge lists of primitives send additions, `$deleteFromPrimitiveList/<f>` and `$setElementOrder/<f>`;
 * - other lists are sent whole when they differ.
 */
import { goFormat } from './go-format.js';
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
import { badRequest } from './patch-error.js';
import { EMPTY_PATCH_META, type FieldPatchMeta, type PatchMeta } from './patch-meta.js';
import {
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  MAP_TYPE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  dedupePrimitives,
  elementKind,
  errBadArgType,
  errNoMergeKey,
  fieldStrategy,
  sortByOrder,
} from './strategic-merge-list.js';

/**
 * Returns the strategic merge patch that turns `original` into `modified` under `meta`; applying it with
 * applyStrategicMergePatch to `original` yields `modified`. Neither argument is modified.
 */
export function createTwoWayMergePatch(original: unknown, modified: unknown, meta: PatchMeta): JsonObject {
  if (!isJsonObject(original) || !isJsonObject(modified)) throw badRequest('invalid JSON document');
  return diffMaps(cloneJson(original) as JsonObject, cloneJson(modified) as JsonObject, meta, false);
}

function diffMaps(original: JsonObject, modified: JsonObject, meta: PatchMeta, buildRetainKeys: boolean): JsonObject {
  const patch: JsonObject = {};
  const retained: string[] = [];
  for (const [key, mv] of Object.entries(modified)) {
    if (buildRetainKeys && mv !== null) retained.push(key);
    if (!hasOwn(original, key)) {
      setKey(patch, key, mv);
      continue;
    }
    const ov = original[key] as JsonValue;
    if (jsonKind(ov) !== jsonKind(mv)) {
      setKey(patch, key, mv);
    } else if (isJsonObject(ov)) {
      diffMapField(key, ov, mv as JsonObject, meta.field(key), patch);
    } else if (Array.isArray(ov)) {
      diffListField(key, ov, mv as JsonValue[], meta.field(key), patch);
    } else if (ov !== mv) {
      setKey(patch, key, mv);
    }
  }
  for (const key of Object.keys(original)) if (!hasOwn(modified, key)) setKey(patch, key, null);
  // Only needed when something changes: either the patch touches the map or live keys must be cleared.
  const clearsKeys = Object.entries(original).some(([k, v]) => v !== null && !hasOwn(modified, k));
  if (retained.length > 0 && (Object.keys(patch).length > 0 || clearsKeys)) {
    patch[RETAIN_KEYS_DIRECTIVE] = retained.sort();
  }
  return patch;
}

function diffMapField(
  key: string,
  ov: JsonObject,
  mv: JsonObject,
  fm: FieldPatchMeta | undefined,
  patch: JsonObject,
): void {
  const { retainKeys, strategy } = fieldStrategy(fm);
  // Upstream sends a replace-strategy map whole, changed or not.
  if (strategy === 'replace') {
    setKey(patch, key, mv);
    return;
  }
  const sub = diffMaps(ov, mv, fm?.elem ?? EMPTY_PATCH_META, retainKeys);
  if (Object.keys(sub).length > 0) setKey(patch, key, sub);
}

function diffListField(
  key: string,
  ov: JsonValue[],
  mv: JsonValue[],
  fm: FieldPatchMeta | undefined,
  patch: JsonObject,
): void {
  const { retainKeys, strategy } = fieldStrategy(fm);
  if (strategy !== 'merge') {
    if (!jsonEqual(ov, mv)) setKey(patch, key, mv);
    return;
  }
  const { changes, deletions, order } = diffLists(ov, mv, fm, retainKeys);
  if (changes.length > 0) setKey(patch, key, changes);
  if (deletions.length > 0) setKey(patch, `${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`, deletions);
  if (order.length > 0) setKey(patch, `${SET_ELEMENT_ORDER_PREFIX}/${key}`, order);
}

interface ListDiff {
  changes: JsonValue[];
  /** Primitive deletions (the parallel list); object deletions travel in `changes` as `$patch: delete`. */
  deletions: JsonValue[];
  order: JsonValue[];
}

function diffLists(
  original: JsonValue[],
  modified: JsonValue[],
  fm: FieldPatchMeta | undefined,
  retainKeys: boolean,
): ListDiff {
  if (original.length === 0) return { changes: modified, deletions: [], order: [] };
  const kind = elementKind(original, modified);
  if (kind !== 'map') {
    const { added, removed } = diffPrimitives(original, modified);
    return {
      changes: sortByOrder(added, modified, '', false),
      deletions: removed,
      order: removed.length > 0 || !jsonEqual(original, modified) ? modified : [],
    };
  }
  const mergeKey = fm?.mergeKey ?? '';
  const { changes, deletions } = diffObjectLists(
    original,
    modified,
    fm?.elem ?? EMPTY_PATCH_META,
    mergeKey,
    retainKeys,
  );
  const sorted = [...sortByOrder(changes, modified, mergeKey, true), ...deletions];
  const orderSame =
    original.length === modified.length &&
    modified.every((m, i) => (original[i] as JsonObject)[mergeKey] === (m as JsonObject)[mergeKey]);
  const order =
    sorted.length > 0 || !orderSame
      ? modified.map((m) => ({ [mergeKey]: (m as JsonObject)[mergeKey] as JsonValue }))
      : [];
  return { changes: sorted, deletions: [], order };
}

/** Elements with their merge-key value rendered as upstream sorts them (by `%v` text). */
function keyed(list: readonly JsonValue[], mergeKey: string): { m: JsonObject; key: string }[] {
  return list
    .map((v) => {
      if (!isJsonObject(v)) throw errBadArgType(MAP_TYPE, v);
      if (!hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
      return { m: v, key: goFormat(v[mergeKey] as JsonValue) };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Walks both lists sorted by merge key: matching keys recurse, extra keys are additions or deletions. */
function diffObjectLists(
  original: JsonValue[],
  modified: JsonValue[],
  elem: PatchMeta,
  mergeKey: string,
  retainKeys: boolean,
): { changes: JsonValue[]; deletions: JsonValue[] } {
  const os = keyed(original, mergeKey);
  const ms = keyed(modified, mergeKey);
  const changes: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const o = os[i];
    const m = ms[j];
    if (o && m && o.key === m.key) {
      const sub = diffMaps(o.m, m.m, elem, retainKeys);
      if (Object.keys(sub).length > 0) {
        setKey(sub, mergeKey, m.m[mergeKey] as JsonValue);
        changes.push(sub);
      }
      i++;
      j++;
    } else if (m && (!o || o.key > m.key)) {
      changes.push(m.m);
      j++;
    } else if (o) {
      deletions.push({ [DIRECTIVE_MARKER]: 'delete', [mergeKey]: o.m[mergeKey] as JsonValue });
      i++;
    }
  }
  return { changes, deletions };
}

/** Additions and (deduplicated) removals between two primitive lists, compared by `%v` text as upstream. */
function diffPrimitives(original: JsonValue[], modified: JsonValue[]): { added: JsonValue[]; removed: JsonValue[] } {
  const byText = (list: JsonValue[]) =>
    list.map((v) => ({ v, t: goFormat(v) })).sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  const os = byText(original);
  const ms = byText(modified);
  const added: JsonValue[] = [];
  const removed: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const o = os[i];
    const m = ms[j];
    if (o && m && o.t === m.t) {
      i++;
      j++;
    } else if (m && (!o || o.t > m.t)) {
      added.push(m.v);
      j++;
    } else if (o) {
      removed.push(o.v);
      i++;
    }
  }
  return { added, removed: dedupePrimitives(removed) };
}
