import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { fsStatsFromStatfs, readFsStats } from './fs-stats.js';

test('fsStatsFromStatfs multiplies blocks by the block size', () => {
  const cases = [
    { name: 'typical', input: { bsize: 4096, blocks: 1000, bavail: 250, files: 64, ffree: 16 }, want: { capacityBytes: 4_096_000, availableBytes: 1_024_000, inodes: 64, inodesFree: 16 } },
    { name: 'empty', input: { bsize: 0, blocks: 0, bavail: 0, files: 0, ffree: 0 }, want: { capacityBytes: 0, availableBytes: 0, inodes: 0, inodesFree: 0 } },
  ];
  for (const tc of cases) assert.deepEqual(fsStatsFromStatfs(tc.input), tc.want, tc.name);
});

test('readFsStats uses the injected statfs, and the real one by default', async () => {
  const seen: string[] = [];
  const got = await readFsStats('/x', async (p) => {
    seen.push(p);
    return { bsize: 1, blocks: 10, bavail: 5, files: 2, ffree: 1 };
  });
  assert.deepEqual(seen, ['/x']);
  assert.equal(got.availableBytes, 5);
  const real = await readFsStats(tmpdir());
  assert.ok(real.capacityBytes > 0 && real.availableBytes <= real.capacityBytes);
});
