/**
 * The cache of probe results per container, one per probe type (prober/results.Manager). Workers write it;
 * the kubelet reads it when it builds container statuses and listens to its changes to update Ready/Started
 * and to restart containers that failed liveness or startup.
 */
import type { ProbeResult } from './prober.js';

/** A change of one container's cached result. */
export interface ResultUpdate {
  /** `<runtime>://<id>`. */
  containerID: string;
  result: ProbeResult;
  podUID: string;
}

export type ResultListener = (update: ResultUpdate) => void;

/**
 * Results keyed by container ID.
 *
 * - `set` notifies only when the stored value changes (a first value always counts as a change), so
 *   listeners see each transition once.
 * - Listeners run synchronously inside `set`, in subscription order; updates reach every listener and every
 *   `updates()` iterator in the order `set` was called.
 * - `remove` drops the entry silently (a container that is gone has no transition to report).
 */
export class ResultsManager {
  private readonly cache = new Map<string, ProbeResult>();
  private readonly listeners = new Set<ResultListener>();

  get(containerID: string): ProbeResult | undefined {
    return this.cache.get(containerID);
  }

  /** Stores `result`; returns whether it changed (and so was announced). */
  set(containerID: string, result: ProbeResult, podUID: string): boolean {
    if (this.cache.get(containerID) === result) return false;
    this.cache.set(containerID, result);
    const update: ResultUpdate = { containerID, result, podUID };
    for (const listener of [...this.listeners]) listener(update);
    return true;
  }

  remove(containerID: string): void {
    this.cache.delete(containerID);
  }

  /** Calls `listener` on every change from now on; returns the unsubscribe function. */
  onUpdate(listener: ResultListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The changes from now on as an async iterable (upstream's Updates channel). Updates are buffered per
   * iterator, so a slow consumer misses none; iteration ends when `signal` aborts or the loop breaks.
   */
  updates(signal?: AbortSignal): AsyncIterableIterator<ResultUpdate> {
    const buffer: ResultUpdate[] = [];
    let wake: (() => void) | undefined;
    let done = signal?.aborted ?? false;
    const finish = () => {
      done = true;
      unsubscribe();
      wake?.();
    };
    const unsubscribe = this.onUpdate((u) => {
      buffer.push(u);
      wake?.();
    });
    signal?.addEventListener('abort', finish, { once: true });
    if (done) unsubscribe();
    const iterator: AsyncIterableIterator<ResultUpdate> = {
      next: async (): Promise<IteratorResult<ResultUpdate>> => {
        while (!done && buffer.length === 0) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
        if (buffer.length > 0) return { value: buffer.shift()!, done: false };
        return { value: undefined, done: true };
      },
      return: async (): Promise<IteratorResult<ResultUpdate>> => {
        signal?.removeEventListener('abort', finish);
        finish();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }
}
