import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restartDelay, startContainerd } from './supervisor.js';

test('restartDelay doubles from the initial delay and is capped', () => {
  const cases = [
    { attempt: 0, want: 500 },
    { attempt: 1, want: 1_000 },
    { attempt: 3, want: 4_000 },
    { attempt: 6, want: 30_000 },
    { attempt: 1_000, want: 30_000 },
  ];
  for (const c of cases) assert.equal(restartDelay(c.attempt), c.want, `attempt ${c.attempt}`);
  assert.equal(restartDelay(2, 100, 250), 250);
});

test('startContainerd fails with the log tail when the binary cannot run', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'k8ts-ctd-'));
  try {
    await assert.rejects(
      startContainerd({ dataDir: dir, binary: '/bin/false', readyTimeoutMs: 5_000 }),
      /containerd exited with code 1 before its CRI answered/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
