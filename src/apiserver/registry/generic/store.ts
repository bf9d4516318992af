import type { Store } from '../../../storage/interface.js';
import { isStorageError, type StorageError } from '../../../storage/errors.js';
import {
  StatusError,
  alreadyExists,
  badRequest,
  conflict,
  expired,
  internal,
  invalid,
  notFound,
  serviceUnavailable,
  timeout as timeoutError,
} from '../../../apimachinery/errors.js';
import { generateName, newUID, rfc3339, type GroupResource } from '../../../apimachinery/meta.js';
import { invalidValue, root, type FieldError } from '../../../apimachinery/field-errors.js';
import { validateObjectMeta, validateObjectMetaUpdate, nameIsDNSSubdomain } from '../../../apimachinery/validation/names.js';
import type { KObject, RequestContext, Strategy } from '../types.js';
import type { ResourceDefinition } from '../resource.js';
import { decodeFromStorage, encodeForStorage } from './codec.js';
import { specChanged, clone } from './object-util.js';

/** Options of an update through the generic store. */
export interface UpdateOptions {
  /** 'status' when the request came through the status subresource. */
  subresource?: string;
  /** Create when absent even if the strategy does not allow create-on-update (server-side apply). */
  forceAllowCreate?: boolean;
  /**
   * The computed object's resourceVersion is not a precondition (a patch that did not set one): the update
   * applies to whatever is current and is recomputed on conflicts.
   */
  ignoreResourceVersion?: boolean;
  /** The strategy of a subresource that is neither the main resource nor status (pods/binding). */
  strategy?: Strategy;
}

/**
 * The one store behind every resource (upstream's registry/generic/registry.Store): keys, resourceVersion
 * preconditions, uid and timestamps, generateName, generation, finalizers and graceful deletion, dry-run.
 * What differs per resource comes from its ResourceDefinition; the store never checks the kind.
 */
export class GenericStore {
  readonly gr: GroupResource;
  readonly prefix: string;

  constructor(
    readonly def: ResourceDefinition,
    readonly storage: Store,
  ) {
    this.gr = { group: def.info.group, resource: def.info.resource };
    this.prefix = def.keyPrefix ?? `/registry/${def.info.resource}/`;
  }

  get namespaced(): boolean {
    return this.def.info.namespaced;
  }

  /** Storage key of one object. */
  keyFor(namespace: string, name: string): string {
    return this.namespaced ? `${this.prefix}${namespace}/${name}` : `${this.prefix}${name}`;
  }

  /** Storage prefix of a list or watch: one namespace, or all. */
  prefixFor(namespace: string): string {
    return this.namespaced && namespace ? `${this.prefix}${namespace}/` : this.prefix;
  }

  /** Maps a storage error to the API error a client sees. */
  toStatusError(err: unknown, name = ''): StatusError {
    if (err instanceof StatusError) return err;
    if (isStorageError(err)) return storageToStatus(err, this.gr, name);
    return internal(err);
  }

  async get(ctx: RequestContext, name: string): Promise<KObject> {
    let kv;
    try {
      kv = await this.storage.get(this.keyFor(ctx.namespace, name));
    } catch (err) {
      throw this.toStatusError(err, name);
    }
    if (!kv) throw notFound(this.gr, name);
    return decodeFromStorage(kv);
  }

