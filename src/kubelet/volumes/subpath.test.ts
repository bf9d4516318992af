import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { canMount, tempDir } from './fakes.js';
import { mountsUnder, SystemMounter } from './mounter.js';
import { expandSubPathExpr, expandVariables, prepareSafeSubPath, safeMakeDir } from './subpath.js';

const work = await tempDir();
after(async () => {
  if (canMount) {
    const sys = new SystemMounter();
    for (const m of mountsUnder(await sys.listMounts(), work.dir)) await sys.unmount(m.path);
  }
  await work.cleanup();
});

test('expandVariables follows Kubernetes $(VAR) syntax', () => {
  const vars: Record<string, string> = { A: 'a', B: 'b' };
  const cases = [
    ['$(A)', 'a'],
    ['x/$(A)/$(B)', 'x/a/b'],
    ['$$(A)', '$(A)'],
    ['$(A', '$(A'],
    ['a$b', 'a$b'],
    ['$', '$'],
    ['$(C)', '<C>'],
  ];
  for (const [input, want] of cases)
    assert.equal(
      expandVariables(input!, (n) => vars[n] ?? `<${n}>`),
      want,
      input,
    );
});

test('expandSubPathExpr fails on missing or empty variables, sorted', () => {
  const env = new Map([
    ['POD_NAME', 'web-0'],
    ['EMPTY', ''],
  ]);
  assert.equal(expandSubPathExpr('logs/$(POD_NAME)', env), 'logs/web-0');
  assert.throws(() => expandSubPathExpr('$(Z)/$(EMPTY)/$(POD_NAME)', env), {
    code: 'SubPath',
    message: 'missing value for EMPTY, Z',
  });
});

test('safeMakeDir creates inside the volume, also through inner links, never outside', async () => {
  const vol = path.join(work.dir, 'mk-vol');
  const outside = path.join(work.dir, 'mk-outside');
  await mkdir(path.join(vol, 'real'), { recursive: true });
  await mkdir(outside);
  await symlink('real', path.join(vol, 'inner'));
  await symlink(outside, path.join(vol, 'escape'));
  await safeMakeDir('a/b/c', vol, 0o2775);
  const st = await stat(path.join(vol, 'a', 'b', 'c'));
  assert.equal(st.mode & 0o7777, 0o2775, 'exact mode despite the umask');
  await safeMakeDir('inner/x', vol, 0o755);
  assert.ok((await stat(path.join(vol, 'real', 'x'))).isDirectory());
  await assert.rejects(safeMakeDir('escape/evil', vol, 0o755), /outside of allowed base/);
  await assert.rejects(safeMakeDir('../evil', vol, 0o755), /outside of allowed base/);
  assert.deepEqual(await readdir(outside), [], 'nothing created outside');
});

test(
  'prepareSafeSubPath binds a checked subpath and refuses escapes',
  { skip: !canMount && 'needs root' },
  async () => {
    const mounter = new SystemMounter();
    const vol = path.join(work.dir, 'vol');
    const secret = path.join(work.dir, 'host-secret');
    await mkdir(path.join(vol, 'logs'), { recursive: true });
    await writeFile(path.join(vol, 'logs', 'a.log'), 'log line');
    await writeFile(path.join(vol, 'conf'), 'file subpath');
    await mkdir(secret);
    await writeFile(path.join(secret, 'key'), 'host only');
    await symlink(secret, path.join(vol, 'evil'));
    await symlink('../../host-secret/key', path.join(vol, 'logs', 'evil-file'));
    const targets = path.join(work.dir, 'pod', 'volume-subpaths', 'vol', 'app');

    const dirTarget = await prepareSafeSubPath(mounter, {
      volumePath: vol,
      path: path.join(vol, 'logs'),
      target: path.join(targets, '0'),
    });
    assert.equal(await readFile(path.join(dirTarget, 'a.log'), 'utf8'), 'log line');
    await prepareSafeSubPath(mounter, {
      volumePath: vol,
      path: path.join(vol, 'logs'),
      target: path.join(targets, '0'),
    });
    assert.equal(mountsUnder(await mounter.listMounts(), targets).length, 1, 'idempotent: one bind per target');

    const fileTarget = await prepareSafeSubPath(mounter, {
      volumePath: vol,
      path: path.join(vol, 'conf'),
      target: path.join(targets, '1'),
    });
    assert.equal(await readFile(fileTarget, 'utf8'), 'file subpath');

    for (const [i, p] of [path.join(vol, 'evil'), path.join(vol, 'logs', 'evil-file')].entries()) {
      await assert.rejects(
        prepareSafeSubPath(mounter, { volumePath: vol, path: p, target: path.join(targets, String(10 + i)) }),
        /not within volume path/,
        p,
      );
    }
    assert.equal(mountsUnder(await mounter.listMounts(), targets).length, 2, 'no bind for the escapes');
    for (const m of mountsUnder(await mounter.listMounts(), targets)) await mounter.unmount(m.path);
  },
);
