import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { literalEnv, makeContainerMounts, type MountedVolume } from './container-mounts.js';
import { canMount, tempDir, testPod } from './fakes.js';
import { FakeMounter, mountsUnder, SystemMounter, type Mounter } from './mounter.js';
import { PodVolumePaths } from './paths.js';
import type { Container } from './types.js';

const work = await tempDir();
after(async () => {
  if (canMount) {
    const sys = new SystemMounter();
    for (const m of mountsUnder(await sys.listMounts(), work.dir)) await sys.unmount(m.path);
  }
  await work.cleanup();
});

const paths = new PodVolumePaths(path.join(work.dir, 'root'));
const volPath = path.join(work.dir, 'vol');
await mkdir(volPath);
await chmod(volPath, 0o777);
await mkdir(path.join(work.dir, 'outside'));
await symlink(path.join(work.dir, 'outside'), path.join(volPath, 'escape'));

function mounted(name: string, hostPath: string, readOnly: boolean): [string, MountedVolume] {
  return [name, { spec: { name, podVolumeName: name, readOnly }, pluginName: 'test', hostPath, readOnly }];
}

const volumes = new Map([mounted('data', volPath, false), mounted('cfg', '/cfg', true)]);
const pod = testPod({});

test('plain mounts: paths, read-only from the mount or the volume, private propagation', async () => {
  const container: Container = {
    name: 'app',
    volumeMounts: [
      { name: 'data', mountPath: '/data' },
      { name: 'data', mountPath: '/ro', readOnly: true },
      { name: 'cfg', mountPath: 'etc/cfg', mountPropagation: 'Bidirectional' },
    ],
  };
  const mounts = await makeContainerMounts(pod, container, volumes, { mounter: new FakeMounter(), paths });
  assert.deepEqual(
    mounts.map((m) => [m.container_path, m.host_path, m.readonly, m.propagation]),
    [
      ['/data', volPath, false, 'PROPAGATION_PRIVATE'],
      ['/ro', volPath, true, 'PROPAGATION_PRIVATE'],
      ['/etc/cfg', '/cfg', true, 'PROPAGATION_PRIVATE'],
    ],
  );
});

test('bad mounts fail with upstream messages', async () => {
  const cases: {
    name: string;
    mount: Container['volumeMounts'];
    env?: Map<string, string>;
    message: string | RegExp;
  }[] = [
    {
      name: 'unknown volume',
      mount: [{ name: 'nope', mountPath: '/x' }],
      message: 'cannot find volume "nope" to mount into container "app"',
    },
    {
      name: 'absolute',
      mount: [{ name: 'data', mountPath: '/x', subPath: '/etc' }],
      message: 'error SubPath `/etc` must not be an absolute path',
    },
    {
      name: 'backsteps',
      mount: [{ name: 'data', mountPath: '/x', subPath: 'a/../../b' }],
      message: "unable to provision SubPath `a/../../b`: must not contain '..'",
    },
    {
      name: 'expr backsteps',
      mount: [{ name: 'data', mountPath: '/x', subPathExpr: '$(P)' }],
      env: new Map([['P', '..']]),
      message: "unable to provision SubPath `..`: must not contain '..'",
    },
    {
      name: 'expr missing var',
      mount: [{ name: 'data', mountPath: '/x', subPathExpr: '$(NOPE)' }],
      message: 'missing value for NOPE',
    },
    {
      name: 'symlink escape',
      mount: [{ name: 'data', mountPath: '/x', subPath: 'escape' }],
      message: 'failed to prepare subPath for volumeMount "data" of container "app"',
    },
    {
      name: 'creating through an escaping link',
      mount: [{ name: 'data', mountPath: '/x', subPath: 'escape/new' }],
      message: 'failed to create subPath directory for volumeMount "data" of container "app"',
    },
  ];
  for (const c of cases) {
    await assert.rejects(
      makeContainerMounts(pod, { name: 'app', volumeMounts: c.mount }, volumes, {
        mounter: new FakeMounter(),
        paths,
        env: c.env,
      }),
      { message: c.message },
      c.name,
    );
  }
});

test('literalEnv expands earlier values and keeps unknown references', () => {
  const env = literalEnv({
    name: 'c',
    env: [{ name: 'A', value: 'x' }, { name: 'B', value: '$(A)-$(Z)' }, { name: 'C' }],
  });
  assert.deepEqual(
    [...env],
    [
      ['A', 'x'],
      ['B', 'x-$(Z)'],
    ],
  );
});

test(
  'subPath and subPathExpr are created with the volume mode and bound',
  { skip: !canMount && 'needs root' },
  async () => {
    const mounter: Mounter = new SystemMounter();
    const container: Container = {
      name: 'app',
      env: [{ name: 'POD', value: 'web-0' }],
      volumeMounts: [
        { name: 'data', mountPath: '/logs', subPathExpr: 'logs/$(POD)' },
        { name: 'data', mountPath: '/etc/app.conf', subPath: 'app.conf', readOnly: true },
      ],
    };
    await writeFile(path.join(volPath, 'app.conf'), 'conf');
    const mounts = await makeContainerMounts(pod, container, volumes, { mounter, paths });
    assert.deepEqual(
      mounts.map((m) => [m.container_path, m.host_path, m.readonly]),
      [
        ['/logs', paths.subPathTarget('pod-uid-1', 'data', 'app', 0), false],
        ['/etc/app.conf', paths.subPathTarget('pod-uid-1', 'data', 'app', 1), true],
      ],
    );
    assert.equal((await stat(path.join(volPath, 'logs', 'web-0'))).mode & 0o777, 0o777, 'created with the volume mode');
    await writeFile(path.join(volPath, 'logs', 'web-0', 'x'), 'through the bind');
    assert.equal(await readFile(path.join(mounts[0]!.host_path, 'x'), 'utf8'), 'through the bind');
    assert.equal(await readFile(mounts[1]!.host_path, 'utf8'), 'conf');
    // A restarted container gets the same binds, not new ones.
    await makeContainerMounts(pod, container, volumes, { mounter, paths });
    assert.equal(mountsUnder(await mounter.listMounts(), paths.podSubPathsDir('pod-uid-1')).length, 2);
    for (const m of mountsUnder(await mounter.listMounts(), paths.podSubPathsDir('pod-uid-1')))
      await mounter.unmount(m.path);
  },
);
