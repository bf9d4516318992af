import type { KindDef } from '../../api/schema/dsl.js';
import type { KObject } from '../registry/types.js';

/** Who writes and how, for managedFields bookkeeping. */
export interface ManagerContext {
  kind: KindDef;
  /** fieldManager query parameter, or the default derived from the User-Agent (`kubectl-client-side-apply`...). */
  manager: string;
  /** '' for the main resource, 'status' or 'scale' for subresources. */
  subresource: string;
  now: Date;
}

/**
 * Server-side apply and managedFields (upstream's fieldmanager). Every write goes through it: Update
 * operations record which fields their manager set; Apply merges an applied configuration into the live
 * object and fails with a 409 naming the fields and managers that conflict (unless forced).
 */
export interface FieldManager {
  /** Records an Update by `ctx.manager`: mutates `obj.metadata.managedFields`. */
  update(obj: KObject, old: KObject | undefined, ctx: ManagerContext): void;
  /** Server-side apply of `applied` onto `live` (undefined: create). Returns the new object; throws 409 on conflicts. */
  apply(live: KObject | undefined, applied: KObject, ctx: ManagerContext & { force: boolean }): KObject;
}
