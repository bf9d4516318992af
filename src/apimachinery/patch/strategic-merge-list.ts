/**
 * List helpers shared by applying and computing strategic merge patches: element-kind checks, merge-key
 * lookups, and the ordering rules upstream applies to merged lists (patch order > live order, see the design
 * proposal "preserve-order-in-strategic-merge-patch").
 */
import { goFormat, goTypeName } from './go-format.js';
import { hasOwn, isJsonObject, jsonKind, type JsonKind, type JsonObject, type JsonValue } from './json.js';
import { internal, notApplicable, type PatchError } from './patch-error.js';
import type { FieldPatchMeta } from './patch-meta.js';

export const DIRECTIVE_MARKER = '$patch';
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';

/**
 * Splits a field's strategies into the retainKeys flag and the list/map strategy ('merge', 'replace', or ''),
 * refusing combinations upstream refuses (e.g. merge together with replace).
 */
export function fieldStrategy(fm: FieldPatchMeta | undefined): { retainKeys: boolean; strategy: string } {
  if (!fm) return { retainKeys: false, strategy: '' };
  const others = [...fm.strategies].filter((s) => s !== 'retainKeys');
  if (others.length > 1) throw internal(`unexpected patch strategy: [${[...fm.strategies].join(' ')}]`);
  return { retainKeys: fm.strategies.has('retainKeys'), strategy: others[0] ?? '' };
}

/** mergepatch.ErrNoMergeKey. */
export const errNoMergeKey = (m: JsonObject, key: string): PatchError =>
  internal(`map: ${goFormat(m)} does not contain declared merge key: ${key}`);

/** mergepatch.ErrBadArgType; `expected` is the Go type upstream asserted. */
export const errBadArgType = (expected: string, actual: JsonValue | undefined): PatchError =>
  internal(`expected a ${expected}, but received a ${goTypeName(actual)}`);

export const MAP_TYPE = 'map[string]interface {}';
export const SLICE_TYPE = '[]interface {}';

/**
 * The common kind of the elements of all given lists, or undefined when they are all empty. Lists of lists
 * are refused (422, upstream ErrNoListOfLists) and mixed kinds are an error, as upstream.
 */
export function elementKind(...lists: (readonly JsonValue[])[]): JsonKind | undefined {
  let kind: JsonKind | undefined;
  for (const list of lists) {
    for (const v of list) {
      const k = jsonKind(v);
      if (kind === undefined) {
        if (k === 'slice') throw notApplicable('lists of lists are not supported');
        kind = k;
      } else if (k !== kind) {
        throw internal(`list element types are not identical: ${goFormat(lists as JsonValue[])}`);
      }
    }
  }
  return kind;
}

/** The value items are identified by: the merge key's value for maps, the item itself for primitives. */
function identity(item: JsonValue, mergeKey: string, isMap: boolean): JsonValue | undefined {
  if (!isMap) return item;
  return isJsonObject(item) ? (item[mergeKey] ?? null) : undefined;
}

/** Index of the first item in `list` with the same identity as `item`, or -1. */
export function indexOfItem(list: readonly JsonValue[], item: JsonValue, mergeKey: string, isMap: boolean): number {
  const want = identity(item, mergeKey, isMap);
  return list.findIndex((v) => identity(v, mergeKey, isMap) === want);
}

/** Whether `m` carries a `$patch` directive. */
export const hasDirective = (m: JsonValue): boolean => isJsonObject(m) && hasOwn(m, DIRECTIVE_MARKER);

