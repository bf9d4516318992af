import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import {
  cgroupWorkingSet,
  meminfoWorkingSet,
  NodeSignalReader,
  parseLoadavgProcesses,
  parseMeminfo,
} from './signals.js';

const MEMINFO = `MemTotal:        2000000 kB
MemFree:          500000 kB
MemAvailable:    1200000 kB
Buffers:           10000 kB
Cached:           600000 kB
Active(file):     200000 kB
Inactive(file):   300000 kB
`;

const V1_STAT = `cache 100
rss 200
inactive_file 7
total_cache 1000
total_inactive_file 400
`;

test('meminfo and cgroup parsing', () => {
  assert.deepEqual(parseMeminfo(MEMINFO), { memTotal: 2_048_000_000, memFree: 512_000_000, inactiveFile: 307_200_000 });
  assert.deepEqual(parseMeminfo(''), { memTotal: 0, memFree: 0, inactiveFile: 0 });
  assert.equal(meminfoWorkingSet(parseMeminfo(MEMINFO)), 2_048_000_000 - 512_000_000 - 307_200_000);
  const cases = [
    { name: 'v1 root uses the hierarchical total', usage: 1000, stat: V1_STAT, want: 600 },
    { name: 'v2 inactive_file', usage: 1000, stat: 'anon 5\ninactive_file 300\n', want: 700 },
    { name: 'no stat', usage: 1000, stat: '', want: 1000 },
    { name: 'never negative', usage: 100, stat: 'inactive_file 300\n', want: 0 },
  ];
  for (const tc of cases) assert.equal(cgroupWorkingSet(tc.usage, tc.stat), tc.want, tc.name);
  assert.equal(parseLoadavgProcesses('0.00 0.01 0.05 2/345 6789\n'), 345);
  assert.equal(parseLoadavgProcesses('garbage'), undefined);
});

function reader(files: Record<string, string>, memoryCapacity: number, imageFsPath?: string) {
  const statfs = async (p: string) => {
    if (p === '/var/lib/kubelet') return { bsize: 4096, blocks: 1000, bavail: 50, files: 100, ffree: 3 };
    if (p === '/var/lib/containerd') return { bsize: 4096, blocks: 2000, bavail: 1000, files: 0, ffree: 0 };
    throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  };
  return new NodeSignalReader({
    memoryCapacity,
    nodeFsPath: '/var/lib/kubelet',
    imageFsPath,
    clock: new FakeClock(1000),
    statfs,
    procDir: '/proc',
    memoryCgroupDirs: ['/cg/memory'],
    readFile: async (p) => {
      const v = files[p];
      if (v === undefined) throw Object.assign(new Error(`ENOENT ${p}`), { code: 'ENOENT' });
      return v;
    },
  });
}

test('NodeSignalReader observes memory from the cgroup, disks from statfs, pids from /proc', async () => {
  const r = reader(
    {
      '/cg/memory/memory.usage_in_bytes': '1000000\n',
      '/cg/memory/memory.stat': 'total_inactive_file 200000\n',
      '/proc/sys/kernel/pid_max': '32768\n',
      '/proc/loadavg': '0.1 0.2 0.3 1/768 999\n',
    },
    5_000_000,
    '/var/lib/containerd',
  );
  const got = Object.fromEntries(await r.observe());
  assert.deepEqual(got, {
    'memory.available': { available: 4_200_000, capacity: 5_000_000, time: 1000 },
    'nodefs.available': { available: 204_800, capacity: 4_096_000, time: 1000 },
    'nodefs.inodesFree': { available: 3, capacity: 100, time: 1000 },
    // The image filesystem reports no inode counts: no imagefs.inodesFree observation.
    'imagefs.available': { available: 4_096_000, capacity: 8_192_000, time: 1000 },
    'pid.available': { available: 32_000, capacity: 32_768, time: 1000 },
  });
});

test('NodeSignalReader falls back to /proc/meminfo and shares nodefs as imagefs; unreadable sources are skipped', async () => {
  const r = reader({ '/proc/meminfo': MEMINFO }, 0);
  const got = Object.fromEntries(await r.observe());
  const ws = 2_048_000_000 - 512_000_000 - 307_200_000;
  assert.deepEqual(got['memory.available'], { available: 2_048_000_000 - ws, capacity: 2_048_000_000, time: 1000 });
  assert.deepEqual(got['imagefs.available'], got['nodefs.available']);
  assert.equal(got['pid.available'], undefined);
  const none = reader({}, 0);
  assert.equal((await none.observe()).has('memory.available'), false);
});
