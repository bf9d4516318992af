/**
 * metav1 / schema shapes and the small helpers every layer needs around them.
 *
 * The interfaces are the plain JSON wire shapes: field names are exactly the API's, optional fields are the ones
 * the API marks `omitempty`. Nothing here holds state; randomness and time are passed in or read from
 * `node:crypto` per call.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { goQuote } from './go-format.js';

/** apiVersion + kind, as carried by every top-level object. */
export interface TypeMeta {
  apiVersion?: string;
  kind?: string;
}

/** A reference from a dependent to its owner (garbage collection, controller adoption). */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** One manager's ownership record for server-side apply. */
export interface ManagedFieldsEntry {
  manager?: string;
  operation?: 'Apply' | 'Update';
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: Record<string, unknown>;
  subresource?: string;
}

/** metav1.ObjectMeta. Timestamps are RFC 3339 strings (see {@link rfc3339}). */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  selfLink?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string | null;
  deletionGracePeriodSeconds?: number | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: ManagedFieldsEntry[];
}

/** metav1.ListMeta: the `metadata` of lists and of Status. */
export interface ListMeta {
  selfLink?: string;
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

/** The reasons a Status can carry (metav1.StatusReason); `''` is StatusReasonUnknown. */
export type StatusReason =
  | ''
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Invalid'
  | 'ServerTimeout'
  | 'StoreReadError'
  | 'Timeout'
  | 'TooManyRequests'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'Expired'
  | 'ServiceUnavailable';

/** metav1.StatusCause. `reason` is the cause type (e.g. `FieldValueInvalid`); JSON calls it `reason`. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** metav1.StatusDetails. `kind` holds the resource plural for most errors, as upstream does. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** metav1.Status: the body of every API error response (and of some successful deletes). */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: ListMeta;
  status?: 'Success' | 'Failure';
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code?: number;
}

/** metav1.LabelSelectorOperator. */
export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** metav1.LabelSelectorRequirement. */
export interface LabelSelectorRequirement {
  key: string;
  operator: LabelSelectorOperator;
  values?: string[];
}

/** metav1.LabelSelector: matchLabels and matchExpressions are ANDed. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** schema.GroupResource; `group` is `''` for the core group. */
export interface GroupResource {
  group: string;
  resource: string;
}

/** schema.GroupKind; `group` is `''` for the core group. */
export interface GroupKind {
  group: string;
  kind: string;
}

/** `deployments.apps`, or just `pods` for the core group (schema.GroupResource.String()). */
export function groupResourceString(gr: GroupResource): string {
  return gr.group === '' ? gr.resource : `${gr.resource}.${gr.group}`;
}

/** `Deployment.apps`, or just `Pod` for the core group (schema.GroupKind.String()). */
export function groupKindString(gk: GroupKind): string {
  return gk.group === '' ? gk.kind : `${gk.kind}.${gk.group}`;
}

/** A fresh object UID (RFC 4122 v4, as the API server generates them). */
export function newUID(): string {
  return randomUUID();
}

/** metav1.Time wire form: UTC, second precision, e.g. `2024-01-02T03:04:05Z`. Sub-second parts are dropped. */
export function rfc3339(date: Date | number): string {
  const d = typeof date === 'number' ? new Date(date) : date;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * metav1.MicroTime wire form: UTC with six fractional digits, e.g. `2024-01-02T03:04:05.123000Z`. JS dates hold
 * milliseconds, so the last three digits are always zero.
 */
export function rfc3339Micro(date: Date | number): string {
  const d = typeof date === 'number' ? new Date(date) : date;
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Alphabet of generated name suffixes: no vowels (no accidental words) and no look-alike characters. */
export const GENERATE_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** Length of the random suffix appended to generateName. */
export const GENERATE_NAME_RANDOM_LENGTH = 5;
/** Names are DNS labels at most; the base is cut so that base + suffix stays within this. */
export const GENERATE_NAME_MAX_LENGTH = 63;

/** Source of random integers in [0, max); injectable so tests are deterministic. */
export type RandomIntFn = (max: number) => number;

/**
 * The name for an object created with `metadata.generateName: base`: the base (cut to 58 characters so the
 * result stays within 63) followed by five random characters, as upstream's SimpleNameGenerator does.
 */
export function generateName(base: string, random: RandomIntFn = randomInt): string {
  const maxBase = GENERATE_NAME_MAX_LENGTH - GENERATE_NAME_RANDOM_LENGTH;
  let out = base.length > maxBase ? base.slice(0, maxBase) : base;
  for (let i = 0; i < GENERATE_NAME_RANDOM_LENGTH; i++) {
    out += GENERATE_NAME_ALPHABET[random(GENERATE_NAME_ALPHABET.length)];
  }
  return out;
}

/** The cache/workqueue key of an object: `namespace/name`, or just `name` for cluster-scoped objects. */
export function namespaceKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** The key of an object from its metadata (cache.MetaNamespaceKeyFunc). */
export function metaNamespaceKey(meta: Pick<ObjectMeta, 'namespace' | 'name'>): string {
  return namespaceKey(meta.namespace, meta.name ?? '');
}

/**
 * Splits a key made by {@link namespaceKey} (cache.SplitMetaNamespaceKey). Throws on more than one `/`, with
 * upstream's message.
 */
export function splitNamespaceKey(key: string): { namespace: string; name: string } {
  const parts = key.split('/');
  if (parts.length === 1) return { namespace: '', name: parts[0]! };
  if (parts.length === 2) return { namespace: parts[0]!, name: parts[1]! };
  throw new Error(`unexpected key format: ${goQuote(key)}`);
}
