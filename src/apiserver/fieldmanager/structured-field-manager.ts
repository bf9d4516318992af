/**
 * The field manager: server-side apply and managedFields bookkeeping on every write, as upstream's
 * k8s.io/apimachinery/pkg/util/managedfields does it (its chain of managers is folded into the two methods
 * below, in the same order).
 *
 * managedFields sent by a client on an Update (create, update, non-apply patch) are honoured when they
 * decode: that is how `kubectl replace` keeps them and how kubectl migrates client-side-apply ownership to
 * server-side apply. An empty list (or a list of one empty entry) resets them — the object is then untracked
 * until the next apply. Absent or undecodable managedFields keep the live object's. Subresource writes
 * always keep the live object's.
 */
import { apiVersionOf, parseApiVersion } from '../../api/schema/dsl.js';
import { badRequest, internal } from '../../apimachinery/errors.js';
import { rfc3339 } from '../../apimachinery/meta.js';
import type { JsonValue } from '../../apimachinery/patch/json.js';
import type { KObject } from '../registry/types.js';
import { conflictError } from './conflict.js';
import { FieldSet } from './field-set.js';
import type { FieldManager, ManagerContext } from './interface.js';
import {
  KUBECTL_APPLY_MANAGER,
  allowedConflictsFromLastApplied,
  buildLastApplied,
  hasLastApplied,
  setLastApplied,
} from './last-applied.js';
import {
  DEFAULT_MAX_UPDATE_MANAGERS,
  ManagedFieldsError,
  capUpdateManagers,
  cloneManaged,
  decodeManagedFields,
  emptyManaged,
  encodeManagedFields,
  isResetManagedFields,
  managerIdentifier,
  type Managed,
} from './managed-fields.js';
import { fieldElement, makePath, type PathElement } from './path-element.js';
import { structNode } from './schema-node.js';
import { ApplyConflictsError, applyConfig, recordUpdate, type UpdaterConfig } from './updater.js';

/** Options of {@link StructuredFieldManager}. */
export interface StructuredFieldManagerOptions {
  /** Update entries kept before the oldest are merged into `ancient-changes` (default 10, as upstream). */
  maxUpdateManagers?: number;
}

const STRIPPED_METADATA = Object.freeze(['name', 'namespace', 'creationTimestamp', 'deletionTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion']);

/** Fields no manager ever owns: type and identity metadata the server controls (upstream's stripMetaManager). */
function strippedFields(): FieldSet {
  return FieldSet.of(makePath('apiVersion'), makePath('kind'), makePath('metadata'), ...STRIPPED_METADATA.map((f) => makePath('metadata', f)));
}

// The workflow name an Update runs under before its fields are credited to the real manager. Identifiers are
// JSON objects, so this can never collide with one.
const CURRENT_OPERATION = 'current-operation';
/** The manager that takes the fields of an object that had no managedFields when it is first applied to. */
export const BEFORE_FIRST_APPLY_MANAGER = 'before-first-apply';

const STATUS = Object.freeze(fieldElement('status'));

/** The set restricted to the paths under (and including) `pe`. */
function onlyUnder(set: FieldSet, pe: PathElement): FieldSet {
  const out = new FieldSet();
  if (set.hasMember(pe)) out.insertMember(pe);
  out.attach(pe, set.withPrefix(pe));
  return out;
}

function withoutManagedFields(obj: KObject | undefined): KObject {
  if (!obj) return { metadata: {} };
  const copy = structuredClone(obj);
  if (copy.metadata) delete copy.metadata.managedFields;
  return copy;
}

/** A {@link FieldManager} backed by structured-merge-diff semantics over the kinds' schemas. */
export class StructuredFieldManager implements FieldManager {
  private readonly maxUpdateManagers: number;

  constructor(options: StructuredFieldManagerOptions = {}) {
    this.maxUpdateManagers = options.maxUpdateManagers ?? DEFAULT_MAX_UPDATE_MANAGERS;
  }

  update(obj: KObject, old: KObject | undefined, ctx: ManagerContext): void {
    obj.metadata ??= {};
    const managed = this.managedForUpdate(obj, old, ctx);
    delete obj.metadata.managedFields;
    // An existing object without managedFields stays untracked until it is applied to (upstream's
    // skipNonApplied manager); a new object is always tracked.
    if (managed.fields.size === 0 && old?.metadata?.uid) return;
    const id = managerIdentifier({ manager: ctx.manager || 'unknown', operation: 'Update', apiVersion: this.apiVersion(ctx), subresource: ctx.subresource });
    this.recordUpdate(this.config(ctx), withoutManagedFields(old), obj, managed, id, ctx);
    capUpdateManagers(managed, this.maxUpdateManagers);
    this.encode(obj, managed);
  }

