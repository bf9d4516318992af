/**
 * Read access to an informer's cache (client-go GenericLister): what controllers read instead of the API.
 */
import { parseSelector, type Selector } from '../../apimachinery/labels/selector.js';
import { namespaceKey } from '../../apimachinery/meta.js';
import type { KubeObject } from '../rest/types.js';
import { NAMESPACE_INDEX, type Indexer } from './store.js';

/** A label selector, parsed or as text (`app=x,tier!=db`). */
export type SelectorLike = Selector | string;

const toSelector = (s: SelectorLike | undefined): Selector | undefined =>
  s === undefined ? undefined : typeof s === 'string' ? (s === '' ? undefined : parseSelector(s)) : s;

/**
 * Reads objects of one namespace from the cache.
 *
 * Contract: reads are synchronous snapshots of the cache (eventually consistent with the API); returned
 * objects are shared and frozen — clone before changing them.
 */
export interface NamespaceLister<T> {
  list(selector?: SelectorLike): Readonly<T>[];
  get(name: string): Readonly<T> | undefined;
}

/** Reads objects across namespaces (or of a cluster-scoped resource); same contract as {@link NamespaceLister}. */
export interface Lister<T> {
  /** Every cached object the selector matches. */
  list(selector?: SelectorLike): Readonly<T>[];
  /** By name for cluster-scoped objects, by `namespace/name` key otherwise. */
  get(key: string): Readonly<T> | undefined;
  byNamespace(namespace: string): NamespaceLister<T>;
  /** Objects under `value` in the named index. */
  byIndex(indexName: string, value: string): Readonly<T>[];
}

function filter<T extends KubeObject>(objs: Readonly<T>[], selector: Selector | undefined): Readonly<T>[] {
  if (!selector || selector.isEmpty()) return objs;
  return objs.filter((o) => selector.matches(o.metadata?.labels));
}

/** A {@link Lister} over an indexer that has the namespace index. */
export class CacheLister<T extends KubeObject> implements Lister<T> {
  constructor(private readonly indexer: Indexer<Readonly<T>>) {}

  list(selector?: SelectorLike): Readonly<T>[] {
    return filter(this.indexer.list(), toSelector(selector));
  }

  get(key: string): Readonly<T> | undefined {
    return this.indexer.getByKey(key);
  }

  byNamespace(namespace: string): NamespaceLister<T> {
    const indexer = this.indexer;
    return {
      // '' is metav1.NamespaceAll, as in client-go's ListAllByNamespace.
      list: (selector) =>
        filter(namespace === '' ? indexer.list() : indexer.byIndex(NAMESPACE_INDEX, namespace), toSelector(selector)),
      get: (name) => indexer.getByKey(namespaceKey(namespace, name)),
    };
  }

  byIndex(indexName: string, value: string): Readonly<T>[] {
    return this.indexer.byIndex(indexName, value);
  }
}
