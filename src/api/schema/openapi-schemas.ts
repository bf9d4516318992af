/**
 * OpenAPI schema objects for struct definitions, shared by the v2 (`#/definitions/…`) and v3
 * (`#/components/schemas/…`) generators. Output follows upstream's conventions: properties sorted by name,
 * `$ref` with a description wrapped in `allOf` (v3) or with siblings (v2), Kubernetes extensions for patch and
 * list semantics, and the special apimachinery types as named definitions.
 */

import { resolveType, type FieldDef, type ScalarKind, type StructType, type TypeRef } from './dsl.js';
import type { SchemaRegistry } from './registry.js';

export type OpenAPIFlavor = 'v2' | 'v3';
export type JsonSchema = { [k: string]: unknown };

const NAMED_SCALARS: Partial<Record<ScalarKind, string>> = {
  intOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  time: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  microTime: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
  rawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  fieldsV1: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
  json: 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON',
};

/** The definition name of the opaque patch body schema. */
export const PATCH_DEFINITION = 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch';

/** Schemas of the named special types (and Patch), by definition name. */
export function specialDefinition(name: string, flavor: OpenAPIFlavor): JsonSchema | undefined {
  switch (name) {
    case NAMED_SCALARS.intOrString:
      return flavor === 'v3'
        ? {
            description: 'A value that is either a 32-bit integer or a string.',
            format: 'int-or-string',
            oneOf: [{ type: 'integer' }, { type: 'string' }],
            'x-kubernetes-int-or-string': true,
          }
        : {
            description: 'A value that is either a 32-bit integer or a string.',
            format: 'int-or-string',
            type: 'string',
            'x-kubernetes-int-or-string': true,
          };
    case NAMED_SCALARS.quantity:
      return flavor === 'v3'
        ? {
            description: 'A fixed-point amount with an optional SI or binary suffix, e.g. 500m, 1Gi or 2.',
            oneOf: [{ type: 'string' }, { type: 'number' }],
          }
        : {
            description: 'A fixed-point amount with an optional SI or binary suffix, e.g. 500m, 1Gi or 2.',
            type: 'string',
          };
    case NAMED_SCALARS.time:
      return {
        description: 'A timestamp in RFC 3339 form with second precision.',
        format: 'date-time',
        type: 'string',
      };
    case NAMED_SCALARS.microTime:
      return {
        description: 'A timestamp in RFC 3339 form with microsecond precision.',
        format: 'date-time',
        type: 'string',
      };
    case NAMED_SCALARS.rawExtension:
      return { description: 'An embedded object of any kind, as JSON.', type: 'object' };
    case NAMED_SCALARS.fieldsV1:
      return { description: 'A set of field paths in the FieldsV1 trie format.', type: 'object' };
    case NAMED_SCALARS.json:
      return { description: 'Any JSON value.', 'x-kubernetes-preserve-unknown-fields': true };
    case PATCH_DEFINITION:
      return { description: 'A patch document; its format is given by the request Content-Type.', type: 'object' };
    default:
      return undefined;
  }
}

/** Named definitions (structs and special types) a struct's fields refer to, directly. */
export function referencedDefinitions(s: StructType): string[] {
  const out: string[] = [];
  const visit = (t: TypeRef) => {
    const r = resolveType(t);
    if (r.kind === 'struct') out.push(r.name);
    else if (r.kind === 'list') visit(r.elem);
    else if (r.kind === 'map') visit(r.value);
    else if (NAMED_SCALARS[r.scalar]) out.push(NAMED_SCALARS[r.scalar] as string);
  };
  for (const f of s.properties()) visit(f.type);
  return out;
}

/**
 * All definition names reachable from `roots` (struct names or special names), sorted. Struct definitions are
 * looked up in the registry; unknown names are ignored.
 */
export function definitionClosure(registry: SchemaRegistry, roots: Iterable<string>): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const s = registry.definitions.get(name);
    if (s) stack.push(...referencedDefinitions(s));
  }
  return [...seen].sort();
}

export function refTo(name: string, flavor: OpenAPIFlavor): JsonSchema {
  return { $ref: flavor === 'v3' ? `#/components/schemas/${name}` : `#/definitions/${name}` };
}

/** The schema of a struct definition. */
export function structDefinition(s: StructType, registry: SchemaRegistry, flavor: OpenAPIFlavor): JsonSchema {
  const props = [...s.properties()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: JsonSchema = { description: s.description };
  if (props.length > 0) {
    const properties: JsonSchema = {};
    for (const f of props) properties[f.name] = fieldSchema(f, flavor);
    out.properties = properties;
  }
  const required = s
    .properties()
    .filter((f) => f.required)
    .map((f) => f.name);
  if (required.length > 0) out.required = required;
  out.type = 'object';
  const gvks = registry.gvksOf(s.name);
  if (gvks.length > 0) {
    out['x-kubernetes-group-version-kind'] = gvks.map((g) => ({ group: g.group, kind: g.kind, version: g.version }));
  }
  if (s.mapType) out['x-kubernetes-map-type'] = s.mapType;
  return out;
}

function fieldSchema(f: FieldDef, flavor: OpenAPIFlavor): JsonSchema {
  const base = typeSchema(f.type, flavor);
  let out: JsonSchema;
  if ('$ref' in base) {
    out = flavor === 'v3' ? { allOf: [base], description: f.description } : { ...base, description: f.description };
  } else {
    out = { description: f.description, ...base };
  }
  if (f.default !== undefined) out.default = f.default;
  if (f.enum) out.enum = [...f.enum];
  if (f.listType) out['x-kubernetes-list-type'] = f.listType;
  if (f.listMapKeys) out['x-kubernetes-list-map-keys'] = [...f.listMapKeys];
  if (f.mapType) out['x-kubernetes-map-type'] = f.mapType;
  if (f.patchMergeKey) out['x-kubernetes-patch-merge-key'] = f.patchMergeKey;
  if (f.patchStrategies.length > 0) out['x-kubernetes-patch-strategy'] = f.patchStrategies.join(',');
  return sortKeys(out);
}

function typeSchema(t: TypeRef, flavor: OpenAPIFlavor): JsonSchema {
  const r = resolveType(t);
  switch (r.kind) {
    case 'struct':
      return refTo(r.name, flavor);
    case 'list':
      return { items: typeSchema(r.elem, flavor), type: 'array' };
    case 'map':
      return { additionalProperties: typeSchema(r.value, flavor), type: 'object' };
    case 'scalar': {
      const named = NAMED_SCALARS[r.scalar];
      if (named) return refTo(named, flavor);
      switch (r.scalar) {
        case 'string':
        case 'duration': // metav1.Duration is inlined as a string upstream
          return { type: 'string' };
        case 'boolean':
          return { type: 'boolean' };
        case 'int32':
          return { format: 'int32', type: 'integer' };
        case 'int64':
          return { format: 'int64', type: 'integer' };
        case 'double':
          return { format: 'double', type: 'number' };
        case 'bytes':
          return { format: 'byte', type: 'string' };
        default:
          return {};
      }
    }
  }
}

/** A copy of `v` with object keys sorted recursively, so serialization is deterministic and upstream-like. */
export function sortKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => sortKeys(x)) as T;
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
  return out as T;
}
