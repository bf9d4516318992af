/**
 * Durability under kill -9: a child process writes keys and acknowledges each one only after its create()
 * resolved; we SIGKILL it mid-run and check that every acknowledged key is in the file when it is reopened.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { FakeClock } from '../../util/clock.js';
import { openSqliteStore } from './store.js';
import { tempDir } from './testing.js';

const dir = tempDir('k8ts-sqlite-crash-');
const child = new URL('./crash-child.js', import.meta.url).pathname;

async function crashRun(file: string, concurrency: number, killAfter: number): Promise<string[]> {
  // Writers pause between writes so the whole run takes ~0.5 s or more and the kill lands mid-run.
  const pauseMs = concurrency > 1 ? 8 : 0;
  const proc = spawn(process.execPath, [child, 'write', file, '1000', String(concurrency), String(pauseMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(proc, 'exit');
  const acked: string[] = [];
  try {
    for await (const line of createInterface({ input: proc.stdout })) {
      if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (acked.length === killAfter) proc.kill('SIGKILL');
    }
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
    assert.equal(signal, 'SIGKILL', `the child was killed mid-run (exit code ${code}, ${acked.length} acks)`);
  } finally {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await exited;
    }
  }
  return acked;
}

for (const concurrency of [1, 16]) {
  test(`every key acknowledged before kill -9 survives (${concurrency} concurrent writer(s))`, async (t) => {
    const file = join(dir, `crash-${concurrency}.db`);
    const acked = await crashRun(file, concurrency, 300);
    assert.ok(acked.length >= 300 && acked.length < 1000, `killed mid-run after ${acked.length} acks`);
    const store = openSqliteStore(file, { clock: new FakeClock() });
    try {
      const missing: string[] = [];
      for (const key of acked) if (!(await store.get(key))) missing.push(key);
      assert.deepEqual(missing, [], `${missing.length} acknowledged keys lost`);
      // Revisions are dense and the store is writable after recovery.
      const all = await store.list('/registry/crash/');
      assert.ok(all.items.length >= acked.length);
      t.diagnostic(`${acked.length} acknowledged, ${all.items.length} in the file after kill -9`);
      assert.equal(await store.currentRevision(), all.items.length);
      const next = await store.create('/registry/crash/after', 'v');
      assert.equal(next.modRevision, all.items.length + 1);
    } finally {
      await store.close();
    }
  });
}
