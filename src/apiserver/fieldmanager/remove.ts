/**
 * Removing fields from a value (structured-merge-diff's TypedValue.RemoveItems): every member of the set is
 * cut out together with everything below it; structs, maps and lists left empty disappear too.
 */
import { isJsonObject, setKey, type JsonObject, type JsonValue } from '../../apimachinery/patch/json.js';
import type { FieldSet } from './field-set.js';
import { fieldElement } from './path-element.js';
import { childNode, listItemElement, resolveNode, type SchemaNode } from './schema-node.js';

/** A copy of `value` without the fields in `toRemove`; undefined when nothing is left. */
export function removeItems(value: JsonValue, toRemove: FieldSet, node: SchemaNode): JsonValue | undefined {
  const n = resolveNode(node, value);
  if (n.kind === 'list') {
    if (!Array.isArray(value) || value.length === 0 || n.listType === 'atomic') return undefined;
    const out: JsonValue[] = [];
    for (const item of value) {
      const pe = listItemElement(n, item);
      if (!pe) {
        out.push(structuredClone(item));
        continue;
      }
      if (toRemove.hasMember(pe)) continue;
      const sub = toRemove.childSet(pe);
      const kept = sub ? removeItems(item, sub, n.elem) : structuredClone(item);
      if (kept !== undefined) out.push(kept);
    }
    return out.length ? out : undefined;
  }
  if (n.kind === 'struct' || n.kind === 'map') {
    if (!isJsonObject(value) || Object.keys(value).length === 0 || n.atomic) return undefined;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      const pe = fieldElement(k);
      if (toRemove.hasMember(pe)) continue;
      const sub = toRemove.childSet(pe);
      const kept = sub ? removeItems(v, sub, childNode(n, k)) : structuredClone(v);
      if (kept !== undefined) setKey(out, k, kept);
    }
    return Object.keys(out).length ? out : undefined;
  }
  return structuredClone(value);
}
