import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseQuantity } from '../../apimachinery/quantity.js';
import { EmptyDirPlugin, emptyDirMemorySize } from './empty-dir.js';
import { canMount, tempDir, testPod } from './fakes.js';
import { FakeMounter, mountsUnder, SystemMounter } from './mounter.js';
import type { VolumeSpec } from './plugin.js';
import type { EmptyDirVolumeSource } from './types.js';

const work = await tempDir();
after(async () => {
  if (canMount) {
    const sys = new SystemMounter();
    for (const m of mountsUnder(await sys.listMounts(), work.dir)) await sys.unmount(m.path);
  }
  await work.cleanup();
});

function spec(name: string, emptyDir: EmptyDirVolumeSource): VolumeSpec {
  return { name, podVolumeName: name, volume: { name, emptyDir }, readOnly: false };
}

const limited = (memory: string) => ({ name: 'c', resources: { limits: { memory } } });

test('memory-backed size is the smallest of allocatable, pod limit and sizeLimit', () => {
  const gi = (n: number) => n * 1024 ** 3;
  const cases = [
    { name: 'allocatable only', alloc: '8Gi', sizeLimit: undefined, containers: [{ name: 'c' }], want: gi(8) },
    { name: 'pod limit lower', alloc: '8Gi', sizeLimit: undefined, containers: [limited('1Gi')], want: gi(1) },
    { name: 'sizeLimit lowest', alloc: '8Gi', sizeLimit: '64Mi', containers: [limited('1Gi')], want: 64 * 1024 ** 2 },
    {
      name: 'sizeLimit above pod limit is ignored',
      alloc: '8Gi',
      sizeLimit: '2Gi',
      containers: [limited('1Gi')],
      want: gi(1),
    },
    { name: 'zero sizeLimit is ignored', alloc: '8Gi', sizeLimit: '0', containers: [{ name: 'c' }], want: gi(8) },
  ];
  for (const c of cases) {
    const got = emptyDirMemorySize(parseQuantity(c.alloc), c.sizeLimit, testPod({ containers: c.containers }));
    assert.equal(got?.value(), c.want, c.name);
  }
});

test('disk emptyDir is a 0777 directory, idempotent, measured by usage()', async () => {
  const mounter = new FakeMounter();
  const plugin = new EmptyDirPlugin({ mounter });
  const dir = path.join(work.dir, 'disk');
  const pod = testPod({});
  assert.deepEqual(await plugin.setUp(pod, spec('cache', {}), { dir }), { hostPath: dir, readOnly: false });
  assert.equal((await stat(dir)).mode & 0o777, 0o777);
  await writeFile(path.join(dir, 'f'), Buffer.alloc(8192, 1));
  await plugin.setUp(pod, spec('cache', {}), { dir });
  assert.equal((await readFile(path.join(dir, 'f'))).length, 8192, 'a second setUp keeps the contents');
  const usage = await plugin.usage(dir);
  assert.ok(usage.bytes >= 8192 && usage.inodes === 2, JSON.stringify(usage));
  assert.deepEqual(mounter.calls, [], 'no mounts for disk');
  await plugin.tearDown({ podUid: 'pod-uid-1', specName: 'cache', dir });
  assert.deepEqual(await readdir(work.dir), []);
});

test('memory emptyDir mounts one tmpfs with size= and unmounts it on teardown', async () => {
  const mounter = new FakeMounter();
  const plugin = new EmptyDirPlugin({ mounter, nodeAllocatable: () => ({ memory: '1Gi' }) });
  const dir = path.join(work.dir, 'mem-fake');
  const pod = testPod({});
  await plugin.setUp(pod, spec('mem', { medium: 'Memory', sizeLimit: '16Mi' }), { dir });
  await plugin.setUp(pod, spec('mem', { medium: 'Memory', sizeLimit: '16Mi' }), { dir });
  assert.deepEqual(mounter.calls, [
    { op: 'mount', source: 'tmpfs', target: dir, fsType: 'tmpfs', options: [`size=${16 * 1024 * 1024}`], flags: [] },
  ]);
  await plugin.tearDown({ podUid: 'pod-uid-1', specName: 'mem', dir });
  assert.deepEqual(await mounter.listMounts(), []);
  await assert.rejects(stat(dir), /ENOENT/);
});

test('unsupported media are refused', async () => {
  const plugin = new EmptyDirPlugin({ mounter: new FakeMounter() });
  const cases = [
    { medium: 'HugePages-2Mi', message: /hugePages storage is not supported/ },
    { medium: 'Tape', message: /^unknown storage medium "Tape"$/ },
  ];
  for (const c of cases) {
    await assert.rejects(
      plugin.setUp(testPod({}), spec('x', { medium: c.medium }), { dir: path.join(work.dir, 'x') }),
      {
        code: 'Unsupported',
        message: c.message,
      },
    );
  }
});

test(
  'a real tmpfs emptyDir is memory, keeps data across setUp, leaves no mount',
  { skip: !canMount && 'needs root' },
  async () => {
    const mounter = new SystemMounter();
    const plugin = new EmptyDirPlugin({ mounter, nodeAllocatable: () => ({ memory: '1Gi' }) });
    const dir = path.join(work.dir, 'mem-real');
    const pod = testPod({});
    await plugin.setUp(pod, spec('mem', { medium: 'Memory', sizeLimit: '4Mi' }), { dir });
    const mounts = mountsUnder(await mounter.listMounts(), dir);
    assert.equal(mounts.length, 1);
    assert.equal(mounts[0]!.fsType, 'tmpfs');
    assert.ok(mounts[0]!.options.includes('rw'));
    await writeFile(path.join(dir, 'f'), 'in memory');
    await plugin.setUp(pod, spec('mem', { medium: 'Memory', sizeLimit: '4Mi' }), { dir });
    assert.equal(mountsUnder(await mounter.listMounts(), dir).length, 1, 'not stacked');
    assert.equal(await readFile(path.join(dir, 'f'), 'utf8'), 'in memory');
    await assert.rejects(
      writeFile(path.join(dir, 'big'), Buffer.alloc(8 * 1024 * 1024)),
      /ENOSPC/,
      'size= is enforced',
    );
    await plugin.tearDown({ podUid: 'pod-uid-1', specName: 'mem', dir });
    assert.deepEqual(mountsUnder(await mounter.listMounts(), work.dir), []);
    assert.ok(!(await readFile('/proc/self/mountinfo', 'utf8')).includes(dir));
    await assert.rejects(stat(dir), /ENOENT/);
  },
);
