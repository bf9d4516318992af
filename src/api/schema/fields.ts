/**
 * Field-level views of the schema for request handling:
 * - {@link findUnknownFields}: fieldValidation=Strict/Warn (`unknown field "spec.foo"`).
 * - {@link patchMetaFor}: strategic-merge-patch metadata (patch strategies and merge keys per field).
 * - {@link applySchemaFor}: server-side apply list/map semantics, derived the way upstream derives them for
 *   built-in types (explicit `+listType` first, else from the patch strategy and merge key).
 *
 * All functions are pure and allocate lazily; call them per request.
 */

import {
  effectiveListType,
  elementStruct,
  resolveType,
  type ListTypeName,
  type MapTypeName,
  type StructType,
} from './dsl.js';

// ---------------------------------------------------------------------------------------------------------------
// Unknown fields

/**
 * The paths of fields in `obj` that the schema does not declare, in document order, in upstream's form:
 * `spec.template.spec.containers[0].foo` (list indexes in brackets, map keys as path segments). Callers render
 * `unknown field "<path>"`. Values of the wrong JSON type are ignored here (that is validation's job), and
 * opaque values (RawExtension, FieldsV1, JSON) are not descended into.
 */
export function findUnknownFields(obj: unknown, schema: StructType): string[] {
  const out: string[] = [];
  walkStruct(obj, schema, '', out);
  return out;
}

function walkStruct(v: unknown, s: StructType, path: string, out: string[]): void {
  if (!isPlainObject(v)) return;
  for (const [key, child] of Object.entries(v)) {
    const p = path === '' ? key : `${path}.${key}`;
    const f = s.property(key);
    if (!f) {
      out.push(p);
      continue;
    }
    walkValue(child, f.type, p, out);
  }
}

function walkValue(v: unknown, t: Parameters<typeof resolveType>[0], path: string, out: string[]): void {
  const r = resolveType(t);
  switch (r.kind) {
    case 'struct':
      walkStruct(v, r, path, out);
      return;
    case 'list':
      if (Array.isArray(v)) v.forEach((item, i) => walkValue(item, r.elem, `${path}[${i}]`, out));
      return;
    case 'map':
      if (isPlainObject(v)) for (const [k, item] of Object.entries(v)) walkValue(item, r.value, `${path}.${k}`, out);
      return;
    case 'scalar':
      return;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------------------------
// Strategic merge patch

/** Patch metadata of one struct, as consumed by the strategic-merge-patch implementation. */
export interface PatchMeta {
  field(name: string): FieldPatchMeta | undefined;
}

/** Patch metadata of one field. `elem` describes the struct inside (directly, as list items or map values). */
export interface FieldPatchMeta {
  strategies: ReadonlySet<'merge' | 'retainKeys' | 'replace'>;
  mergeKey?: string;
  elem?: PatchMeta;
  isList?: boolean;
}

const NO_STRATEGIES: ReadonlySet<'merge' | 'retainKeys' | 'replace'> = new Set();

/** Strategic-merge-patch metadata for a struct (undefined for fields the struct does not declare). */
export function patchMetaFor(schema: StructType): PatchMeta {
  return {
    field(name: string): FieldPatchMeta | undefined {
      const f = schema.property(name);
      if (!f) return undefined;
      const meta: FieldPatchMeta = {
        strategies: f.patchStrategies.length > 0 ? new Set(f.patchStrategies) : NO_STRATEGIES,
      };
      if (f.patchMergeKey !== undefined) meta.mergeKey = f.patchMergeKey;
      if (resolveType(f.type).kind === 'list') meta.isList = true;
      const elem = elementStruct(f.type);
      if (elem) meta.elem = patchMetaFor(elem);
      return meta;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Server-side apply

/** Server-side apply semantics of one struct. */
export interface ApplySchema {
  /** `x-kubernetes-map-type: atomic` on the struct: the whole object is owned as one value. */
  readonly atomic: boolean;
  field(name: string): ApplyFieldMeta | undefined;
}

/** Server-side apply semantics of one field. */
export type ApplyFieldMeta =
  | { readonly kind: 'scalar' }
  | { readonly kind: 'struct'; readonly elem: ApplySchema }
  | {
      readonly kind: 'list';
      readonly listType: ListTypeName;
      /** Key fields of a `map` list (one per merge key). */
      readonly keys: readonly string[];
      /** Set when the items are structs. */
      readonly elem?: ApplySchema;
    }
  | {
      readonly kind: 'map';
      readonly mapType: MapTypeName;
      /** Set when the values are structs. */
      readonly elem?: ApplySchema;
    };

/** Server-side apply semantics of a struct's fields (undefined for fields the struct does not declare). */
export function applySchemaFor(schema: StructType): ApplySchema {
  return {
    atomic: schema.mapType === 'atomic',
    field(name: string): ApplyFieldMeta | undefined {
      const f = schema.property(name);
      if (!f) return undefined;
      const t = resolveType(f.type);
      const elemStruct = elementStruct(f.type);
      const elem = elemStruct ? applySchemaFor(elemStruct) : undefined;
      switch (t.kind) {
        case 'scalar':
          return { kind: 'scalar' };
        case 'struct':
          return { kind: 'struct', elem: applySchemaFor(t) };
        case 'list': {
          const { listType, keys } = effectiveListType(f);
          return elem ? { kind: 'list', listType, keys, elem } : { kind: 'list', listType, keys };
        }
        case 'map': {
          const mapType = f.mapType ?? 'granular';
          return elem ? { kind: 'map', mapType, elem } : { kind: 'map', mapType };
        }
      }
    },
  };
}
