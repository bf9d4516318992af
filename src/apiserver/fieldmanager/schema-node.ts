/**
 * The type information the field manager walks objects with: structured-merge-diff's schema atoms, derived
 * from the schema DSL. Apply semantics (list types, list keys, atomic maps and structs) come from
 * {@link applySchemaFor}; the Go shape of each field (pointer, omitempty, default) from the field
 * declarations, because upstream walks objects *after* a round trip through the Go types.
 *
 * Nodes are built lazily per field lookup; nothing is cached, so they are cheap to create and safe to share.
 */
import { applySchemaFor, type ApplyFieldMeta, type ApplySchema } from '../../api/schema/fields.js';
import { resolveType, type FieldDef, type ResolvedType, type StructType } from '../../api/schema/dsl.js';
import { isJsonObject, type JsonValue } from '../../apimachinery/patch/json.js';
import { FieldSet } from './field-set.js';
import { fieldElement, keyElement, valueElement, type PathElement } from './path-element.js';

/** A struct: named fields, owned field by field unless atomic. */
export interface StructNode {
  readonly kind: 'struct';
  readonly atomic: boolean;
  readonly type: StructType;
  /** The node of a declared field; undefined for fields the schema does not declare. */
  field(name: string): SchemaNode | undefined;
}

/** The four shapes of schema-typed values plus `deduced` for values the schema does not describe. */
export type SchemaNode =
  | { readonly kind: 'scalar' }
  | StructNode
  | { readonly kind: 'map'; readonly atomic: boolean; readonly elem: SchemaNode }
  | {
      readonly kind: 'list';
      readonly listType: 'atomic' | 'set' | 'map';
      readonly keys: readonly string[];
      readonly elem: SchemaNode;
    }
  /** Untyped: objects are granular maps of untyped values, arrays are atomic, the rest scalars (upstream's deduced type). */
  | { readonly kind: 'deduced' };

const SCALAR: SchemaNode = Object.freeze({ kind: 'scalar' });
/** The node for values the schema says nothing about. */
export const DEDUCED: SchemaNode = Object.freeze({ kind: 'deduced' });

/** The root node of a kind's schema. */
export function structNode(type: StructType): StructNode {
  const apply: ApplySchema = applySchemaFor(type);
  return {
    kind: 'struct',
    atomic: apply.atomic,
    type,
    field(name: string): SchemaNode | undefined {
      const def = type.property(name);
      const meta = apply.field(name);
      if (!def || !meta) return undefined;
      return nodeFor(resolveType(def.type), meta);
    },
  };
}

function nodeFor(t: ResolvedType, meta: ApplyFieldMeta | undefined): SchemaNode {
  switch (t.kind) {
    case 'scalar':
      return SCALAR;
    case 'struct':
      return structNode(t);
    case 'list': {
      const elem = nodeFor(resolveType(t.elem), undefined);
      // Nested lists carry no markers of their own; upstream treats them as atomic.
      if (meta?.kind !== 'list') return { kind: 'list', listType: 'atomic', keys: [], elem };
      return { kind: 'list', listType: meta.listType, keys: meta.keys, elem };
    }
    case 'map': {
      const elem = nodeFor(resolveType(t.value), undefined);
      return { kind: 'map', atomic: meta?.kind === 'map' && meta.mapType === 'atomic', elem };
    }
  }
}

/** The node of a map key or struct field below `node` (deduced when unknown). */
export function childNode(node: SchemaNode, name: string): SchemaNode {
  if (node.kind === 'struct') return node.field(name) ?? DEDUCED;
  if (node.kind === 'map') return node.elem;
  return DEDUCED;
}

/** The declaration of a struct field, when the node is a struct that declares it. */
export function fieldDef(node: SchemaNode, name: string): FieldDef | undefined {
  return node.kind === 'struct' ? node.type.property(name) : undefined;
}

/**
 * The path element that names a `map` or `set` list item, or undefined when the item cannot be named (an item
 * without a key field that has no default, a non-scalar set item): upstream rejects such objects; we skip the
 * item so that writes never fail on bookkeeping.
 */
export function listItemElement(node: SchemaNode & { kind: 'list' }, item: JsonValue): PathElement | undefined {
  if (node.keys.length === 0) {
    if (item === null || typeof item === 'object') return undefined;
    return valueElement(item);
  }
  if (!isJsonObject(item)) return undefined;
  const fields: { name: string; value: JsonValue }[] = [];
  for (const k of node.keys) {
    const v = item[k];
    if (v !== undefined) {
      fields.push({ name: k, value: v });
      continue;
    }
    // A missing key field takes its schema default (ports without protocol are keyed with "TCP").
    const def = node.elem.kind === 'struct' ? node.elem.type.property(k)?.default : undefined;
    if (def === undefined || def === null) return undefined;
    fields.push({ name: k, value: def as JsonValue });
  }
  return keyElement(fields);
}

/**
 * Upstream's EnsureNamedFieldsAreMembers: besides the set's members, every struct field that has members
 * below it becomes a member itself (maps and list items do not). Used when pruning, so that a struct emptied
 * by removal is removed as well.
 */
export function ensureNamedFieldsAreMembers(set: FieldSet, node: SchemaNode): FieldSet {
  const out = new FieldSet();
  for (const pe of set.memberElements()) out.insertMember(pe);
  for (const { pe, set: sub } of set.childNodes()) {
    let below: SchemaNode = DEDUCED;
    if (pe.kind === 'field') {
      below = childNode(node, pe.name);
      if (node.kind === 'struct' && node.field(pe.name)) out.insertMember(fieldElement(pe.name));
    } else if (pe.kind === 'key' && node.kind === 'list') {
      below = node.elem;
    }
    out.attach(pe, ensureNamedFieldsAreMembers(sub, below));
  }
  return out;
}

const DEDUCED_MAP: SchemaNode = Object.freeze({ kind: 'map', atomic: false, elem: DEDUCED });
const DEDUCED_LIST: SchemaNode = Object.freeze({ kind: 'list', listType: 'atomic', keys: Object.freeze([]), elem: DEDUCED });

/** Resolves a deduced node against a value: objects are granular maps, arrays atomic lists, the rest scalars. */
export function resolveNode(node: SchemaNode, value: JsonValue | undefined): SchemaNode {
  if (node.kind !== 'deduced') return node;
  if (isJsonObject(value)) return DEDUCED_MAP;
  if (Array.isArray(value)) return DEDUCED_LIST;
  return SCALAR;
}