  apply(live: KObject | undefined, applied: KObject, ctx: ManagerContext & { force: boolean }): KObject {
    const { group, version, kind } = ctx.kind.gvk;
    if (applied.apiVersion !== apiVersionOf(group, version) || applied.kind !== kind) {
      const gv = parseApiVersion(typeof applied.apiVersion === 'string' ? applied.apiVersion : '');
      throw badRequest(`invalid object type: ${gv.group}/${gv.version}, Kind=${typeof applied.kind === 'string' ? applied.kind : ''}`);
    }
    if (applied.metadata?.managedFields !== undefined && applied.metadata.managedFields !== null) {
      throw badRequest('metadata.managedFields must be nil');
    }
    let managed: Managed;
    try {
      managed = decodeManagedFields(live?.metadata?.managedFields);
    } catch (err) {
      throw internal(new Error(`failed to decode managed fields: ${(err as Error).message}`, { cause: err }));
    }
    const attempt = (force: boolean) => this.applyOnce(live, applied, cloneManaged(managed), ctx, force);
    let result: KObject;
    try {
      result = attempt(ctx.force);
    } catch (err) {
      if (!(err instanceof ApplyConflictsError)) throw err;
      // kubectl moving from client-side apply: fields it applied before are not conflicts.
      if (ctx.manager !== KUBECTL_APPLY_MANAGER || !live) throw conflictError(err.conflicts);
      const allowed = allowedConflictsFromLastApplied(withoutManagedFields(live), structNode(ctx.kind.schema), this.apiVersion(ctx));
      if (!allowed) throw conflictError(err.conflicts);
      const remaining = err.conflicts.filter((c) => !allowed.has(c.path));
      if (remaining.length > 0) throw conflictError(remaining);
      result = attempt(true);
    }
    // Keep the client-side apply annotation in step with what kubectl now applies server-side.
    if (ctx.manager === KUBECTL_APPLY_MANAGER && hasLastApplied(result)) setLastApplied(result, buildLastApplied(applied));
    return result;
  }

  private applyOnce(live: KObject | undefined, applied: KObject, managed: Managed, ctx: ManagerContext, force: boolean): KObject {
    const cfg = this.config(ctx);
    // Creating: merge into nothing, so that the object keeps the configuration's field order.
    const liveObj = live ? withoutManagedFields(live) : ({} as KObject);
    if (managed.fields.size === 0) {
      // The first apply to an untracked object: what is already there belongs to a placeholder manager.
      const before = managerIdentifier({ manager: BEFORE_FIRST_APPLY_MANAGER, operation: 'Update', apiVersion: this.apiVersion(ctx), subresource: ctx.subresource });
      this.recordUpdate(cfg, { metadata: {} }, liveObj, managed, before, ctx);
      capUpdateManagers(managed, this.maxUpdateManagers);
    }
    const id = managerIdentifier({ manager: ctx.manager || 'unknown', operation: 'Apply', subresource: ctx.subresource });
    const config = structuredClone(applied) as unknown as JsonValue;
    const out = applyConfig(cfg, liveObj as unknown as JsonValue, config, this.apiVersion(ctx), managed.fields, id, force);
    this.strip(managed, id);
    let obj: KObject;
    if (out !== undefined) {
      managed.times.set(id, rfc3339(ctx.now));
      obj = out as unknown as KObject;
    } else {
      obj = liveObj;
    }
    obj.metadata ??= {};
    this.encode(obj, managed);
    return obj;
  }

  /** Decodes the managers an Update starts from: the client's when it sent valid ones, else the live object's. */
  private managedForUpdate(obj: KObject, old: KObject | undefined, ctx: ManagerContext): Managed {
    const live = (): Managed => {
      try {
        return decodeManagedFields(old?.metadata?.managedFields);
      } catch (err) {
        if (err instanceof ManagedFieldsError) return emptyManaged();
        throw err;
      }
    };
    if (ctx.subresource) return live();
    const sent = obj.metadata.managedFields;
    if (isResetManagedFields(sent)) return emptyManaged();
    try {
      const m = decodeManagedFields(sent);
      return m.fields.size > 0 ? m : live();
    } catch (err) {
      if (err instanceof ManagedFieldsError) return live();
      throw err;
    }
  }

  /** Credits the fields `next` changed relative to `live` to `id`, stamping the time only when it took any. */
  private recordUpdate(cfg: UpdaterConfig, live: KObject, next: KObject, managed: Managed, id: string, ctx: ManagerContext): void {
    const nextForCompare = withoutManagedFields(next);
    recordUpdate(cfg, live as unknown as JsonValue, nextForCompare as unknown as JsonValue, this.apiVersion(ctx), managed.fields, CURRENT_OPERATION);
    this.strip(managed, CURRENT_OPERATION);
    const current = managed.fields.get(CURRENT_OPERATION);
    if (!current) return;
    managed.fields.delete(CURRENT_OPERATION);
    const previous = managed.fields.get(id);
    managed.fields.set(id, previous ? { ...current, set: current.set.union(previous.set) } : current);
    managed.times.set(id, rfc3339(ctx.now));
  }

  /** Removes the fields no manager may own from one manager's set (dropping the manager when nothing is left). */
  private strip(managed: Managed, id: string): void {
    const vs = managed.fields.get(id);
    if (!vs) return;
    const set = vs.set.difference(strippedFields());
    if (set.empty()) managed.fields.delete(id);
    else managed.fields.set(id, { ...vs, set });
  }

  private encode(obj: KObject, managed: Managed): void {
    const entries = encodeManagedFields(managed);
    if (entries) obj.metadata.managedFields = entries;
    else delete obj.metadata.managedFields;
  }

  private apiVersion(ctx: ManagerContext): string {
    return apiVersionOf(ctx.kind.gvk.group, ctx.kind.gvk.version);
  }

  /** The schema walk and the fields this endpoint resets (upstream's per-strategy reset fields). */
  private config(ctx: ManagerContext): UpdaterConfig {
    const node = structNode(ctx.kind.schema);
    const hasStatus = ctx.kind.resource?.subresources.some((s) => s.name === 'status') ?? false;
    if (ctx.subresource === 'status') return { node, ignore: (s) => onlyUnder(s, STATUS) };
    if (hasStatus) {
      const status = FieldSet.of([STATUS]);
      return { node, ignore: (s) => s.recursiveDifference(status) };
    }
    return { node, ignore: (s) => s };
  }
}
