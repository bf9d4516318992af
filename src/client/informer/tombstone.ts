/**
 * The tombstone of an object whose deletion the informer did not see (cache.DeletedFinalStateUnknown).
 */

/**
 * Delivered to `onDelete` instead of the object when a relist shows that an object vanished while the watch
 * was down: `obj` is the last state the cache knew, which may be stale. Handlers must accept both forms.
 */
export class DeletedFinalStateUnknown<T> {
  constructor(
    readonly key: string,
    readonly obj: T,
  ) {
    Object.freeze(this);
  }
}

/** The object inside a tombstone, or the object itself. */
export function objectFromDeleted<T>(obj: T | DeletedFinalStateUnknown<T>): T {
  return obj instanceof DeletedFinalStateUnknown ? obj.obj : obj;
}
