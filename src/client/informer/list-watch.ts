/**
 * What a reflector lists and watches (cache.ListerWatcher), and the adapter over a REST resource client.
 */
import type { ResourceClient } from '../rest/resource-client.js';
import type { KubeObject, ListOptions, ObjectList, WatchEvent } from '../rest/types.js';

/**
 * A source of lists and watches of one collection.
 *
 * Contract: `list` honours resourceVersion/limit/continue as the API does; `watch` yields events strictly after
 * `resourceVersion`, ends (without error) when `signal` aborts, and reports a too old resourceVersion either by
 * throwing a 410 StatusError or by yielding an ERROR event with a 410 Status.
 */
export interface ListerWatcher<T> {
  list(options: ListOptions): Promise<ObjectList<T>>;
  watch(options: ListOptions): AsyncIterable<WatchEvent<T>>;
}

/** Selectors every list and watch of an informer carries (client-go's tweakListOptions). */
export interface ListWatchSelectors {
  labelSelector?: string;
  fieldSelector?: string;
}

/** A {@link ListerWatcher} over a resource client, restricted by `selectors`. */
export function listWatchFor<T extends KubeObject>(
  client: ResourceClient<T>,
  selectors: ListWatchSelectors = {},
): ListerWatcher<T> {
  const tweak = (o: ListOptions): ListOptions => ({
    ...o,
    ...(selectors.labelSelector ? { labelSelector: selectors.labelSelector } : {}),
    ...(selectors.fieldSelector ? { fieldSelector: selectors.fieldSelector } : {}),
  });
  return {
    list: (o) => client.list(tweak(o)),
    watch: (o) => client.watch(tweak(o)),
  };
}
