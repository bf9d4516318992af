/**
 * The schema DSL: one runtime description of every built-in API type.
 *
 * Everything the API server needs to know about the *shape* of a type is derived from these declarations:
 * OpenAPI v2/v3 documents (`openapi.ts`), the protobuf request decoder (`protobuf.ts`), unknown-field detection
 * and strategic-merge-patch metadata (`fields.ts`), and server-side-apply list types ({@link effectiveListType}).
 * TypeScript interfaces for code are a separate concern; this is data.
 *
 * ## Declaring a type
 * ```ts
 * export const ContainerPort = struct('io.k8s.api.core.v1.ContainerPort', 'A network port exposed by a container.', {
 *   name: field(1, string, 'Optional IANA service name for the port.'),
 *   containerPort: field(3, int32, 'Port number opened on the container IP.', { required: true }),
 *   protocol: field(4, string, 'Protocol of the port: TCP, UDP or SCTP.', { default: 'TCP' }),
 * });
 * ```
 * - The first argument of {@link field} is the **protobuf field number** (from upstream `generated.proto` or the
 *   `protobuf:"…,N,…"` struct tag). Fields that are not on the wire (TypeMeta) use {@link jsonOnly}.
 * - Struct references are thunks (`() => PodSpec`) so declarations may be recursive and may sit in any order and
 *   in any file. Scalars are the constants exported below (`string`, `int32`, `quantity`, `time`, …).
 * - Options mirror the Go declaration: `required` (no `omitempty` and no `+optional`), `pointer` (a Go pointer:
 *   nil when absent, kept when zero), `omitempty` (defaults to `!required`), `patchStrategy`/`patchMergeKey`
 *   (the struct tags), `listType`/`listMapKeys`/`mapType` (the `+listType`… markers).
 * - A Go embedded struct (`json:",inline"`) is declared with {@link inline}; its fields appear flat in JSON.
 *
 * ## Declaring a kind and adding a group
 * One file per group-version (split the types into several files when it grows past ~600 lines) exporting a
 * `readonly KindDef[]`:
 * ```ts
 * export const appsV1Kinds: readonly KindDef[] = [
 *   kind(Deployment, { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', singular: 'deployment',
 *     namespaced: true, shortNames: ['deploy'], categories: ['all'],
 *     subresources: [statusSubresource, scaleSubresource] }),
 * ];
 * ```
 * then one line in `registry.ts` (`BUILTIN_KINDS`). List kinds (`DeploymentList`) and the shared meta kinds
 * (DeleteOptions, WatchEvent) are derived automatically; `buildSchemaRegistry()` rejects duplicate GVKs, two
 * structs with one definition name, and merge/list-map keys that name no field of the element.
 * Descriptions are one short sentence of our own; they are what `kubectl explain` prints.
 *
 * ## Checking a new group
 * - Field numbers, JSON names, `omitempty`/pointer-ness and patch tags come from upstream `types.go` struct tags
 *   (cross-check numbers against `generated.proto`). Getting `pointer`/`omitempty` right matters: the protobuf
 *   decoder rebuilds the JSON with Go's encoding/json rules from them.
 * - `testdata/kubectl-bodies.ts` holds protobuf bodies captured from kubectl 1.32 (deployment, job, cronjob, role,
 *   pdb, priorityclass, ingress, …) with the JSON kubectl 1.27 sends for the same command; `protobuf.test.ts`
 *   decodes every fixture whose kind is registered and compares, so registering a group tests it for free.
 * - `kubectl explain <resource> --recursive` against a server built on the registry shows every description.
 */

