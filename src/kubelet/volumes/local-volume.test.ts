import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { canMount, tempDir, testPod } from './fakes.js';
import { LocalVolumePlugin } from './local-volume.js';
import { FakeMounter, mountsUnder, SystemMounter } from './mounter.js';
import type { VolumeSpec } from './plugin.js';

const work = await tempDir();
after(async () => {
  if (canMount) {
    const sys = new SystemMounter();
    for (const m of mountsUnder(await sys.listMounts(), work.dir)) await sys.unmount(m.path);
  }
  await work.cleanup();
});

const disk = path.join(work.dir, 'disk');
await mkdir(disk);
await writeFile(path.join(disk, 'data'), 'precious');

function spec(readOnly: boolean, local = disk, extra: Record<string, unknown> = {}): VolumeSpec {
  return {
    name: 'local-pv',
    podVolumeName: 'data',
    persistentVolume: {
      metadata: { name: 'local-pv' },
      spec: { local: { path: local }, mountOptions: ['noatime'], ...extra },
    },
    readOnly,
  };
}

test('the local path is bind-mounted, read-only when the claim is, once', async () => {
  const cases = [
    { readOnly: false, options: ['bind', 'noatime'] },
    { readOnly: true, options: ['bind', 'ro', 'noatime'] },
  ];
  for (const c of cases) {
    const mounter = new FakeMounter();
    const plugin = new LocalVolumePlugin({ mounter });
    const dir = path.join(work.dir, 'pods', `fake-${c.readOnly}`);
    assert.deepEqual(await plugin.setUp(testPod({}), spec(c.readOnly), { dir }), {
      hostPath: dir,
      readOnly: c.readOnly,
    });
    await plugin.setUp(testPod({}), spec(c.readOnly), { dir });
    assert.deepEqual(mounter.calls, [
      { op: 'mount', source: disk, target: dir, fsType: '', options: c.options, flags: [] },
    ]);
    await plugin.tearDown({ podUid: 'u', specName: 'local-pv', dir });
    assert.deepEqual(await mounter.listMounts(), []);
    await assert.rejects(stat(dir), /ENOENT/);
  }
});

test('bad specs are refused', async () => {
  const plugin = new LocalVolumePlugin({ mounter: new FakeMounter() });
  const dir = path.join(work.dir, 'pods', 'bad');
  const cases = [
    { s: spec(false, ''), message: 'LocalVolume volume "local-pv" path is empty' },
    { s: spec(false, '/mnt/../etc'), message: "invalid path: /mnt/../etc must not contain '..'" },
    { s: spec(false, disk, { volumeMode: 'Block' }), message: /Block mode is not supported/ },
  ];
  for (const c of cases) await assert.rejects(plugin.setUp(testPod({}), c.s, { dir }), { message: c.message });
});

test(
  'a real bind: data visible, teardown unmounts and keeps the data',
  { skip: !canMount && 'needs root' },
  async () => {
    const mounter = new SystemMounter();
    const plugin = new LocalVolumePlugin({ mounter });
    const dir = path.join(work.dir, 'pods', 'real', 'local-pv');
    await plugin.setUp(testPod({}), spec(true), { dir });
    assert.equal(await readFile(path.join(dir, 'data'), 'utf8'), 'precious');
    await assert.rejects(writeFile(path.join(dir, 'x'), 'x'), /EROFS/);
    await plugin.tearDown({ podUid: 'u', specName: 'local-pv', dir });
    assert.deepEqual(mountsUnder(await mounter.listMounts(), work.dir), []);
    assert.deepEqual(await readdir(disk), ['data'], 'the PV data survives');
    await assert.rejects(stat(dir), /ENOENT/);
    await assert.rejects(plugin.setUp(testPod({}), spec(false, path.join(work.dir, 'no-such')), { dir }), {
      code: 'Mount',
    });
    await assert.rejects(stat(dir), /ENOENT/, 'no empty mount point left after a failed mount');
  },
);
