import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, lstat, mkdir, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isRoot, tempDir } from './fakes.js';
import {
  canonicalPath,
  diskUsage,
  goClean,
  goPathErrorMessage,
  hasBacksteps,
  pathWithinBase,
  removeVolumeDir,
  setVolumeOwnership,
} from './fs-util.js';
import { FakeMounter, type Mounter } from './mounter.js';

const work = await tempDir();
after(() => work.cleanup());

test('goClean cleans like filepath.Clean', () => {
  const cases = [
    ['a/b/', 'a/b'],
    ['./a//b', 'a/b'],
    ['', '.'],
    ['a/../b', 'b'],
    ['/', '/'],
  ];
  for (const [input, want] of cases) assert.equal(goClean(input!), want, input);
});

test('pathWithinBase and hasBacksteps', () => {
  const cases: { p: string; base: string; want: boolean }[] = [
    { p: '/v/a', base: '/v', want: true },
    { p: '/v', base: '/v', want: true },
    { p: '/v2', base: '/v', want: false },
    { p: '/v/../etc', base: '/v', want: false },
    { p: '/v/..a', base: '/v', want: true },
  ];
  for (const c of cases) assert.equal(pathWithinBase(c.p, c.base), c.want, c.p);
  assert.equal(hasBacksteps('a/../b'), true);
  assert.equal(hasBacksteps('a/..b'), false);
});

test('goPathErrorMessage prints like a Go PathError', () => {
  const err = Object.assign(new Error('x'), { code: 'ENOENT' });
  assert.equal(goPathErrorMessage(err, 'open', '/x/y'), 'open /x/y: no such file or directory');
});

test('diskUsage counts blocks and inodes, hard links once', async () => {
  const dir = path.join(work.dir, 'du');
  await mkdir(path.join(dir, 'sub'), { recursive: true });
  await writeFile(path.join(dir, 'sub', 'a'), Buffer.alloc(64 * 1024, 1));
  const { link } = await import('node:fs/promises');
  await link(path.join(dir, 'sub', 'a'), path.join(dir, 'hard'));
  const u = await diskUsage(dir);
  assert.equal(u.inodes, 3, 'dir, sub, and the file once');
  assert.ok(u.bytes >= 64 * 1024, `bytes ${u.bytes}`);
  assert.deepEqual(await diskUsage(path.join(work.dir, 'missing')), { bytes: 0, inodes: 0 });
});

test(
  'setVolumeOwnership sets the group and adds group bits, never chmods through links',
  { skip: !isRoot && 'needs root to chown' },
  async () => {
    const dir = path.join(work.dir, 'own');
    await mkdir(path.join(dir, 'd'), { recursive: true });
    await writeFile(path.join(dir, 'd', 'f'), 'x', { mode: 0o600 });
    await chmod(path.join(dir, 'd', 'f'), 0o600);
    const target = path.join(work.dir, 'outside');
    await writeFile(target, 'y');
    await chmod(target, 0o600);
    await symlink(target, path.join(dir, 'link'));
    await setVolumeOwnership(dir, 1234, { readOnly: true });
    const f = await stat(path.join(dir, 'd', 'f'));
    assert.equal(f.gid, 1234);
    assert.equal(f.mode & 0o7777, 0o640);
    const d = await stat(path.join(dir, 'd'));
    assert.equal(d.mode & 0o2000, 0o2000, 'setgid on directories');
    assert.equal((await stat(target)).mode & 0o777, 0o600, 'the link target is untouched');
    assert.equal((await lstat(path.join(dir, 'link'))).gid, 1234);
    await setVolumeOwnership(dir, undefined, { readOnly: false });
  },
);

test('removeVolumeDir unmounts first and refuses to delete through a mount that stays', async () => {
  const mounter = new FakeMounter();
  const dir = path.join(work.dir, 'vol');
  await mkdir(path.join(dir, 'inner'), { recursive: true });
  await writeFile(path.join(dir, 'inner', 'data'), 'keep');
  await mounter.mount('/src', path.join(dir, 'inner'), '', ['bind']);
  await removeVolumeDir(mounter, dir);
  assert.deepEqual(
    mounter.calls.map((c) => c.op),
    ['mount', 'unmount'],
  );
  await assert.rejects(lstat(dir), /ENOENT/);

  // A mount that will not go away keeps the directory and its contents.
  await mkdir(path.join(dir, 'inner'), { recursive: true });
  await writeFile(path.join(dir, 'inner', 'data'), 'keep');
  const stuck: Mounter = {
    mount: async () => undefined,
    unmount: async () => undefined,
    listMounts: async () => [
      {
        id: 1,
        parentId: 0,
        path: await canonicalPath(path.join(dir, 'inner')),
        root: '/',
        fsType: 'ext4',
        source: '/dev/x',
        options: [],
      },
    ],
  };
  await assert.rejects(removeVolumeDir(stuck, dir), /refusing to remove/);
  assert.deepEqual(await readdir(path.join(dir, 'inner')), ['data']);
  await removeVolumeDir(mounter, path.join(work.dir, 'never-existed'));
});
