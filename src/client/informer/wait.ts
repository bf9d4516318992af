/**
 * cache.WaitForCacheSync: controllers start their workers only after every cache they read has synced.
 */
import type { InformerSynced } from './shared-informer.js';

/**
 * Resolves true once every informer has synced, or false as soon as `signal` aborts. Never rejects; an informer
 * that never syncs (the API is down) keeps it waiting until the signal aborts.
 */
export async function waitForCacheSync(signal: AbortSignal, ...informers: InformerSynced[]): Promise<boolean> {
  const results = await Promise.all(informers.map((i) => i.whenSynced(signal)));
  return results.every(Boolean) && !signal.aborted;
}
