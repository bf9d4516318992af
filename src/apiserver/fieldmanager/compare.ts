/**
 * What changed between two versions of an object, per field (structured-merge-diff's TypedValue.Compare):
 * leaves that differ are *modified*; paths present on one side only are *added* or *removed* — including the
 * path of a struct, map entry or list item that appeared or disappeared as a whole.
 */
import { isJsonObject, jsonEqual, type JsonObject, type JsonValue } from '../../apimachinery/patch/json.js';
import { FieldSet } from './field-set.js';
import { fieldElement, serializePathElement, type Path, type PathElement } from './path-element.js';
import { childNode, listItemElement, resolveNode, type SchemaNode } from './schema-node.js';

/** The result of {@link compareObjects}; no path is in more than one set. */
export interface Comparison {
  readonly added: FieldSet;
  readonly removed: FieldSet;
  readonly modified: FieldSet;
}

/** Compares `lhs` (before) with `rhs` (after). */
export function compareObjects(lhs: JsonValue, rhs: JsonValue, node: SchemaNode): Comparison {
  const c: Comparison = { added: new FieldSet(), removed: new FieldSet(), modified: new FieldSet() };
  compareValue(lhs, rhs, node, [], c);
  return c;
}

/** A comparison with `filter` applied to each of its sets (upstream's reset-fields filter). */
export function filterComparison(c: Comparison, filter: (s: FieldSet) => FieldSet): Comparison {
  return { added: filter(c.added), removed: filter(c.removed), modified: filter(c.modified) };
}

/** Whether nothing changed. */
export function isSame(c: Comparison): boolean {
  return c.added.empty() && c.removed.empty() && c.modified.empty();
}

// `undefined` is an absent value (Go's nil Value); `null` is a present JSON null.
function compareValue(lhs: JsonValue | undefined, rhs: JsonValue | undefined, node: SchemaNode, path: Path, c: Comparison): void {
  const inLeaf = compareAtom(lhs, rhs, node, path, c);
  if (inLeaf) return;
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
}

/** Compares one value; returns true when it was handled as a leaf. */
function compareAtom(lhs: JsonValue | undefined, rhs: JsonValue | undefined, node: SchemaNode, path: Path, c: Comparison): boolean {
  const n = resolveNode(node, rhs !== undefined ? rhs : lhs);
  if (n.kind === 'list') {
    const l = asList(lhs);
    const r = asList(rhs);
    if (l === false || r === false || n.listType === 'atomic' || (isEmptyList(l) && isEmptyList(r))) return leaf(lhs, rhs, path, c);
    if (l || r) compareListItems(l ?? [], r ?? [], n, path, c);
    return false;
  }
  if (n.kind === 'struct' || n.kind === 'map') {
    const l = asMap(lhs);
    const r = asMap(rhs);
    if (l === false || r === false || n.atomic || (isEmptyMap(l) && isEmptyMap(r))) return leaf(lhs, rhs, path, c);
    const keys = new Set([...Object.keys(l ?? {}), ...Object.keys(r ?? {})]);
    for (const k of keys) {
      const lv = l && Object.prototype.hasOwnProperty.call(l, k) ? l[k] : undefined;
      const rv = r && Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined;
      compareValue(lv, rv, childNode(n, k), [...path, fieldElement(k)], c);
    }
    return false;
  }
  return leaf(lhs, rhs, path, c);
}

function leaf(lhs: JsonValue | undefined, rhs: JsonValue | undefined, path: Path, c: Comparison): true {
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
  else if (!jsonEqual(lhs, rhs)) c.modified.insert(path);
  return true;
}

// undefined/null → undefined (a nil list); a non-list → false (does not match the schema).
function asList(v: JsonValue | undefined): JsonValue[] | undefined | false {
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) ? v : false;
}

function asMap(v: JsonValue | undefined): JsonObject | undefined | false {
  if (v === undefined || v === null) return undefined;
  return isJsonObject(v) ? v : false;
}

const isEmptyList = (l: JsonValue[] | undefined) => !l || l.length === 0;
const isEmptyMap = (m: JsonObject | undefined) => !m || Object.keys(m).length === 0;

/** Items indexed by their path element, duplicates kept together. */
function indexItems(items: JsonValue[], n: SchemaNode & { kind: 'list' }): Map<string, { pe: PathElement; values: JsonValue[] }> {
  const out = new Map<string, { pe: PathElement; values: JsonValue[] }>();
  for (const item of items) {
    const pe = listItemElement(n, item);
    if (!pe) continue;
    const k = serializePathElement(pe);
    const e = out.get(k);
    if (e) e.values.push(item);
    else out.set(k, { pe, values: [item] });
  }
  return out;
}

function compareListItems(lhs: JsonValue[], rhs: JsonValue[], n: SchemaNode & { kind: 'list' }, path: Path, c: Comparison): void {
  const l = indexItems(lhs, n);
  const r = indexItems(rhs, n);
  const all = new Map([...l, ...[...r].filter(([k]) => !l.has(k))]);
  for (const [k, { pe }] of all) {
    const lv = l.get(k)?.values ?? [];
    const rv = r.get(k)?.values ?? [];
    const p = [...path, pe];
    if (lv.length <= 1 && rv.length <= 1) {
      compareValue(lv[0], rv[0], n.elem, p, c);
    } else if (lv.length >= 2 && rv.length >= 2) {
      // Duplicated before and after: compared as a whole.
      if (!jsonEqual(lv, rv)) c.modified.insert(p);
    } else if (lv.length >= 2) {
      if (rv.length) compareValue(undefined, rv[0], n.elem, p, c);
      c.removed.insert(p);
    } else {
      if (lv.length) compareValue(lv[0], undefined, n.elem, p, c);
      c.added.insert(p);
    }
  }
}
