/**
 * Wire shapes and option types of the REST client. Field and query parameter names are exactly the API's.
 */
import type { ListMeta, ObjectMeta, Status } from '../../apimachinery/meta.js';

/** Which resource a request addresses (schema.GroupVersionResource plus its scope). */
export interface ResourceDescriptor {
  /** `''` for the core group. */
  group: string;
  version: string;
  /** Lower-case plural, e.g. `configmaps`. */
  resource: string;
  namespaced: boolean;
  /** The kind, for error messages and tombstones; optional. */
  kind?: string;
}

/** The least every API object has; concrete kinds add their own fields. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** A list response (`<Kind>List`). */
export interface ObjectList<T> {
  apiVersion?: string;
  kind?: string;
  metadata: ListMeta;
  items: T[];
}

/** Watch event types as the API sends them. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** One event of a watch stream. ERROR carries a Status (e.g. 410 Expired) and ends the stream. */
export type WatchEvent<T> =
  { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK'; object: T } | { type: 'ERROR'; object: Status };

/** Options every request takes. */
export interface RequestOptions {
  /** Aborts the request (and, for watches, ends the stream). */
  signal?: AbortSignal;
}

/** metav1.ListOptions (list, watch and deleteCollection). */
export interface ListOptions extends RequestOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: 'NotOlderThan' | 'Exact';
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
  sendInitialEvents?: boolean;
}

/** Options of GET. */
export interface GetOptions extends RequestOptions {
  resourceVersion?: string;
  subresource?: string;
}

/** Options of create/update/patch. */
export interface WriteOptions extends RequestOptions {
  /** dryRun=All: the server runs everything but persists nothing. */
  dryRun?: boolean;
  fieldManager?: string;
  subresource?: string;
}

/** Options of patch; `force` only applies to server-side apply. */
export interface PatchOptions extends WriteOptions {
  force?: boolean;
}

/** metav1.DeleteOptions, sent as the DELETE body. */
export interface DeleteOptions extends RequestOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

/** Patch flavours and their content types. */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export const PATCH_CONTENT_TYPES: Readonly<Record<PatchType, string>> = Object.freeze({
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
});
