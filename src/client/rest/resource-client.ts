/**
 * Typed calls on one resource (client-go's dynamic ResourceInterface): paths, query parameters and bodies as
 * the API defines them.
 */
import type { Status } from '../../apimachinery/meta.js';
import type { ApiRequest, RestClient } from './rest-client.js';
import { decodeWatchEvents } from './watch-decoder.js';
import {
  PATCH_CONTENT_TYPES,
  type DeleteOptions,
  type GetOptions,
  type KubeObject,
  type ListOptions,
  type ObjectList,
  type PatchOptions,
  type PatchType,
  type ResourceDescriptor,
  type WatchEvent,
  type WriteOptions,
} from './types.js';

/** A watch in progress: iterate it for events; `close()` (or the signal) ends it and the iteration. */
export interface WatchStream<T> extends AsyncIterable<WatchEvent<T>> {
  close(): void;
}

const LIST_PARAMS = [
  'labelSelector',
  'fieldSelector',
  'limit',
  'continue',
  'resourceVersion',
  'resourceVersionMatch',
  'allowWatchBookmarks',
  'timeoutSeconds',
  'sendInitialEvents',
] as const;

/** The query of a list/watch/deleteCollection: only parameters that are set. */
export function listQuery(opts: ListOptions = {}): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of LIST_PARAMS) {
    const v = opts[k];
    if (v !== undefined && v !== '') q.set(k, String(v));
  }
  return q;
}

function writeQuery(opts: PatchOptions = {}): URLSearchParams {
  const q = new URLSearchParams();
  if (opts.dryRun) q.set('dryRun', 'All');
  if (opts.fieldManager) q.set('fieldManager', opts.fieldManager);
  if (opts.force !== undefined) q.set('force', String(opts.force));
  return q;
}

function deleteBody(opts: DeleteOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
  if (opts.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = opts.gracePeriodSeconds;
  if (opts.propagationPolicy) body.propagationPolicy = opts.propagationPolicy;
  if (opts.preconditions) body.preconditions = opts.preconditions;
  if (opts.dryRun) body.dryRun = ['All'];
  return body;
}

/**
 * Calls on one resource, optionally scoped to a namespace.
 *
 * Contract: stateless apart from its scope, so instances are cheap and may be shared; every call is one HTTP
 * request (plus server-requested retries). Objects returned are fresh copies the caller owns.
 */
export class ResourceClient<T extends KubeObject> {
  constructor(
    private readonly client: RestClient,
    readonly descriptor: ResourceDescriptor,
    readonly namespace?: string,
  ) {}

  /** The same resource in another namespace. */
  inNamespace(namespace: string): ResourceClient<T> {
    return new ResourceClient<T>(this.client, this.descriptor, namespace);
  }

  get(name: string, opts: GetOptions = {}): Promise<T> {
    const query = new URLSearchParams();
    if (opts.resourceVersion) query.set('resourceVersion', opts.resourceVersion);
    return this.call({
      method: 'GET',
      path: this.path(this.namespace, name, opts.subresource),
      query,
      signal: opts.signal,
    });
  }

  list(opts: ListOptions = {}): Promise<ObjectList<T>> {
    return this.call({ method: 'GET', path: this.path(this.namespace), query: listQuery(opts), signal: opts.signal });
  }

  create(obj: T, opts: WriteOptions = {}): Promise<T> {
    const ns = this.namespace ?? obj.metadata?.namespace;
    const path = opts.subresource ? this.path(ns, obj.metadata?.name, opts.subresource) : this.path(ns);
    return this.call({ method: 'POST', path, query: writeQuery(opts), body: obj, signal: opts.signal });
  }

  update(obj: T, opts: WriteOptions = {}): Promise<T> {
    const name = obj.metadata?.name;
    if (!name) throw new Error('update: object has no metadata.name');
    const path = this.path(this.namespace ?? obj.metadata?.namespace, name, opts.subresource);
    return this.call({ method: 'PUT', path, query: writeQuery(opts), body: obj, signal: opts.signal });
  }

  /** PATCH with the given flavour; `apply` is server-side apply and needs `fieldManager`. */
  patch(name: string, type: PatchType, patch: unknown, opts: PatchOptions = {}): Promise<T> {
    const body = typeof patch === 'string' ? Buffer.from(patch) : patch;
    return this.call({
      method: 'PATCH',
      path: this.path(this.namespace, name, opts.subresource),
      query: writeQuery(opts),
      body,
      contentType: PATCH_CONTENT_TYPES[type],
      signal: opts.signal,
    });
  }

  /** DELETE; resolves with the object (when deletion is pending, e.g. finalizers) or a Success Status. */
  delete(name: string, opts: DeleteOptions = {}): Promise<T | Status> {
    return this.call({
      method: 'DELETE',
      path: this.path(this.namespace, name),
      body: deleteBody(opts),
      signal: opts.signal,
    });
  }

  /** DELETE on the collection: every object the selectors match. */
  deleteCollection(opts: ListOptions & DeleteOptions = {}): Promise<ObjectList<T> | Status> {
    const query = listQuery(opts);
    return this.call({
      method: 'DELETE',
      path: this.path(this.namespace),
      query,
      body: deleteBody(opts),
      signal: opts.signal,
    });
  }

  /**
   * Watches the collection. The request is sent when iteration starts; HTTP errors surface from the first
   * `next()` as StatusError. The iteration ends when the server closes the stream, after an ERROR event has
   * been yielded, or without error when `opts.signal` aborts or `close()` is called.
   */
  watch(opts: ListOptions = {}): WatchStream<T> {
    const query = listQuery(opts);
    query.set('watch', 'true');
    const req: ApiRequest = { method: 'GET', path: this.path(this.namespace), query };
    const client = this.client;
    const stop = new AbortController();
    const onAbort = () => stop.abort(opts.signal?.reason);
    async function* events(): AsyncGenerator<WatchEvent<T>> {
      if (opts.signal?.aborted || stop.signal.aborted) return;
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const res = await client.stream({ ...req, signal: stop.signal });
        try {
          for await (const ev of decodeWatchEvents<T>(res.body)) {
            yield ev;
            if (ev.type === 'ERROR') return;
          }
        } finally {
          res.body.destroy();
        }
      } catch (err) {
        if (stop.signal.aborted) return;
        throw err;
      } finally {
        opts.signal?.removeEventListener('abort', onAbort);
      }
    }
    const iterable = events();
    return {
      [Symbol.asyncIterator]: () => iterable,
      close: () => stop.abort(),
    };
  }

  /** `/api/v1[/namespaces/<ns>]/<resource>[/<name>[/<subresource>]]` (or `/apis/<group>/<version>/...`). */
  path(namespace: string | undefined, name?: string, subresource?: string): string {
    const d = this.descriptor;
    let p = d.group ? `/apis/${d.group}/${d.version}` : `/api/${d.version}`;
    if (d.namespaced && namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
    p += `/${d.resource}`;
    if (name !== undefined) {
      if (!name) throw new Error(`${d.resource}: resource name may not be empty`);
      if (d.namespaced && !namespace) throw new Error(`${d.resource} "${name}": namespace required`);
      p += `/${encodeURIComponent(name)}`;
      if (subresource) p += `/${subresource}`;
    }
    return p;
  }

  private call<R>(req: ApiRequest): Promise<R> {
    return this.client.request<R>(req);
  }
}
