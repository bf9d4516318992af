/**
 * `metadata.managedFields` to and from the field manager's working form: one {@link VersionedSet} per
 * *manager identifier*. An identifier is the JSON of the entry without its fields and time (and, for Apply,
 * without its apiVersion, so that an applier keeps one entry across versions) — exactly upstream's
 * BuildManagerIdentifier, so entries merge and sort the way they do there.
 */
import type { ManagedFieldsEntry } from '../../apimachinery/meta.js';
import { isJsonObject } from '../../apimachinery/patch/json.js';
import { FieldSet } from './field-set.js';
import { fieldsV1ToSet, setToFieldsV1 } from './fields-v1.js';

/** The fields one manager owns, with the version they are expressed in and whether they were applied. */
export interface VersionedSet {
  readonly set: FieldSet;
  readonly apiVersion: string;
  readonly applied: boolean;
}

/** Managers' field sets and the time of their last change, keyed by manager identifier. */
export interface Managed {
  readonly fields: Map<string, VersionedSet>;
  /** RFC 3339 time per identifier; absent when the entry has none. */
  readonly times: Map<string, string>;
}

/** Raised when managedFields cannot be decoded (the caller decides whether to fall back or fail). */
export class ManagedFieldsError extends Error {
  override readonly name = 'ManagedFieldsError';
  readonly code = 'ManagedFields';
}

/** No managers. */
export const emptyManaged = (): Managed => ({ fields: new Map(), times: new Map() });

/** A deep copy, so that a failed attempt never leaks changes into a retry. */
export function cloneManaged(m: Managed): Managed {
  const fields = new Map<string, VersionedSet>();
  for (const [k, v] of m.fields) fields.set(k, { ...v, set: v.set.clone() });
  return { fields, times: new Map(m.times) };
}

/** What identifies a manager. */
export interface ManagerInfo {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion?: string;
  subresource?: string;
}

/** Upstream's manager identifier: the entry's JSON without fieldsType, fieldsV1 and time (and apiVersion for Apply). */
export function managerIdentifier(info: ManagerInfo): string {
  const id: Record<string, string> = {};
  if (info.manager) id.manager = info.manager;
  id.operation = info.operation;
  if (info.operation !== 'Apply' && info.apiVersion) id.apiVersion = info.apiVersion;
  if (info.subresource) id.subresource = info.subresource;
  return JSON.stringify(id);
}

/** The parts of an identifier (inverse of {@link managerIdentifier}). */
export function parseIdentifier(id: string): ManagerInfo {
  try {
    const v = JSON.parse(id) as Partial<ManagerInfo>;
    return { manager: v.manager ?? '', operation: v.operation ?? 'Update', apiVersion: v.apiVersion, subresource: v.subresource };
  } catch {
    return { manager: id, operation: 'Update' };
  }
}

/**
 * Whether the client asked to clear managedFields: an empty list, or a list of one empty entry (upstream's
 * isResetManagedFields). An absent field is not a reset: clients that do not know managedFields keep them.
 */
export function isResetManagedFields(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  if (v.length === 0) return true;
  return v.length === 1 && isJsonObject(v[0]) && Object.keys(v[0]).length === 0;
}

/** Decodes managedFields entries; throws {@link ManagedFieldsError} on any invalid entry, like upstream. */
export function decodeManagedFields(entries: unknown): Managed {
  const m = emptyManaged();
  if (entries === undefined || entries === null) return m;
  if (!Array.isArray(entries)) throw new ManagedFieldsError('managedFields must be a list');
  entries.forEach((raw, i) => {
    if (!isJsonObject(raw)) throw new ManagedFieldsError(`managed fields entry ${i} must be an object`);
    const e = raw as ManagedFieldsEntry;
    if (e.operation !== 'Apply' && e.operation !== 'Update') throw new ManagedFieldsError('operation must be `Apply` or `Update`');
    if (typeof e.apiVersion !== 'string' || e.apiVersion.length < 1) throw new ManagedFieldsError('apiVersion must not be empty');
    if (e.fieldsType === undefined || e.fieldsType === '') throw new ManagedFieldsError(`missing fieldsType in managed fields entry ${i}`);
    if (e.fieldsType !== 'FieldsV1') throw new ManagedFieldsError(`invalid fieldsType "${String(e.fieldsType)}" in managed fields entry ${i}`);
    let set: FieldSet;
    try {
      set = fieldsV1ToSet(e.fieldsV1);
    } catch (err) {
      throw new ManagedFieldsError(`error decoding versioned set from managed fields entry ${i}: ${(err as Error).message}`, { cause: err });
    }
    const id = managerIdentifier({
      manager: typeof e.manager === 'string' ? e.manager : '',
      operation: e.operation,
      apiVersion: e.apiVersion,
      subresource: typeof e.subresource === 'string' ? e.subresource : undefined,
    });
    m.fields.set(id, { set, apiVersion: e.apiVersion, applied: e.operation === 'Apply' });
    if (typeof e.time === 'string' && e.time) m.times.set(id, e.time);
    else m.times.delete(id);
  });
  return m;
}

