/**
 * The set of fields a value sets (structured-merge-diff's TypedValue.ToFieldSet): every scalar leaf, every
 * atomic list, map or struct as a whole, every list item of a `map`/`set` list (as `k:`/`v:` members, with
 * their fields below), every map entry, and empty or null struct fields.
 */
import { isJsonObject, type JsonValue } from '../../apimachinery/patch/json.js';
import { FieldSet } from './field-set.js';
import { fieldElement, serializePathElement, type Path, type PathElement } from './path-element.js';
import { childNode, listItemElement, resolveNode, type SchemaNode } from './schema-node.js';

/** The field set of `value` under `node`. */
export function toFieldSet(value: JsonValue, node: SchemaNode): FieldSet {
  const set = new FieldSet();
  walk(value, node, [], set);
  return set;
}

function walk(value: JsonValue, node: SchemaNode, path: Path, set: FieldSet): void {
  const n = resolveNode(node, value);
  switch (n.kind) {
    case 'scalar':
    case 'deduced':
      set.insert(path);
      return;
    case 'list': {
      if (n.listType === 'atomic') {
        set.insert(path);
        return;
      }
      if (!Array.isArray(value)) {
        // null is a valid empty list; anything else does not match the schema and is owned whole.
        if (value !== null) set.insert(path);
        return;
      }
      walkListItems(value, n, path, set);
      return;
    }
    case 'struct':
    case 'map': {
      if (n.atomic) {
        set.insert(path);
        return;
      }
      if (!isJsonObject(value)) {
        if (value !== null) set.insert(path);
        return;
      }
      for (const [key, child] of Object.entries(value)) {
        const p = [...path, fieldElement(key)];
        walk(child, childNode(n, key), p, set);
        const declared = n.kind === 'struct' && n.field(key) !== undefined;
        if (child === null || (isJsonObject(child) && Object.keys(child).length === 0) || !declared) set.insert(p);
      }
      return;
    }
  }
}

function walkListItems(items: JsonValue[], n: SchemaNode & { kind: 'list' }, path: Path, set: FieldSet): void {
  // Items that occur more than once are owned as a whole (upstream tolerates duplicates in live objects).
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const elements: (PathElement | undefined)[] = items.map((item) => listItemElement(n, item));
  for (const pe of elements) {
    if (!pe) continue;
    const k = serializePathElement(pe);
    if (seen.has(k) && !duplicates.has(k)) {
      duplicates.add(k);
      set.insert([...path, pe]);
    }
    seen.add(k);
  }
  items.forEach((item, i) => {
    const pe = elements[i];
    if (!pe || duplicates.has(serializePathElement(pe))) return;
    const p = [...path, pe];
    walk(item, n.elem, p, set);
    set.insert(p);
  });
}
