/**
 * The worker loop of a controller: get → sync → done, forget on success, addRateLimited on error.
 */
import { silentLogger, type Logger } from '../../util/log.js';
import type { RateLimitingQueue } from './rate-limiting-queue.js';

/** A controller's idempotent sync of one key; throwing means "retry later with back-off". */
export type SyncFunc<T> = (key: T, signal: AbortSignal) => Promise<void>;

/** Options of {@link runWorkers}. */
export interface RunWorkersOptions {
  logger?: Logger;
}

/**
 * Runs `workers` concurrent loops over `queue` until `signal` aborts, then shuts the queue down and resolves
 * once every loop has finished its current sync.
 *
 * Contract: a key is synced by at most one worker at a time (the queue's guarantee); after a successful sync
 * the key's failure history is forgotten, after a failed one it is re-added with back-off. Keys still queued
 * when the signal aborts are not synced. Errors never escape a worker.
 */
export async function runWorkers<T extends NonNullable<unknown>>(
  queue: RateLimitingQueue<T>,
  workers: number,
  sync: SyncFunc<T>,
  signal: AbortSignal,
  options: RunWorkersOptions = {},
): Promise<void> {
  const logger = options.logger ?? silentLogger;
  const stop = () => queue.shutDown();
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });

  const loop = async () => {
    for (;;) {
      const key = await queue.get();
      if (key === undefined) return;
      try {
        if (signal.aborted) continue;
        await sync(key, signal);
        queue.forget(key);
      } catch (err) {
        if (signal.aborted) continue;
        logger.warn('sync failed; requeuing with back-off', {
          key: String(key),
          requeues: queue.numRequeues(key),
          err,
        });
        queue.addRateLimited(key);
      } finally {
        queue.done(key);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, workers) }, loop));
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