  /** Fills server-set metadata and validates; shared by create and create-on-update. */
  private prepareCreate(ctx: RequestContext, obj: KObject): void {
    const meta = obj.metadata;
    if (this.namespaced) {
      if (meta.namespace && ctx.namespace && meta.namespace !== ctx.namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      meta.namespace = ctx.namespace || meta.namespace;
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName);
    meta.uid = newUID();
    meta.creationTimestamp = rfc3339(ctx.now);
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.resourceVersion;
    delete meta.selfLink;
    if (this.def.tracksGeneration) meta.generation = 1;
    else delete meta.generation;
    const strategy = this.def.strategy;
    strategy.defaults?.(obj);
    strategy.prepareForCreate?.(obj, ctx);
    this.validate(obj, [
      ...validateObjectMeta(meta, { namespaced: this.namespaced, nameFn: strategy.validateName ?? nameIsDNSSubdomain }, root('metadata')),
      ...(strategy.validate?.(obj, ctx) ?? []),
    ]);
    strategy.canonicalize?.(obj);
  }

  private validate(obj: KObject, errs: FieldError[]): void {
    if (errs.length) throw invalid({ group: this.def.info.group, kind: this.def.info.kind }, obj.metadata.name ?? '', errs);
  }

  async create(ctx: RequestContext, input: KObject): Promise<KObject> {
    const obj = clone(input);
    this.prepareCreate(ctx, obj);
    const name = obj.metadata.name!;
    if (ctx.dryRun) {
      if (await this.storage.get(this.keyFor(ctx.namespace, name))) throw alreadyExists(this.gr, name);
      return obj;
    }
    const undo = await this.def.hooks?.beginCreate?.(obj, ctx);
    try {
      const kv = await this.storage.create(this.keyFor(obj.metadata.namespace ?? '', name), encodeForStorage(obj), {
        ttlSeconds: this.def.ttlSeconds,
      });
      obj.metadata.resourceVersion = String(kv.modRevision);
      return obj;
    } catch (err) {
      if (undo) await undo();
      throw this.toStatusError(err, name);
    }
  }

  /**
   * Updates one object: `compute(current)` returns the desired object (the PUT body, or the patched current
   * object). Retried on storage conflicts when the desired object carries no resourceVersion of its own.
   * Returns the stored object and whether it was created.
   */
  async update(
    ctx: RequestContext,
    name: string,
    compute: (current: KObject | undefined) => KObject | Promise<KObject>,
    options: UpdateOptions = {},
  ): Promise<{ object: KObject; created: boolean }> {
    const key = this.keyFor(ctx.namespace, name);
    const strategy: Strategy =
      options.strategy ?? (options.subresource === 'status' ? (this.def.statusStrategy ?? this.def.strategy) : this.def.strategy);
    for (let attempt = 0; ; attempt++) {
      let kv;
      try {
        kv = await this.storage.get(key);
      } catch (err) {
        throw this.toStatusError(err, name);
      }
      const current = kv ? decodeFromStorage(kv) : undefined;
      const desired = clone(await compute(current ? clone(current) : undefined));
      if (desired.metadata?.name && desired.metadata.name !== name) {
        throw badRequest(`the name of the object (${desired.metadata.name}) does not match the name on the URL (${name})`);
      }
      desired.metadata = desired.metadata ?? {};
      desired.metadata.name = name;
      if (options.ignoreResourceVersion) {
        if (current) desired.metadata.resourceVersion = current.metadata.resourceVersion;
        else delete desired.metadata.resourceVersion;
      }
      if (!current) {
        if (!(strategy.allowCreateOnUpdate || options.forceAllowCreate) || options.subresource) throw notFound(this.gr, name);
        if (desired.metadata.resourceVersion) throw conflict(this.gr, name, new Error('the object has been deleted'));
        return { object: await this.create(ctx, desired), created: true };
      }
      const wantRV = options.ignoreResourceVersion ? undefined : desired.metadata.resourceVersion;
      if (!wantRV && !options.ignoreResourceVersion && !strategy.allowUnconditionalUpdate && !this.def.strategy.allowUnconditionalUpdate) {
        this.validate(desired, [invalidValue(root('metadata', 'resourceVersion'), 0, 'must be specified for an update')]);
      }
      if (wantRV && wantRV !== current.metadata.resourceVersion) throw conflict(this.gr, name);
      this.prepareUpdate(ctx, desired, current, strategy, options.subresource);
      if (JSON.stringify(desired) === JSON.stringify(current)) return { object: current, created: false };
      // The last finalizer removed from an object being deleted without grace: it goes now.
      if (
        current.metadata.deletionTimestamp &&
        !desired.metadata.finalizers?.length &&
        !current.metadata.deletionGracePeriodSeconds &&
        (this.def.strategy.deleteDuringUpdate?.(desired) ?? true)
      ) {
        if (ctx.dryRun) return { object: desired, created: false };
        try {
          const res = await this.storage.delete(key, kv!.modRevision);
          const gone = decodeFromStorage({ ...res.prev, value: encodeForStorage(desired) });
          await this.def.hooks?.afterDelete?.(gone, ctx);
          return { object: gone, created: false };
        } catch (err) {
          if (isStorageError(err, 'Conflict') && !wantRV && attempt < 10) continue;
          throw this.toStatusError(err, name);
        }
      }
      if (ctx.dryRun) return { object: desired, created: false };
      const undo = await this.def.hooks?.beginUpdate?.(desired, current, ctx);
      try {
        const res = await this.storage.update(key, encodeForStorage(desired), kv!.modRevision, { ttlSeconds: this.def.ttlSeconds });
        desired.metadata.resourceVersion = String(res.modRevision);
        await this.def.hooks?.afterUpdate?.(desired, current, ctx);
        return { object: desired, created: false };
      } catch (err) {
        if (undo) await undo();
        if (isStorageError(err, 'Conflict') && !wantRV && attempt < 10) continue;
        if (isStorageError(err, 'Conflict')) throw conflict(this.gr, name);
        throw this.toStatusError(err, name);
      }
    }
  }

  /** Keeps what an update may not change, bumps generation, validates. Mutates `obj`. */
  private prepareUpdate(ctx: RequestContext, obj: KObject, old: KObject, strategy: Strategy, subresource?: string): void {
    const meta = obj.metadata;
    const oldMeta = old.metadata;
    // Server-owned metadata is never taken from the client; a uid the client sends must match (validated below).
    if (!meta.uid) meta.uid = oldMeta.uid;
    meta.creationTimestamp = oldMeta.creationTimestamp;
    meta.deletionTimestamp = oldMeta.deletionTimestamp;
    meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
    if (meta.deletionTimestamp === undefined) delete meta.deletionTimestamp;
    if (meta.deletionGracePeriodSeconds === undefined) delete meta.deletionGracePeriodSeconds;
    if (this.namespaced) meta.namespace = oldMeta.namespace;
    else delete meta.namespace;
    delete meta.selfLink;
    meta.resourceVersion = oldMeta.resourceVersion;
    if (subresource === 'status') {
      // The status subresource changes status only (and metadata.managedFields bookkeeping).
      const status = obj.status;
      const managedFields = meta.managedFields;
      const claimedUid = meta.uid;
      for (const k of Object.keys(obj)) delete obj[k];
      Object.assign(obj, clone(old));
      if (status === undefined) delete obj.status;
      else obj.status = status;
      // The field manager already recorded this status write; keep its bookkeeping.
      if (managedFields === undefined) delete obj.metadata.managedFields;
      else obj.metadata.managedFields = managedFields;
      obj.metadata.uid = claimedUid;
    }
    strategy.defaults?.(obj);
    strategy.prepareForUpdate?.(obj, old, ctx);
    // The status branch above replaced obj.metadata: always read it afresh from here on.
    if (this.def.tracksGeneration) {
      obj.metadata.generation = oldMeta.generation ?? 1;
      if (specChanged(obj, old) || this.def.bumpsGeneration?.(obj, old)) obj.metadata.generation += 1;
    }
    this.validate(obj, [
      ...validateObjectMetaUpdate(obj.metadata, oldMeta, root('metadata')),
      ...(strategy.validateUpdate?.(obj, old, ctx) ?? []),
    ]);
    strategy.canonicalize?.(obj);
  }
}

/** Translates a typed storage error into the Status a client sees. */
export function storageToStatus(err: StorageError, gr: GroupResource, name: string): StatusError {
  switch (err.code) {
    case 'KeyNotFound':
      return notFound(gr, name);
    case 'KeyExists':
      return alreadyExists(gr, name);
    case 'Conflict':
      return conflict(gr, name);
    case 'Expired':
      return expired(err.message);
    case 'FutureRevision':
      return timeoutError(`Too large resource version: ${err.message}`, 1);
    case 'InvalidContinue':
      return badRequest(err.message);
    case 'InvalidKey':
      return badRequest(err.message);
    case 'Unavailable':
      return serviceUnavailable(err.message);
    default:
      return internal(err);
  }
}
