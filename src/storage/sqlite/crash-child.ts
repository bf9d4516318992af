/**
 * A child process for the SQLite store's multi-process tests (not a test itself).
 *
 *   node crash-child.js write <db> <count> <concurrency> <pauseMs>
 *     creates /registry/crash/<i> for i < count with `concurrency` writers, printing `ack <key>` to stdout only
 *     after that key's create() resolved (stdout to a pipe is synchronous on Linux, so an ack the parent read
 *     was a durable write); the parent kills it at some point. Each writer pauses `pauseMs` between writes so
 *     that the run lasts long enough for the kill to land in the middle of it.
 *   node crash-child.js hold <db>
 *     opens the store, prints `ready`, and keeps it open until killed (for the lock test).
 */
import { openSqliteStore } from './store.js';

async function write(path: string, count: number, concurrency: number, pauseMs: number): Promise<void> {
  const store = openSqliteStore(path);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const key = `/registry/crash/${String(next++).padStart(5, '0')}`;
        await store.create(key, JSON.stringify({ key, payload: 'x'.repeat(100) }));
        process.stdout.write(`ack ${key}\n`);
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }),
  );
  await store.close();
  process.stdout.write('done\n');
}

function hold(path: string): void {
  openSqliteStore(path);
  process.stdout.write('ready\n');
  // The store's timers keep the process alive; the parent kills it.
}

const [mode, path, count, concurrency, pauseMs] = process.argv.slice(2);
if (mode === 'write' && path) {
  await write(path, Number(count ?? 1000), Number(concurrency ?? 1), Number(pauseMs ?? 0));
} else if (mode === 'hold' && path) {
  hold(path);
} else {
  process.stderr.write('usage: crash-child.js write <db> <count> <concurrency> <pauseMs> | hold <db>\n');
  process.exit(2);
}
