/**
 * The schema registry: every built-in kind, looked up by GVK, apiVersion+kind or resource, plus the derived
 * list kinds and the meta kinds every group-version shares (DeleteOptions, WatchEvent).
 *
 * Built once (usually in cmd/) with {@link buildSchemaRegistry} and passed to whoever needs it; it is immutable,
 * so it is safe to share between requests. Building validates the declarations (duplicate GVKs, definition-name
 * clashes, merge keys and list-map keys that name no field) and throws {@link SchemaDeclarationError}.
 */

import {
  SchemaDeclarationError,
  elementStruct,
  field,
  inline,
  kind,
  list,
  parseApiVersion,
  resolveType,
  struct,
  type GroupVersionKind,
  type KindDef,
  type StructType,
} from './dsl.js';
import {
  APIGroup,
  APIGroupList,
  APIResourceList,
  APIVersions,
  DeleteOptions,
  ListMeta,
  Status,
  TypeMeta,
  WatchEvent,
} from './meta-v1.js';
import { coreV1Kinds } from './core-v1.js';
import { authorizationV1Kinds } from './authorization-v1.js';
import { autoscalingV1Kinds } from './autoscaling-v1.js';
import { policyV1Kinds } from './policy-v1.js';
import { authenticationV1Kinds } from './authentication-v1.js';
import { appsV1Kinds } from './apps-v1.js';
import { autoscalingV2Kinds } from './autoscaling-v2.js';
import { batchV1Kinds } from './batch-v1.js';
import { coordinationV1Kinds } from './coordination-v1.js';
import { discoveryV1Kinds } from './discovery-v1.js';
import { eventsV1Kinds } from './events-v1.js';
import { networkingV1Kinds } from './networking-v1.js';
import { policyV1PdbKinds } from './policy-v1-pdb.js';
import { rbacV1Kinds } from './rbac-v1.js';
import { schedulingV1Kinds } from './scheduling-v1.js';
import { storageV1Kinds } from './storage-v1.js';

/** The built-in group-versions. Adding a group is one line here. */
export const BUILTIN_KINDS: readonly (readonly KindDef[])[] = Object.freeze([
  coreV1Kinds,
  authenticationV1Kinds,
  authorizationV1Kinds,
  autoscalingV1Kinds,
  policyV1Kinds,
  appsV1Kinds,
  autoscalingV2Kinds,
  batchV1Kinds,
  coordinationV1Kinds,
  discoveryV1Kinds,
  eventsV1Kinds,
  networkingV1Kinds,
  policyV1PdbKinds,
  rbacV1Kinds,
  schedulingV1Kinds,
  storageV1Kinds,
]);

/** A served API group-version; `group` is empty for the core (legacy) group. */
export interface GroupVersion {
  readonly group: string;
  readonly version: string;
}

/** Immutable view over all registered kinds. All lists are sorted deterministically. */
export interface SchemaRegistry {
  /** Every kind (declared, derived lists and shared meta kinds), sorted by group, version, kind. */
  readonly kinds: readonly KindDef[];
  /** Group-versions serving at least one resource: core first, then by group name, then version. */
  readonly groupVersions: readonly GroupVersion[];
  /** By `apiVersion` (`v1`, `apps/v1`) and kind, as found in an object or a protobuf envelope. */
  lookup(apiVersion: string, kind: string): KindDef | undefined;
  lookupGVK(gvk: GroupVersionKind): KindDef | undefined;
  /** The kind served by a resource (`pods` in core/v1). */
  resource(group: string, version: string, plural: string): KindDef | undefined;
  /** Declared kinds of one group-version that are served as resources, sorted by plural. */
  resourcesIn(group: string, version: string): readonly KindDef[];
  /** All kinds of one group-version (resources, options kinds, derived lists, shared meta kinds). */
  kindsIn(group: string, version: string): readonly KindDef[];
  /** The derived `<Kind>List` of a resource kind. */
  listKindOf(k: KindDef): KindDef | undefined;
  /** Every GVK whose schema is this definition (e.g. DeleteOptions in every group-version). */
  gvksOf(definitionName: string): readonly GroupVersionKind[];
  /** Struct definitions reachable from all kinds, by definition name. */
  readonly definitions: ReadonlyMap<string, StructType>;
}

/** Locale-independent string order, so output never depends on the host's locale. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const gvkKey = (g: string, v: string, k: string) => `${g}/${v}/${k}`;
const compareGV = (a: GroupVersion, b: GroupVersion) =>
  a.group === b.group ? cmp(a.version, b.version) : a.group === '' ? -1 : b.group === '' ? 1 : cmp(a.group, b.group);

/** The `<Kind>List` schema every resource kind gets: `{metadata: ListMeta, items: [Kind]}` (proto 1 and 2). */
export function listSchemaFor(item: StructType, kindName: string): StructType {
  return struct(`${item.name}List`, `A list of ${kindName} objects.`, {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ListMeta, 'Standard list metadata.'),
    items: field(
      2,
      list(() => item),
      `The ${kindName} objects.`,
      { required: true },
    ),
  });
}

