/**
 * Type information the strategic merge patch needs: per field, its `x-kubernetes-patch-strategy` and
 * `x-kubernetes-patch-merge-key`, and the metadata of what the field contains. The production implementation
 * is derived from the type schema elsewhere; `metaFromTable` builds one from a literal for tests.
 */

export type PatchStrategy = 'merge' | 'retainKeys' | 'replace';

/**
 * Read-only view of one object type's fields. Implementations must be pure and cheap: the strategic merge
 * calls `field` once per patched key and may call it again for the same key.
 */
export interface PatchMeta {
  /** Patch metadata of a field of the object this meta describes; undefined for unknown fields (plain map merge, atomic lists). */
  field(name: string): FieldPatchMeta | undefined;
}

export interface FieldPatchMeta {
  /** From x-kubernetes-patch-strategy: 'merge', 'retainKeys', or both (upstream's "merge,retainKeys"); empty = replace (atomic lists). */
  strategies: ReadonlySet<PatchStrategy>;
  /** x-kubernetes-patch-merge-key, for lists of objects merged by a key (e.g. containers by name, ports by containerPort). */
  mergeKey?: string;
  /** For object fields: the object's meta; for lists/maps: the element's meta. */
  elem?: PatchMeta;
  /** Whether the field is a list (needed to tell lists of primitives from lists of objects). */
  isList?: boolean;
}

/** Meta where every field is unknown: maps merge like a JSON merge patch, lists are replaced. */
export const EMPTY_PATCH_META: PatchMeta = Object.freeze({ field: () => undefined });

const STRATEGIES: ReadonlySet<string> = new Set<PatchStrategy>(['merge', 'retainKeys', 'replace']);

/**
 * Parses an `x-kubernetes-patch-strategy` value ("merge", "retainKeys", "merge,retainKeys", "replace"; "" for
 * none). Throws TypeError on anything else: a bad schema is a programming error, not a bad request.
 */
export function parsePatchStrategy(value: string | undefined): ReadonlySet<PatchStrategy> {
  const out = new Set<PatchStrategy>();
  for (const part of (value ?? '').split(',')) {
    const s = part.trim();
    if (s === '') continue;
    if (!STRATEGIES.has(s)) throw new TypeError(`unknown patch strategy ${JSON.stringify(s)}`);
    out.add(s as PatchStrategy);
  }
  return out;
}

/** One field in a `metaFromTable` literal. */
export interface FieldTable {
  /** Upstream's x-kubernetes-patch-strategy string, e.g. 'merge' or 'merge,retainKeys'. */
  readonly strategy?: string;
  readonly mergeKey?: string;
  readonly list?: boolean;
  /** Fields of the object (for object fields) or of each element (for lists of objects). */
  readonly fields?: MetaTable;
}

/** Field name → metadata; fields not listed are unknown. */
export interface MetaTable {
  readonly [field: string]: FieldTable;
}

/** A PatchMeta over a fixed field map (a Map, so names like "constructor" are never inherited). */
class TablePatchMeta implements PatchMeta {
  constructor(private readonly fields: ReadonlyMap<string, FieldPatchMeta>) {}
  field(name: string): FieldPatchMeta | undefined {
    return this.fields.get(name);
  }
}

/**
 * Builds a PatchMeta from a nested literal, e.g.
 * `metaFromTable({ spec: { fields: { containers: { strategy: 'merge', mergeKey: 'name', list: true } } } })`.
 * The table is read once; later changes to it are not seen.
 */
export function metaFromTable(table: MetaTable): PatchMeta {
  const fields = new Map<string, FieldPatchMeta>();
  for (const [name, t] of Object.entries(table)) {
    const f: FieldPatchMeta = { strategies: parsePatchStrategy(t.strategy) };
    if (t.mergeKey !== undefined) f.mergeKey = t.mergeKey;
    if (t.fields !== undefined) f.elem = metaFromTable(t.fields);
    if (t.list !== undefined) f.isList = t.list;
    fields.set(name, Object.freeze(f));
  }
  return new TablePatchMeta(fields);
}