/** The built-in leaf types. Each has a fixed JSON form, protobuf encoding and OpenAPI schema. */
export type ScalarKind =
  | 'string'
  | 'boolean'
  | 'int32'
  | 'int64'
  | 'double'
  /** `[]byte`: base64 in JSON, length-delimited bytes in protobuf. */
  | 'bytes'
  /** intstr.IntOrString: JSON number or string; proto message {1 type int64, 2 intVal int32, 3 strVal string}. */
  | 'intOrString'
  /** resource.Quantity: JSON string; proto message {1 string}. */
  | 'quantity'
  /** metav1.Time: RFC 3339 seconds in JSON (null when zero); proto message {1 seconds int64, 2 nanos int32}. */
  | 'time'
  /** metav1.MicroTime: RFC 3339 with microseconds; same proto message as time. */
  | 'microTime'
  /** metav1.Duration: Go duration string ("1h2m3s"); proto message {1 duration int64 nanoseconds}. */
  | 'duration'
  /** runtime.RawExtension: embedded JSON object; proto message {1 raw bytes}. */
  | 'rawExtension'
  /** metav1.FieldsV1: managed-fields set as JSON; proto message {1 Raw bytes}. */
  | 'fieldsV1'
  /** apiextensions JSON: any JSON value; proto message {1 raw bytes}. */
  | 'json';

/** A leaf type; see {@link ScalarKind} for the JSON, protobuf and OpenAPI form of each. */
export interface ScalarType {
  readonly kind: 'scalar';
  readonly scalar: ScalarKind;
}

/** `[]elem`: a JSON array; protobuf `repeated` (scalars packed or not, both are accepted). */
export interface ListType {
  readonly kind: 'list';
  readonly elem: TypeRef;
  /**
   * Protobuf wraps the list in its own message `{1 repeated items}` (e.g. authorization's `ExtraValue`);
   * the JSON form is still a plain array.
   */
  readonly wrapped: boolean;
}

/** `map[string]V`: a JSON object; protobuf map entries `{1 key, 2 value}`. */
export interface MapType {
  readonly kind: 'map';
  readonly value: TypeRef;
}

/** A lazy struct reference, so declarations can be recursive and spread across modules. */
export type StructThunk = () => StructType;

export type TypeRef = ScalarType | ListType | MapType | StructType | StructThunk;
/** A {@link TypeRef} with the thunk (if any) called. */
export type ResolvedType = ScalarType | ListType | MapType | StructType;

export type PatchStrategy = 'merge' | 'retainKeys' | 'replace';
export type ListTypeName = 'atomic' | 'set' | 'map';
export type MapTypeName = 'atomic' | 'granular';

/** Go-level facts about a field, as written in its struct tags and `+` markers upstream. All optional. */
export interface FieldOptions {
  /** In the OpenAPI `required` list. Upstream: no `omitempty` and no `+optional`. */
  readonly required?: boolean;
  /** A Go pointer: absent means nil (omitted); when present its value is kept even if zero. */
  readonly pointer?: boolean;
  /** Go `omitempty`; defaults to `!required`. Never applies to non-pointer structs (as in Go). */
  readonly omitempty?: boolean;
  /** `patchStrategy` struct tag; several are joined by commas upstream (`merge,retainKeys`). */
  readonly patchStrategy?: PatchStrategy | readonly PatchStrategy[];
  readonly patchMergeKey?: string;
  /** `+listType` marker; when absent SSA derives it from the patch strategy ({@link effectiveListType}). */
  readonly listType?: ListTypeName;
  readonly listMapKeys?: readonly string[];
  /** `+mapType` marker (maps) or `+structType` (structs), emitted as `x-kubernetes-map-type`. */
  readonly mapType?: MapTypeName;
  /** `+default=` marker value, emitted as the OpenAPI `default`. */
  readonly default?: unknown;
  /** Known enum values, emitted as the OpenAPI `enum`. */
  readonly enum?: readonly string[];
}

