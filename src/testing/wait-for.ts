/**
 * Polling for integration tests: waits until `probe` returns something other than undefined. A probe that
 * throws counts as "not yet"; the last error is named if time runs out. Real time, bounded by `timeoutMs`.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * For unit tests on a fake clock: yields to the event loop until `pred` holds. Real I/O (files, sockets) may
 * finish in any number of turns on a loaded machine, so the bound is real time, not a count of turns.
 */
export async function settle(what: string, pred: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let turn = 0; !(await pred()); turn++) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((r) => (turn < 100 ? setImmediate(r) : setTimeout(r, 2)));
  }
}
