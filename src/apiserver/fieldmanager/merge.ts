/**
 * Merging an applied configuration into the live object (structured-merge-diff's TypedValue.Merge with the
 * keep-right-hand-side rule): leaves and atomic values come from the configuration when it sets them; structs
 * and granular maps merge key by key; `map` lists merge item by item on their keys and `set` lists take the
 * union, keeping the live order and placing the configuration's items in the configuration's order.
 */
import { badRequest } from '../../apimachinery/errors.js';
import { isJsonObject, setKey, type JsonObject, type JsonValue } from '../../apimachinery/patch/json.js';
import { fieldElement, pathString, serializePathElement, type Path, type PathElement } from './path-element.js';
import { childNode, listItemElement, resolveNode, type SchemaNode } from './schema-node.js';

/**
 * `rhs` merged into `lhs`; undefined when the result is empty. An explicit `null` in `rhs` clears the field
 * (as decoding it into the Go types does). Throws 400 when `rhs` lists the same key twice.
 */
export function mergeObjects(lhs: JsonValue | undefined, rhs: JsonValue | undefined, node: SchemaNode): JsonValue | undefined {
  return merge(lhs, rhs, node, []);
}

function keepRHS(lhs: JsonValue | undefined, rhs: JsonValue | undefined): JsonValue | undefined {
  if (rhs !== undefined) return rhs === null ? undefined : structuredClone(rhs);
  return lhs === undefined ? undefined : structuredClone(lhs);
}

function merge(lhs: JsonValue | undefined, rhs: JsonValue | undefined, node: SchemaNode, path: Path): JsonValue | undefined {
  if (lhs === undefined && rhs === undefined) return undefined;
  const n = resolveNode(node, rhs !== undefined ? rhs : lhs);
  if (n.kind === 'list') {
    const l = lhs === undefined || lhs === null ? undefined : lhs;
    const r = rhs === undefined || rhs === null ? undefined : rhs;
    if ((l !== undefined && !Array.isArray(l)) || (r !== undefined && !Array.isArray(r))) return keepRHS(lhs, rhs);
    if (n.listType === 'atomic' || ((!l || l.length === 0) && (!r || r.length === 0))) return keepRHS(lhs, rhs);
    const out = mergeListItems(l ?? [], r ?? [], n, path);
    return out.length ? out : undefined;
  }
  if (n.kind === 'struct' || n.kind === 'map') {
    const l = lhs === undefined || lhs === null ? undefined : lhs;
    const r = rhs === undefined || rhs === null ? undefined : rhs;
    if ((l !== undefined && !isJsonObject(l)) || (r !== undefined && !isJsonObject(r))) return keepRHS(lhs, rhs);
    const lm = l as JsonObject | undefined;
    const rm = r as JsonObject | undefined;
    if (n.atomic || (isEmpty(lm) && isEmpty(rm))) return keepRHS(lhs, rhs);
    const out: JsonObject = {};
    const keys = [...Object.keys(lm ?? {}), ...Object.keys(rm ?? {}).filter((k) => !lm || !Object.prototype.hasOwnProperty.call(lm, k))];
    for (const k of keys) {
      const lv = lm && Object.prototype.hasOwnProperty.call(lm, k) ? lm[k] : undefined;
      const rv = rm && Object.prototype.hasOwnProperty.call(rm, k) ? rm[k] : undefined;
      const v = merge(lv, rv, childNode(n, k), [...path, fieldElement(k)]);
      if (v !== undefined) setKey(out, k, v);
    }
    return Object.keys(out).length ? out : undefined;
  }
  return keepRHS(lhs, rhs);
}

const isEmpty = (m: JsonObject | undefined) => !m || Object.keys(m).length === 0;

interface Indexed {
  pes: PathElement[];
  items: JsonValue[];
  /** The item of each element; null for elements that occur more than once (those are not merged). */
  observed: Map<string, JsonValue>;
}

function indexItems(items: JsonValue[], n: SchemaNode & { kind: 'list' }, path: Path, allowDuplicates: boolean): Indexed {
  const out: Indexed = { pes: [], items: [], observed: new Map() };
  for (const item of items) {
    const pe = listItemElement(n, item);
    if (!pe) continue;
    const k = serializePathElement(pe);
    if (out.observed.has(k)) {
      if (!allowDuplicates) throw badRequest(`${pathString(path)}: duplicate entries for key ${pathString([pe])}`);
      out.observed.set(k, null);
    } else {
      out.observed.set(k, item);
    }
    out.pes.push(pe);
    out.items.push(item);
  }
  return out;
}

/**
 * Upstream's list merge order: walk both lists; an item the configuration also has is emitted where the
 * configuration puts it relative to the other shared items, live-only items stay where they are, and
 * configuration-only items follow the configuration's order.
 */
function mergeListItems(lhs: JsonValue[], rhs: JsonValue[], n: SchemaNode & { kind: 'list' }, path: Path): JsonValue[] {
  const R = indexItems(rhs, n, path, false);
  const L = indexItems(lhs, n, path, true);
  const key = serializePathElement;
  const shared = R.pes.filter((pe) => L.observed.has(key(pe)));
  let nextShared: string | undefined = shared.length ? key(shared.shift()!) : undefined;
  const advance = () => {
    nextShared = shared.length ? key(shared.shift()!) : undefined;
  };
  const mergedRHS = new Set<string>();
  const out: JsonValue[] = [];
  const emit = (pe: PathElement, l: JsonValue | undefined, r: JsonValue | undefined) => {
    const v = merge(l, r, n.elem, [...path, pe]);
    if (v !== undefined) out.push(v);
  };
  let li = 0;
  let ri = 0;
  while (li < L.pes.length || ri < R.pes.length) {
    if (li < L.pes.length && ri < R.pes.length) {
      const lk = key(L.pes[li]!);
      if (lk === key(R.pes[ri]!)) {
        mergedRHS.add(lk);
        emit(L.pes[li]!, L.observed.get(lk), R.observed.get(lk));
        li++;
        ri++;
        advance();
        continue;
      }
      if (R.observed.has(lk) && nextShared !== undefined && nextShared !== lk) {
        li++;
        continue;
      }
    }
    if (li < L.pes.length) {
      const lk = key(L.pes[li]!);
      if (!R.observed.has(lk)) {
        emit(L.pes[li]!, L.items[li], undefined);
        li++;
        continue;
      } else if (mergedRHS.has(lk)) {
        li++;
      }
    }
    if (ri < R.pes.length) {
      const rk = key(R.pes[ri]!);
      mergedRHS.add(rk);
      emit(R.pes[ri]!, L.observed.get(rk), R.observed.get(rk));
      ri++;
      if (nextShared === rk) advance();
    }
  }
  return out;
}