/** One field of a struct, as declared. */
export interface FieldDef {
  /** JSON name. For an {@link inline} field this is only a label (the Go field name) and never appears in JSON. */
  readonly name: string;
  /** Protobuf field number; undefined for JSON-only fields. */
  readonly number: number | undefined;
  readonly type: TypeRef;
  readonly description: string;
  /** A Go embedded struct whose fields are flattened into the parent's JSON (and OpenAPI) properties. */
  readonly inline: boolean;
  readonly required: boolean;
  readonly pointer: boolean;
  readonly omitempty: boolean;
  readonly patchStrategies: readonly PatchStrategy[];
  readonly patchMergeKey: string | undefined;
  readonly listType: ListTypeName | undefined;
  readonly listMapKeys: readonly string[] | undefined;
  readonly mapType: MapTypeName | undefined;
  readonly default: unknown;
  readonly enum: readonly string[] | undefined;
}

/** A field as declared in a {@link struct} call; the JSON name comes from the object key. */
export type FieldSpec = Omit<FieldDef, 'name'>;

export interface StructOptions {
  /** `+structType=atomic` / `+mapType=atomic` on the type: `x-kubernetes-map-type`. */
  readonly mapType?: MapTypeName;
}

/**
 * A struct type: a JSON object, a protobuf message and an OpenAPI definition.
 *
 * Immutable once declared. `properties()` resolves thunks on first use and memoizes, so it must not be called
 * while modules are still being evaluated (it never is: only the registry and the generators call it).
 */
export interface StructType {
  readonly kind: 'struct';
  /** OpenAPI definition name, e.g. `io.k8s.api.core.v1.Pod`. */
  readonly name: string;
  readonly description: string;
  /** Declared fields in declaration order (Go order), inline fields included as single entries. */
  readonly fields: readonly FieldDef[];
  readonly mapType: MapTypeName | undefined;
  /** JSON-visible fields with inline structs flattened, in Go's JSON output order. */
  properties(): readonly FieldDef[];
  /** A JSON-visible field by its JSON name (looking through inline structs). */
  property(jsonName: string): FieldDef | undefined;
  /** A declared field by its protobuf number (inline fields are returned as themselves). */
  fieldByNumber(n: number): FieldDef | undefined;
}

const scalar = (s: ScalarKind): ScalarType => Object.freeze({ kind: 'scalar', scalar: s });

// Scalars. `string` and `boolean` shadow nothing at runtime (TS primitive type names live in the type space).
export const string = scalar('string');
export const boolean = scalar('boolean');
export const int32 = scalar('int32');
export const int64 = scalar('int64');
export const double = scalar('double');
export const bytes = scalar('bytes');
export const intOrString = scalar('intOrString');
export const quantity = scalar('quantity');
export const time = scalar('time');
export const microTime = scalar('microTime');
export const duration = scalar('duration');
export const rawExtension = scalar('rawExtension');
export const fieldsV1 = scalar('fieldsV1');
export const json = scalar('json');

/** `[]elem`. */
export function list(elem: TypeRef, opts: { wrapped?: boolean } = {}): ListType {
  return Object.freeze({ kind: 'list', elem, wrapped: opts.wrapped ?? false });
}

/** `map[string]value`. */
export function map(value: TypeRef): MapType {
  return Object.freeze({ kind: 'map', value });
}

/** Declares one field: protobuf number, type, a one-sentence description and Go-level options. */
export function field(number: number, type: TypeRef, description: string, opts: FieldOptions = {}): FieldSpec {
  return makeField(number, type, description, false, opts);
}

/** A field that exists only in JSON (e.g. TypeMeta's apiVersion and kind, carried by the protobuf envelope). */
export function jsonOnly(type: TypeRef, description: string, opts: FieldOptions = {}): FieldSpec {
  return makeField(undefined, type, description, false, opts);
}

/**
 * A Go embedded struct (`json:",inline"`): on the wire it is message field `number` (undefined for TypeMeta,
 * which is not on the wire), in JSON its fields are merged into the parent object.
 */
export function inline(number: number | undefined, type: StructThunk | StructType): FieldSpec {
  return makeField(number, type, '', true, { omitempty: false });
}

