import type { FieldsOf, KObject, RequestContext, Strategy } from './types.js';
import type { DeleteOptions } from './generic/delete-options.js';

/** Discovery facts about one resource of one group-version. */
export interface ResourceInfo {
  group: string;
  version: string;
  /** Plural, lower-case: `deployments`. */
  resource: string;
  kind: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
}

/** How the scale subresource reads and writes a kind (deployments, replicasets, statefulsets, RCs). */
export interface ScaleAccess {
  /** Path of the replica count under the object: ['spec', 'replicas']. */
  specReplicas: (obj: KObject) => number;
  setSpecReplicas: (obj: KObject, n: number) => void;
  statusReplicas: (obj: KObject) => number;
  /** The label selector as a string (`app=web`), for Scale.status.selector. */
  selector: (obj: KObject) => string;
}

/**
 * Everything the generic store and the HTTP layer need to serve one resource. Adding a resource is: types in
 * the schema, a strategy, and one of these in the resource table.
 */
export interface ResourceDefinition {
  info: ResourceInfo;
  strategy: Strategy;
  /** The status subresource's strategy (upstream's StatusStrategy); present iff `/status` is served. */
  statusStrategy?: Strategy;
  /** Whether metadata.generation is maintained (set to 1 on create, bumped on spec changes). */
  tracksGeneration?: boolean;
  /** Extra reasons to bump generation besides a spec change (Deployments: annotation changes, as upstream). */
  bumpsGeneration?: (obj: KObject, old: KObject) => boolean;
  /** Extra field-selector fields beyond metadata.name/metadata.namespace. */
  fieldsOf?: FieldsOf;
  /** Keys expire this many seconds after each write (Events: 3600). */
  ttlSeconds?: number;
  /**
   * Graceful deletion: the grace period to apply to a delete, or 0/undefined to delete at once (upstream's
   * RESTGracefulDeleteStrategy; pods only).
   */
  gracePeriod?: (obj: KObject, options: DeleteOptions, ctx: RequestContext) => number | undefined;
  scale?: ScaleAccess;
  hooks?: WriteHooks;
  /** Set for resources that are computed, not stored: POST is answered by this and nothing else is served. */
  virtual?: VirtualCreate;
  /** DELETE answers with the deleted object instead of a Success Status (pods, as upstream). */
  returnDeletedObject?: boolean;
  /** Storage key prefix, e.g. `/registry/pods/` (default `/registry/{resource}/`; grouped resources may differ). */
  keyPrefix?: string;
  /** Verbs served (default: all of get list watch create update patch delete deletecollection). */
  verbs?: string[];
}

/**
 * Side effects around storage writes (upstream's BeginCreate/BeginUpdate/AfterDelete), e.g. allocating a
 * Service's ClusterIP and NodePorts. `begin*` run after validation, right before the write; the function they
 * return (if any) is called when the write fails, to undo.
 */
export interface WriteHooks {
  beginCreate?(obj: KObject, ctx: RequestContext): Promise<(() => Promise<void>) | void>;
  beginUpdate?(obj: KObject, old: KObject, ctx: RequestContext): Promise<(() => Promise<void>) | void>;
  /** After an update was stored: release what the old object held and the new one does not. */
  afterUpdate?(obj: KObject, old: KObject, ctx: RequestContext): Promise<void>;
  afterDelete?(obj: KObject, ctx: RequestContext): Promise<void>;
}

/** A resource that is not stored, only answered (SubjectAccessReviews, TokenReviews): create-only. */
export interface VirtualCreate {
  create(obj: KObject, ctx: RequestContext): Promise<KObject>;
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
