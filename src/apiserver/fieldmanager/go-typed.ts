/**
 * The object as upstream's field manager sees it when it compares two versions of an object: after a round
 * trip through the Go types. That round trip is what decides whether a struct counts as *added* (and so shows
 * up in managedFields with a `"."` entry) or was always there:
 *
 * - non-pointer structs always exist (`spec.strategy`, `containers[].resources`): absent → `{}`;
 * - non-pointer lists and maps without `omitempty` are written as `null` (`containers: null`);
 * - metav1.Time fields that are not pointers are written as `null` (`template.metadata.creationTimestamp`);
 * - `omitempty` drops empty strings, zero numbers, `false`, empty lists and maps; `null` pointers vanish.
 *
 * The result is only used for comparisons; stored objects are never rewritten this way.
 */
import type { FieldDef } from '../../api/schema/dsl.js';
import { resolveType } from '../../api/schema/dsl.js';
import { isJsonObject, setKey, type JsonObject, type JsonValue } from '../../apimachinery/patch/json.js';
import { childNode, resolveNode, type SchemaNode } from './schema-node.js';

/** A copy of `value` shaped as the Go types would write it back. */
export function toGoTyped(value: JsonValue, node: SchemaNode): JsonValue {
  return typed(value, node, 0);
}

// Go types cannot nest non-pointer structs without end, but a schema declaration might forget a pointer
// marker on a recursive type: zero values stop being filled in this deep.
const MAX_ZERO_DEPTH = 40;

function typed(value: JsonValue, node: SchemaNode, depth: number): JsonValue {
  const n = resolveNode(node, value);
  if (n.kind === 'struct' && isJsonObject(value)) return structValue(value, n, depth + 1);
  if (n.kind === 'map' && isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) setKey(out, k, typed(v, n.elem, depth + 1));
    return out;
  }
  if (n.kind === 'list' && Array.isArray(value)) return value.map((v) => typed(v, n.elem, depth + 1));
  return structuredClone(value);
}

function structValue(value: JsonObject, node: SchemaNode & { kind: 'struct' }, depth: number): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    const def = node.type.property(k);
    if (!def) {
      setKey(out, k, structuredClone(v));
      continue;
    }
    const v2 = v === null ? nullValue(def, childNode(node, k), depth) : typed(v, childNode(node, k), depth);
    if (v2 === undefined) continue;
    if (def.omitempty && !def.pointer && isGoEmpty(v2, def)) continue;
    setKey(out, k, v2);
  }
  if (depth > MAX_ZERO_DEPTH) return out;
  for (const def of node.type.properties()) {
    if (Object.prototype.hasOwnProperty.call(value, def.name) || def.pointer) continue;
    const zero = absentValue(def, childNode(node, def.name), depth);
    if (zero !== undefined) setKey(out, def.name, zero);
  }
  return out;
}

/** What an explicit `null` becomes: nothing for pointers, the zero value otherwise. */
function nullValue(def: FieldDef, node: SchemaNode, depth: number): JsonValue | undefined {
  if (def.pointer) return undefined;
  return absentValue(def, node, depth);
}

/** What Go writes for a field the object does not set (undefined: the field is omitted). */
function absentValue(def: FieldDef, node: SchemaNode, depth: number): JsonValue | undefined {
  const t = resolveType(def.type);
  if (t.kind === 'struct') return typed({}, node, depth);
  if ((t.kind === 'list' || t.kind === 'map') && !def.omitempty) return null;
  if (t.kind === 'scalar' && (t.scalar === 'time' || t.scalar === 'microTime')) return null;
  return undefined;
}

/** Go's omitempty test, for the kinds it applies to (never structs, Quantity, IntOrString, Time or Duration). */
function isGoEmpty(v: JsonValue, def: FieldDef): boolean {
  const t = resolveType(def.type);
  if (t.kind === 'list') return v === null || (Array.isArray(v) && v.length === 0);
  if (t.kind === 'map') return v === null || (isJsonObject(v) && Object.keys(v).length === 0);
  if (t.kind !== 'scalar') return false;
  switch (t.scalar) {
    case 'string':
    case 'bytes':
      return v === '' || v === null;
    case 'boolean':
      return v === false || v === null;
    case 'int32':
    case 'int64':
    case 'double':
      return v === 0 || v === null;
    default:
      return false;
  }
}