function makeField(
  number: number | undefined,
  type: TypeRef,
  description: string,
  isInline: boolean,
  opts: FieldOptions,
): FieldSpec {
  if (number !== undefined && (!Number.isInteger(number) || number < 1)) {
    throw new SchemaDeclarationError(`protobuf field number must be a positive integer, got ${number}`);
  }
  const strategies =
    opts.patchStrategy === undefined
      ? []
      : typeof opts.patchStrategy === 'string'
        ? [opts.patchStrategy]
        : opts.patchStrategy;
  const required = opts.required ?? false;
  return Object.freeze({
    number,
    type,
    description,
    inline: isInline,
    required,
    pointer: opts.pointer ?? false,
    omitempty: opts.omitempty ?? !required,
    patchStrategies: Object.freeze([...strategies]),
    patchMergeKey: opts.patchMergeKey,
    listType: opts.listType,
    listMapKeys: opts.listMapKeys ? Object.freeze([...opts.listMapKeys]) : undefined,
    mapType: opts.mapType,
    default: opts.default,
    enum: opts.enum ? Object.freeze([...opts.enum]) : undefined,
  });
}

/** Thrown for an inconsistent declaration (duplicate names or numbers, bad list-map keys, …). */
export class SchemaDeclarationError extends Error {
  override readonly name = 'SchemaDeclarationError';
  readonly code = 'SchemaDeclaration';
}

/** Declares a struct type. `name` is the upstream OpenAPI definition name. Field keys are JSON names. */
export function struct(
  name: string,
  description: string,
  fields: Readonly<Record<string, FieldSpec>>,
  opts: StructOptions = {},
): StructType {
  const declared: FieldDef[] = [];
  const numbers = new Set<number>();
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.number !== undefined) {
      if (numbers.has(spec.number)) {
        throw new SchemaDeclarationError(`${name}: protobuf field number ${spec.number} is used twice (at ${key})`);
      }
      numbers.add(spec.number);
    }
    declared.push(Object.freeze({ ...spec, name: key }));
  }
  const byNumber = new Map(declared.filter((f) => f.number !== undefined).map((f) => [f.number as number, f]));
  let flat: { list: readonly FieldDef[]; byName: ReadonlyMap<string, FieldDef> } | undefined;
  const flatten = () => {
    if (flat) return flat;
    const out: FieldDef[] = [];
    for (const f of declared) {
      if (!f.inline) {
        out.push(f);
        continue;
      }
      const inner = resolveType(f.type);
      if (inner.kind !== 'struct') throw new SchemaDeclarationError(`${name}.${f.name}: inline fields must be structs`);
      out.push(...inner.properties());
    }
    const byName = new Map<string, FieldDef>();
    for (const f of out) {
      if (byName.has(f.name)) throw new SchemaDeclarationError(`${name}: JSON field "${f.name}" is declared twice`);
      byName.set(f.name, f);
    }
    flat = { list: Object.freeze(out), byName };
    return flat;
  };
  const s: StructType = {
    kind: 'struct',
    name,
    description,
    fields: Object.freeze(declared),
    mapType: opts.mapType,
    properties: () => flatten().list,
    property: (jsonName) => flatten().byName.get(jsonName),
    fieldByNumber: (n) => byNumber.get(n),
  };
  return Object.freeze(s);
}

/** Calls a struct thunk; returns other types unchanged. */
export function resolveType(t: TypeRef): ResolvedType {
  return typeof t === 'function' ? t() : t;
}

/** The struct a field ultimately holds (through lists and maps), if any. */
export function elementStruct(t: TypeRef): StructType | undefined {
  const r = resolveType(t);
  if (r.kind === 'struct') return r;
  if (r.kind === 'list') return elementStruct(r.elem);
  if (r.kind === 'map') return elementStruct(r.value);
  return undefined;
}