/** Builds and validates the registry. `groups` defaults to {@link BUILTIN_KINDS}. */
export function buildSchemaRegistry(groups: readonly (readonly KindDef[])[] = BUILTIN_KINDS): SchemaRegistry {
  const byGVK = new Map<string, KindDef>();
  const byResource = new Map<string, KindDef>();
  const listOf = new Map<KindDef, KindDef>();
  const gvs = new Map<string, GroupVersion>(); // serving resources
  const allGVs = new Map<string, GroupVersion>(); // with any kind
  const add = (k: KindDef) => {
    const key = gvkKey(k.gvk.group, k.gvk.version, k.gvk.kind);
    if (byGVK.has(key)) throw new SchemaDeclarationError(`kind ${key} is registered twice`);
    byGVK.set(key, k);
  };

  const declared = groups.flat();
  for (const k of declared) {
    add(k);
    allGVs.set(`${k.gvk.group}/${k.gvk.version}`, { group: k.gvk.group, version: k.gvk.version });
    if (k.resource) {
      gvs.set(`${k.gvk.group}/${k.gvk.version}`, { group: k.gvk.group, version: k.gvk.version });
      const rkey = `${k.gvk.group}/${k.gvk.version}/${k.resource.plural}`;
      if (byResource.has(rkey)) throw new SchemaDeclarationError(`resource ${rkey} is registered twice`);
      byResource.set(rkey, k);
    }
  }
  for (const k of declared) {
    if (!k.resource?.verbs.includes('list')) continue;
    const listKind = `${k.gvk.kind}List`;
    if (byGVK.has(gvkKey(k.gvk.group, k.gvk.version, listKind))) continue; // declared by hand
    const lk = kind(listSchemaFor(k.schema, k.gvk.kind), {
      group: k.gvk.group,
      version: k.gvk.version,
      kind: listKind,
    });
    add(lk);
    listOf.set(k, lk);
  }
  const groupVersions = [...gvs.values()].sort(compareGV);
  // Shared meta kinds, registered into every group-version as upstream's AddToGroupVersion does.
  for (const gv of [...allGVs.values()].sort(compareGV)) {
    for (const [schema, name] of [
      [DeleteOptions, 'DeleteOptions'],
      [WatchEvent, 'WatchEvent'],
    ] as const) {
      if (!byGVK.has(gvkKey(gv.group, gv.version, name))) add(kind(schema, { ...gv, kind: name }));
    }
  }
  // Unversioned meta kinds, which upstream reports under the core group-version.
  for (const [schema, name] of [
    [Status, 'Status'],
    [APIResourceList, 'APIResourceList'],
    [APIGroupList, 'APIGroupList'],
    [APIGroup, 'APIGroup'],
    [APIVersions, 'APIVersions'],
  ] as const) {
    if (!byGVK.has(gvkKey('', 'v1', name))) add(kind(schema, { group: '', version: 'v1', kind: name }));
  }

  const kinds = [...byGVK.values()].sort((a, b) => {
    const c = compareGV(a.gvk, b.gvk);
    return c !== 0 ? c : cmp(a.gvk.kind, b.gvk.kind);
  });
  const definitions = collectDefinitions(kinds.map((k) => k.schema));
  const gvksByDef = new Map<string, GroupVersionKind[]>();
  for (const k of kinds) {
    const arr = gvksByDef.get(k.schema.name) ?? [];
    arr.push(k.gvk);
    gvksByDef.set(k.schema.name, arr);
  }

  const registry: SchemaRegistry = {
    kinds: Object.freeze(kinds),
    groupVersions: Object.freeze(groupVersions),
    lookup: (apiVersion, kindName) => {
      const { group, version } = parseApiVersion(apiVersion);
      return byGVK.get(gvkKey(group, version, kindName));
    },
    lookupGVK: (gvk) => byGVK.get(gvkKey(gvk.group, gvk.version, gvk.kind)),
    resource: (group, version, plural) => byResource.get(`${group}/${version}/${plural}`),
    resourcesIn: (group, version) =>
      kinds
        .filter((k) => k.resource && k.gvk.group === group && k.gvk.version === version)
        .sort((a, b) => cmp(a.resource?.plural ?? '', b.resource?.plural ?? '')),
    kindsIn: (group, version) => kinds.filter((k) => k.gvk.group === group && k.gvk.version === version),
    listKindOf: (k) => listOf.get(k) ?? byGVK.get(gvkKey(k.gvk.group, k.gvk.version, `${k.gvk.kind}List`)),
    gvksOf: (name) => gvksByDef.get(name) ?? [],
    definitions,
  };
  return Object.freeze(registry);
}

/**
 * Every struct reachable from `roots`, by definition name, in sorted order. Also checks the declarations:
 * one struct object per name, merge keys and list-map keys that exist in the element struct.
 */
export function collectDefinitions(roots: readonly StructType[]): ReadonlyMap<string, StructType> {
  const seen = new Map<string, StructType>();
  const visit = (s: StructType) => {
    const prev = seen.get(s.name);
    if (prev) {
      if (prev !== s) throw new SchemaDeclarationError(`definition ${s.name} is declared twice`);
      return;
    }
    seen.set(s.name, s);
    for (const f of s.fields) {
      const elem = elementStruct(f.type);
      const t = resolveType(f.type);
      if (t.kind === 'list' && elem) {
        for (const key of [...(f.listMapKeys ?? []), ...(f.patchMergeKey ? [f.patchMergeKey] : [])]) {
          if (!elem.property(key)) {
            throw new SchemaDeclarationError(`${s.name}.${f.name}: list key "${key}" is not a field of ${elem.name}`);
          }
        }
      }
      if (f.listType === 'map' && !(f.listMapKeys && f.listMapKeys.length > 0)) {
        throw new SchemaDeclarationError(`${s.name}.${f.name}: listType map needs listMapKeys`);
      }
      if (elem) visit(elem);
    }
  };
  for (const r of roots) visit(r);
  return new Map([...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
