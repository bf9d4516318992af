/**
 * Lets pending promise chains run to completion in tests, without sleeping: each round yields to the event
 * loop once (setImmediate runs after all queued microtasks).
 */
export async function flush(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => setImmediate(r));
}