/**
 * The list semantics server-side apply uses for a list field. Upstream: an explicit `+listType` wins; otherwise
 * a `merge` patch strategy with a merge key is an associative list keyed by it, `merge` without a key is a set,
 * and anything else is atomic.
 */
export function effectiveListType(f: FieldDef): { listType: ListTypeName; keys: readonly string[] } {
  if (f.listType) return { listType: f.listType, keys: f.listMapKeys ?? [] };
  if (f.patchStrategies.includes('merge')) {
    return f.patchMergeKey ? { listType: 'map', keys: [f.patchMergeKey] } : { listType: 'set', keys: [] };
  }
  return { listType: 'atomic', keys: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Kinds

/** Group (empty for core), version and kind of an object. */
export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** A subresource of a resource (`pods/status`, `deployments/scale`, `pods/exec`). */
export interface SubresourceDef {
  /** Path segment, e.g. `status`, `scale`, `exec`. */
  readonly name: string;
  /** The kind sent and returned; defaults to the parent kind. */
  readonly kind?: GroupVersionKind;
  /** Discovery verbs, e.g. `['get', 'patch', 'update']`. */
  readonly verbs: readonly string[];
  /**
   * A "connect" subresource (exec, attach, portforward, proxy): a stream rather than an object. Operations get
   * `x-kubernetes-action: connect` and their query parameters come from {@link options}.
   */
  readonly connect?: boolean;
  /** The options struct whose fields are the query parameters (PodLogOptions for pods/log). */
  readonly options?: StructThunk;
  /** What a GET returns when it is not an object (pods/log returns text). */
  readonly responseType?: 'string';
}

/** The REST resource serving a kind. */
export interface ResourceDef {
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
  readonly subresources: readonly SubresourceDef[];
}

/** A registered kind: its GVK, its schema and, for kinds served as a resource, the resource. */
export interface KindDef {
  readonly gvk: GroupVersionKind;
  readonly schema: StructType;
  readonly resource: ResourceDef | undefined;
}

/** Arguments of {@link kind}: the GVK and, with `plural`, the resource that serves it. */
export interface KindOptions {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Resource name; omit for kinds that are not a resource (options, Scale, Eviction…). */
  readonly plural?: string;
  readonly singular?: string;
  readonly namespaced?: boolean;
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  /** Defaults to the eight standard verbs. */
  readonly verbs?: readonly string[];
  readonly subresources?: readonly SubresourceDef[];
}

export const STANDARD_VERBS: readonly string[] = Object.freeze([
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
]);

/** `status` subresource serving the parent kind. */
export const statusSubresource: SubresourceDef = Object.freeze({ name: 'status', verbs: ['get', 'patch', 'update'] });

/** `scale` subresource serving autoscaling/v1 Scale. */
export const scaleSubresource: SubresourceDef = Object.freeze({
  name: 'scale',
  kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  verbs: ['get', 'patch', 'update'],
});

/** Registers GVK (and, with `plural`, resource) metadata for a struct. */
export function kind(schema: StructType, o: KindOptions): KindDef {
  const gvk = Object.freeze({ group: o.group, version: o.version, kind: o.kind });
  let resource: ResourceDef | undefined;
  if (o.plural !== undefined) {
    resource = Object.freeze({
      plural: o.plural,
      singular: o.singular ?? o.kind.toLowerCase(),
      namespaced: o.namespaced ?? true,
      shortNames: Object.freeze([...(o.shortNames ?? [])]),
      categories: Object.freeze([...(o.categories ?? [])]),
      verbs: Object.freeze([...(o.verbs ?? STANDARD_VERBS)]),
      subresources: Object.freeze([...(o.subresources ?? [])]),
    });
  }
  return Object.freeze({ gvk, schema, resource });
}

/** `apiVersion` as written in objects: `v1` for the core group, `group/version` otherwise. */
export function apiVersionOf(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** Splits an apiVersion into group and version (`v1` → core). */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}
