/**
 * Ownership bookkeeping (structured-merge-diff's merge.Updater): how Update and Apply operations move fields
 * between managers, how an apply merges and prunes, and when it conflicts.
 *
 * - **Update** (create, update, non-apply patch): the manager takes every field whose value it added or
 *   changed; those fields and the ones it removed leave every other manager.
 * - **Apply**: the applied configuration's field set becomes the manager's set; the configuration is merged
 *   into the live object; fields the manager applied last time but no longer does are removed unless another
 *   manager still owns them; a field another manager owns whose value the apply changes is a conflict,
 *   unless forced, in which case it changes hands.
 *
 * All functions take the managers map and mutate it; callers pass a copy when they may retry.
 */
import { jsonEqual, type JsonValue } from '../../apimachinery/patch/json.js';
import { compareObjects, filterComparison, type Comparison } from './compare.js';
import { FieldSet } from './field-set.js';
import { toGoTyped } from './go-typed.js';
import { mergeObjects } from './merge.js';
import type { VersionedSet } from './managed-fields.js';
import type { Path } from './path-element.js';
import { removeItems } from './remove.js';
import { ensureNamedFieldsAreMembers, type SchemaNode } from './schema-node.js';
import { toFieldSet } from './to-field-set.js';

/** The schema of the object and the fields the operation must ignore (upstream's reset fields). */
export interface UpdaterConfig {
  readonly node: SchemaNode;
  /** Drops the fields this endpoint resets (status on the main resource, all but status on /status). */
  readonly ignore: (s: FieldSet) => FieldSet;
}

/** One field an apply would take from another manager. `manager` is the other manager's identifier. */
export interface Conflict {
  readonly manager: string;
  readonly path: Path;
}

/** An apply that conflicts with other managers. */
export class ApplyConflictsError extends Error {
  override readonly name = 'ApplyConflictsError';
  readonly code = 'ApplyConflicts';
  constructor(readonly conflicts: readonly Conflict[]) {
    super(`${conflicts.length} apply conflict(s)`);
  }
}

/** The managers map: identifier → field set. */
export type ManagerSets = Map<string, VersionedSet>;

/**
 * Compares `live` with `next` and takes the changed fields away from every manager but `workflow`: changed
 * or added fields (conflicts; throws unless `force`) and removed fields. Returns the filtered comparison.
 */
function takeChangedFields(cfg: UpdaterConfig, live: JsonValue, next: JsonValue, managers: ManagerSets, workflow: string, force: boolean): Comparison {
  const compare = filterComparison(compareObjects(toGoTyped(live, cfg.node), toGoTyped(next, cfg.node), cfg.node), cfg.ignore);
  const changed = compare.modified.union(compare.added);
  const conflicts = new Map<string, FieldSet>();
  for (const [manager, vs] of managers) {
    if (manager === workflow) continue;
    const taken = vs.set.intersection(changed);
    if (!taken.empty()) conflicts.set(manager, taken);
  }
  if (!force && conflicts.size > 0) {
    const list: Conflict[] = [];
    for (const manager of [...conflicts.keys()].sort()) conflicts.get(manager)!.iterate((path) => list.push({ manager, path }));
    throw new ApplyConflictsError(list);
  }
  for (const [manager, vs] of managers) {
    if (manager === workflow) continue;
    let set = vs.set;
    const taken = conflicts.get(manager);
    if (taken) set = set.difference(taken);
    if (!compare.removed.empty()) set = set.difference(compare.removed);
    if (set.empty()) managers.delete(manager);
    else managers.set(manager, { ...vs, set });
  }
  return compare;
}

/**
 * Records an Update by `manager` (an identifier) that turned `live` into `next`: the manager owns what it
 * owned before minus what it removed, plus what it changed or added.
 */
export function recordUpdate(cfg: UpdaterConfig, live: JsonValue, next: JsonValue, apiVersion: string, managers: ManagerSets, manager: string): void {
  const compare = takeChangedFields(cfg, live, next, managers, manager, true);
  const previous = managers.get(manager)?.set ?? new FieldSet();
  const set = cfg.ignore(previous.difference(compare.removed).union(compare.modified).union(compare.added));
  if (set.empty()) managers.delete(manager);
  else managers.set(manager, { set, apiVersion, applied: false });
}

/**
 * Applies `config` for `manager` (an identifier) onto `live`. Returns the new object, or undefined when the
 * apply changes nothing in the object (the managers may still have changed). Throws
 * {@link ApplyConflictsError} unless `force`.
 */
export function applyConfig(
  cfg: UpdaterConfig,
  live: JsonValue,
  config: JsonValue,
  apiVersion: string,
  managers: ManagerSets,
  manager: string,
  force: boolean,
): JsonValue | undefined {
  const merged = mergeObjects(live, config, cfg.node) ?? {};
  const last = managers.get(manager);
  managers.set(manager, { set: cfg.ignore(toFieldSet(config, cfg.node)), apiVersion, applied: true });
  const pruned = prune(cfg.node, merged, managers, last?.set);
  takeChangedFields(cfg, live, pruned, managers, manager, force);
  return jsonEqual(live, pruned) ? undefined : pruned;
}

/**
 * Removes what `lastSet` (the manager's previous apply) had and the new apply no longer has, unless another
 * manager owns it; items that only held such fields go too (upstream's prune with its two add-back passes).
 */
function prune(node: SchemaNode, merged: JsonValue, managers: ManagerSets, lastSet: FieldSet | undefined): JsonValue {
  if (!lastSet || lastSet.empty()) return merged;
  const ensure = (s: FieldSet) => ensureNamedFieldsAreMembers(s, node);
  const last = ensure(lastSet);
  const setOf = (v: JsonValue) => ensure(toFieldSet(v, node));
  const remove = (s: FieldSet): JsonValue => removeItems(merged, s, node) ?? {};
  let owned = new FieldSet();
  for (const vs of managers.values()) owned = owned.union(vs.set);
  const mergedSet = setOf(merged);
  // Remove everything last applied, then add back what anyone (including this apply) still owns...
  const removed = remove(last);
  const ownedBack = remove(mergedSet.difference(setOf(removed).union(ensure(owned))));
  // ...and add back what was removed only as a side effect and was not last applied.
  return remove(mergedSet.difference(setOf(ownedBack)).intersection(last));
}
