import type { ObjectMeta } from '../../apimachinery/meta.js';
import type { FieldError } from '../../apimachinery/field-errors.js';
import type { ValidateNameFunc } from '../../apimachinery/validation/names.js';

/** Any API object as plain JSON. Field names are exactly the API's. */
export interface KObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** Who is asking and how: what every registry operation needs besides the object. */
export interface RequestContext {
  /** Namespace from the URL ('' for cluster-scoped and all-namespace requests). */
  namespace: string;
  /** dryRun=All: run everything, persist nothing. */
  dryRun: boolean;
  /** The authenticated user (system:admin until authentication exists). */
  user: { name: string; groups: string[]; uid?: string };
  /** Request time, injected so strategies never read the clock. */
  now: Date;
}

/**
 * What differs between resources: defaulting, validation and the create/update preparation. Stateless; the
 * generic store never checks which kind it handles (upstream's RESTCreateStrategy/RESTUpdateStrategy).
 */
export interface Strategy {
  /** Fills defaults (upstream's SetDefaults_*); run on every write, before validation. Mutates `obj`. */
  defaults?(obj: KObject): void;
  /** Clears what clients may not set on create (e.g. status when there is a status subresource). Mutates. */
  prepareForCreate?(obj: KObject, ctx: RequestContext): void;
  /** Carries over what an update may not change (e.g. status, or spec on the status subresource). Mutates `obj`. */
  prepareForUpdate?(obj: KObject, old: KObject, ctx: RequestContext): void;
  /** Field errors of a new object (metadata is validated by the store). */
  validate?(obj: KObject, ctx: RequestContext): FieldError[];
  /** Field errors of an update (immutable fields...). */
  validateUpdate?(obj: KObject, old: KObject, ctx: RequestContext): FieldError[];
  /** Warnings to send in the `Warning` header. */
  warnings?(obj: KObject, old?: KObject): string[];
  /** Normalizes an object before it is stored. Mutates. */
  canonicalize?(obj: KObject): void;
  /**
   * Decides a delete for kinds whose removal is a process (namespaces: phase Terminating until the namespace
   * controller empties them). Return 'pending' after marking `obj` (mutated) to keep it; anything else deletes.
   */
  beforeDelete?(obj: KObject, ctx: RequestContext): 'pending' | 'delete';
  /**
   * Whether an update that leaves a deleting object without metadata.finalizers removes it (default true).
   * Namespaces stay while spec.finalizers is non-empty (upstream's ShouldDeleteNamespaceDuringUpdate).
   */
  deleteDuringUpdate?(obj: KObject): boolean;
  /** How metadata.name is validated (default: a DNS-1123 subdomain; RBAC allows any path segment). */
  validateName?: ValidateNameFunc;
  /** PUT on a missing object creates it. */
  allowCreateOnUpdate?: boolean;
  /** PUT without metadata.resourceVersion is allowed (last write wins). */
  allowUnconditionalUpdate?: boolean;
}

/** Field values a field selector can test, per kind (metadata.name and metadata.namespace always). */
export type FieldsOf = (obj: KObject) => Record<string, string>;

export type FieldErrors = FieldError[];