function requireMergeKeys(mergeKey: string, ...lists: (readonly JsonValue[])[]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonObject(item)) throw errBadArgType(MAP_TYPE, item);
      if (!hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/**
 * Splits `items` into those present in `by` and the rest, keeping their order. For maps every item must have
 * the merge key (and every entry of `by` must be a map), as upstream checks.
 */
export function partitionByPresence(
  items: readonly JsonValue[],
  by: readonly JsonValue[],
  mergeKey: string,
  isMap: boolean,
): [present: JsonValue[], absent: JsonValue[]] {
  if (isMap) {
    requireMergeKeys(mergeKey, items);
    by.forEach((v, i) => {
      if (!isJsonObject(v)) throw internal(`value for key ${i} is not a map`);
    });
  }
  const present: JsonValue[] = [];
  const absent: JsonValue[] = [];
  for (const item of items) (indexOfItem(by, item, mergeKey, isMap) >= 0 ? present : absent).push(item);
  return [present, absent];
}

/**
 * Stable-sorts `items` by their position in `order`. Items not in `order` go last (upstream's comparator is
 * not a strict order for them; in practice every item is found). `$patch: delete` maps go to the very end.
 */
export function sortByOrder(
  items: readonly JsonValue[],
  order: readonly JsonValue[],
  mergeKey: string,
  isMap: boolean,
): JsonValue[] {
  let rest = items.slice();
  let deletions: JsonValue[] = [];
  if (isMap) {
    requireMergeKeys(mergeKey, items, order);
    deletions = rest.filter((v) => isJsonObject(v) && v[DIRECTIVE_MARKER] === 'delete');
    rest = rest.filter((v) => !(isJsonObject(v) && v[DIRECTIVE_MARKER] === 'delete'));
  }
  const rank = (v: JsonValue) => {
    const i = indexOfItem(order, v, mergeKey, isMap);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const decorated = rest.map((v, pos) => ({ v, pos, rank: rank(v) }));
  decorated.sort((a, b) => a.rank - b.rank || a.pos - b.pos);
  return [...decorated.map((d) => d.v), ...deletions];
}

/**
 * Upstream's `normalizeElementOrder`: orders patch items by `patchOrder` and server-only items by their live
 * order, then interleaves them: a server-only item is emitted before the next patch item only when both are in
 * the live list and it came first there; patch items new to the live list therefore come before the
 * server-only items that follow them.
 */
export function normalizeElementOrder(
  patchItems: readonly JsonValue[],
  serverOnly: readonly JsonValue[],
  patchOrder: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  mergeKey: string,
  isMap: boolean,
): JsonValue[] {
  const right = sortByOrder(patchItems, patchOrder, mergeKey, isMap);
  const left = sortByOrder(serverOnly, serverOrder, mergeKey, isMap);
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (j >= right.length) {
      out.push(left[i++] as JsonValue);
    } else if (i >= left.length) {
      out.push(right[j++] as JsonValue);
    } else {
      const li = indexOfItem(serverOrder, left[i] as JsonValue, mergeKey, isMap);
      const ri = indexOfItem(serverOrder, right[j] as JsonValue, mergeKey, isMap);
      out.push(li >= 0 && ri >= 0 && li < ri ? (left[i++] as JsonValue) : (right[j++] as JsonValue));
    }
  }
  return out;
}

/**
 * The live list as upstream's `$setElementOrder` step sees it after merging a list of objects. Upstream
 * merges in the live list's own backing array and then reads that array at its old length: deletions have
 * shifted later elements left (leaving a stale copy at the end) and the first new elements were appended over
 * those slots. How live-only elements are interleaved depends on this view, so we rebuild it exactly.
 */
export function liveOrderAfterMerge(
  live: readonly JsonValue[],
  patch: readonly JsonValue[],
  mergeKey: string,
): JsonValue[] {
  const view = live.slice();
  const sameKey = (e: JsonValue | undefined, p: JsonObject) =>
    isJsonObject(e) && hasOwn(e, mergeKey) && hasOwn(p, mergeKey) && e[mergeKey] === p[mergeKey];
  let n = view.length;
  for (const p of patch) {
    if (!isJsonObject(p) || p[DIRECTIVE_MARKER] !== 'delete') continue;
    for (
      let i = view.findIndex((e, k) => k < n && sameKey(e, p));
      i >= 0;
      i = view.findIndex((e, k) => k < n && sameKey(e, p))
    ) {
      view.copyWithin(i, i + 1, n);
      n--;
    }
  }
  // With a list-level replace nothing is appended to the live array.
  if (patch.some((p) => isJsonObject(p) && p[DIRECTIVE_MARKER] === 'replace')) return view;
  const current = view.slice(0, n);
  for (const p of patch) {
    if (!isJsonObject(p) || hasOwn(p, DIRECTIVE_MARKER) || current.some((e) => sameKey(e, p))) continue;
    if (current.length < view.length) view[current.length] = p;
    current.push(p);
  }
  return view;
}

/** Go `==` on merge-key values / primitives, with upstream's type checks for maps. */
function sameItem(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (mergeKey === '') return left === right;
  if (!isJsonObject(left)) throw errBadArgType(MAP_TYPE, left);
  if (!isJsonObject(right)) throw errBadArgType(MAP_TYPE, right);
  if (!hasOwn(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!hasOwn(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

/**
 * Checks that the patch list's items (ignoring directives) appear in `$setElementOrder` in the same relative
 * order; upstream refuses the patch otherwise rather than guessing.
 */
export function validateSetElementOrder(
  patchList: readonly JsonValue[],
  order: readonly JsonValue[],
  mergeKey: string,
): void {
  if (order.length === 0 || patchList.length === 0) return;
  let items = patchList;
  if (mergeKey !== '') {
    items = patchList.filter((v) => {
      if (!isJsonObject(v)) throw errBadArgType(MAP_TYPE, v);
      return v[DIRECTIVE_MARKER] !== 'delete';
    });
  }
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    const item = items[p] as JsonValue;
    if (hasDirective(item)) {
      p++;
      continue;
    }
    if (sameItem(item, order[s] as JsonValue, mergeKey)) p++;
    s++;
  }
  if (p < items.length) {
    throw internal(
      `The order in patch list:\n${goFormat(patchList as JsonValue[])}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goFormat(order as JsonValue[])}\n`,
    );
  }
}

/** Drops later duplicates of primitives, keeping first occurrences in order. */
export function dedupePrimitives(list: readonly JsonValue[]): JsonValue[] {
  const seen = new Set<JsonValue>();
  return list.filter((v) => (seen.has(v) ? false : (seen.add(v), true)));
}

/** Strips a `prefix/` from a parallel-list directive key; `err` when the key is not of that form. */
export function directiveField(key: string, prefix: string, err: () => PatchError): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) throw err();
  return key.slice(slash + 1);
}
