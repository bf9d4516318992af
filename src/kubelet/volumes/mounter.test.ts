import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { canMount, tempDir } from './fakes.js';
import { FakeMounter, mountsUnder, parseMountInfo, SystemMounter } from './mounter.js';

const SAMPLE = [
  '22 1 0:21 / /proc rw,nosuid - proc proc rw',
  '30 22 0:40 / /var/lib/kubelet/pods/u1/volumes/kubernetes.io~empty-dir/mem rw,relatime shared:5 - tmpfs tmpfs rw,size=1024k',
  '31 30 8:1 /data/dir\\040with\\040space /var/lib/kubelet/pods/u1/volume-subpaths/v/app/0 rw - ext4 /dev/sda1 rw',
  'garbage line',
  '',
].join('\n');

test('parseMountInfo reads fields and decodes escapes', () => {
  const mounts = parseMountInfo(SAMPLE);
  assert.equal(mounts.length, 3);
  assert.deepEqual(
    mounts.map((m) => [m.id, m.parentId, m.path, m.fsType, m.source]),
    [
      [22, 1, '/proc', 'proc', 'proc'],
      [30, 22, '/var/lib/kubelet/pods/u1/volumes/kubernetes.io~empty-dir/mem', 'tmpfs', 'tmpfs'],
      [31, 30, '/var/lib/kubelet/pods/u1/volume-subpaths/v/app/0', 'ext4', '/dev/sda1'],
    ],
  );
  assert.equal(mounts[2]!.root, '/data/dir with space');
  assert.deepEqual(mounts[1]!.options, ['rw', 'relatime']);
});

test('mountsUnder matches whole path components, deepest first', () => {
  const mounts = parseMountInfo(SAMPLE);
  const cases = [
    { dir: '/var/lib/kubelet/pods/u1', want: [31, 30] },
    { dir: '/var/lib/kubelet/pods/u', want: [] },
    { dir: '/var/lib/kubelet/pods/u1/volumes/kubernetes.io~empty-dir/mem', want: [30] },
  ];
  for (const c of cases)
    assert.deepEqual(
      mountsUnder(mounts, c.dir).map((m) => m.id),
      c.want,
      c.dir,
    );
});

test('FakeMounter records calls and rejects unmounting what is not mounted', async () => {
  const m = new FakeMounter();
  await m.mount('tmpfs', '/a/b', 'tmpfs', ['size=1']);
  assert.deepEqual(
    (await m.listMounts()).map((x) => x.path),
    ['/a/b'],
  );
  await m.unmount('/a/b');
  await assert.rejects(m.unmount('/a/b'), /not mounted/);
  assert.deepEqual(
    m.calls.map((c) => c.op),
    ['mount', 'unmount', 'unmount'],
  );
});

const work = await tempDir();
after(async () => {
  // Whatever a failed test left mounted goes before the directory does.
  const sys = new SystemMounter();
  if (canMount) for (const mnt of mountsUnder(await sys.listMounts(), work.dir)) await sys.unmount(mnt.path);
  await work.cleanup();
});

test('SystemMounter bind-mounts read-only and lists the mount', { skip: !canMount && 'needs root' }, async () => {
  const sys = new SystemMounter();
  const src = path.join(work.dir, 'src');
  const dst = path.join(work.dir, 'dst');
  await mkdir(src);
  await mkdir(dst);
  await writeFile(path.join(src, 'f'), 'hello');
  await sys.mount(src, dst, '', ['bind', 'ro']);
  try {
    assert.equal(await readFile(path.join(dst, 'f'), 'utf8'), 'hello');
    await assert.rejects(writeFile(path.join(dst, 'g'), 'x'), /EROFS/);
    const listed = mountsUnder(await sys.listMounts(), dst);
    assert.equal(listed.length, 1);
    assert.ok(listed[0]!.options.includes('ro'));
  } finally {
    await sys.unmount(dst);
  }
  assert.deepEqual(mountsUnder(await sys.listMounts(), work.dir), []);
  await assert.rejects(sys.unmount(dst), /umount .* failed/);
});
