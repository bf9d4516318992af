/** Helpers shared by the SQLite backend's tests. */
import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Watch, WatchEvent } from '../interface.js';
import type { StorageErrorCode } from '../errors.js';
import { isStorageError } from '../errors.js';
import { take as takeEvents } from '../../testing/watch-events.js';

/** A fresh temp directory for this test file, removed (also on failure) when the file's tests finish. */
export function tempDir(prefix = 'k8ts-sqlite-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Reads exactly `n` events, failing after `ms` (5 s here: the SQLite backend delivers in-process). */
export const take = (w: Watch, n: number, ms = 5000): Promise<WatchEvent[]> => takeEvents(w, n, ms);

/** Resolves when nothing is immediately ready: lets queued group commits (setImmediate) run. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A predicate for assert.rejects/throws that checks the StorageError code (and optionally the message). */
export const storageError =
  (code: StorageErrorCode, message?: RegExp) =>
  (e: unknown): boolean => {
    if (!isStorageError(e)) throw new Error(`expected StorageError ${code}, got ${String(e)}`, { cause: e });
    if (e.code !== code) throw new Error(`expected ${code}, got ${e.code}: ${e.message}`, { cause: e });
    if (message && !message.test(e.message)) throw new Error(`message ${JSON.stringify(e.message)} !~ ${message}`);
    return true;
  };