const seconds = (t: string | undefined): number => {
  if (!t) return 0;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
};

const cmp = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

/** Encodes managers as managedFields entries in upstream's order; undefined when there are none. */
export function encodeManagedFields(m: Managed): ManagedFieldsEntry[] | undefined {
  if (m.fields.size === 0) return undefined;
  const entries: ManagedFieldsEntry[] = [];
  for (const [id, vs] of m.fields) {
    const info = parseIdentifier(id);
    // Field order is Go's: manager, operation, apiVersion, time, fieldsType, fieldsV1, subresource.
    const e: ManagedFieldsEntry = {};
    if (info.manager) e.manager = info.manager;
    e.operation = vs.applied ? 'Apply' : info.operation;
    e.apiVersion = vs.apiVersion;
    const time = m.times.get(id);
    if (time) e.time = time;
    e.fieldsType = 'FieldsV1';
    e.fieldsV1 = setToFieldsV1(vs.set);
    if (info.subresource) e.subresource = info.subresource;
    entries.push(e);
  }
  return entries.sort(
    (p, q) =>
      cmp(p.operation!, q.operation!) ||
      seconds(p.time) - seconds(q.time) ||
      cmp(p.manager ?? '', q.manager ?? '') ||
      cmp(p.apiVersion ?? '', q.apiVersion ?? '') ||
      cmp(p.subresource ?? '', q.subresource ?? ''),
  );
}

/** Upstream's default cap on Update entries. */
export const DEFAULT_MAX_UPDATE_MANAGERS = 10;
/** The manager the oldest Update entries are merged into when there are too many. */
export const ANCIENT_CHANGES_MANAGER = 'ancient-changes';

/**
 * Keeps at most `max` Update entries by merging the oldest ones, per apiVersion, into an `ancient-changes`
 * entry (upstream's capManagersManager). Mutates and returns `m`.
 */
export function capUpdateManagers(m: Managed, max: number = DEFAULT_MAX_UPDATE_MANAGERS): Managed {
  const updaters = [...m.fields].filter(([, vs]) => !vs.applied).map(([id]) => id);
  if (updaters.length <= max) return m;
  updaters.sort((a, b) => seconds(m.times.get(a)) - seconds(m.times.get(b)) || cmp(a, b));
  const firstOfVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > max; i++) {
    const id = updaters[i]!;
    const vs = m.fields.get(id)!;
    const bucket = managerIdentifier({ manager: ANCIENT_CHANGES_MANAGER, operation: 'Update', apiVersion: vs.apiVersion });
    const first = firstOfVersion.get(vs.apiVersion);
    // An existing bucket is never merged into itself (that would drop it).
    if (first === undefined || id === bucket) {
      if (first === undefined) firstOfVersion.set(vs.apiVersion, id);
      continue;
    }
    if (!m.fields.has(bucket)) {
      m.fields.set(bucket, m.fields.get(first)!);
      m.fields.delete(first);
      m.times.delete(first);
    }
    m.fields.set(bucket, { set: vs.set.union(m.fields.get(bucket)!.set), apiVersion: vs.apiVersion, applied: vs.applied });
    m.fields.delete(id);
    length--;
    // The bucket takes the time of the newest update merged into it.
    const t = m.times.get(id);
    m.times.delete(id);
    if (t) m.times.set(bucket, t);
    else m.times.delete(bucket);
  }
  return m;
}
