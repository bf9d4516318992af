import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { canMount, FakeObjectSource, tempDir, testPod } from './fakes.js';
import { FakeMounter, mountsUnder, SystemMounter } from './mounter.js';
import type { VolumeSpec } from './plugin.js';
import { SecretPlugin } from './secret.js';
import type { SecretVolumeSource } from './types.js';

const work = await tempDir();
after(async () => {
  if (canMount) {
    const sys = new SystemMounter();
    for (const m of mountsUnder(await sys.listMounts(), work.dir)) await sys.unmount(m.path);
  }
  await work.cleanup();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

function spec(secret: SecretVolumeSource): VolumeSpec {
  return { name: 'creds', podVolumeName: 'creds', volume: { name: 'creds', secret }, readOnly: false };
}

test('secrets are decoded onto a tmpfs sized by the pod', async () => {
  const objects = new FakeObjectSource();
  objects.secrets.set('default/db', { data: { password: b64('s3cret'), user: b64('admin') } });
  const mounter = new FakeMounter();
  const plugin = new SecretPlugin({ objects, mounter, nodeAllocatable: () => ({ memory: '2Gi' }) });
  const dir = path.join(work.dir, 'fake');
  const pod = testPod({ containers: [{ name: 'c', resources: { limits: { memory: '256Mi' } } }] });
  const res = await plugin.setUp(
    pod,
    spec({ secretName: 'db', items: [{ key: 'password', path: 'pw', mode: 0o400 }] }),
    { dir },
  );
  assert.deepEqual(res, { hostPath: dir, readOnly: true });
  assert.equal(await readFile(path.join(dir, 'pw'), 'utf8'), 's3cret');
  assert.equal((await stat(path.join(dir, 'pw'))).mode & 0o777, 0o400);
  assert.deepEqual(
    mounter.calls.map((c) => [c.op, c.fsType, c.options]),
    [['mount', 'tmpfs', [`size=${256 * 1024 * 1024}`]]],
  );
  await plugin.tearDown({ podUid: 'pod-uid-1', specName: 'creds', dir });
  assert.deepEqual(await mounter.listMounts(), []);
  assert.deepEqual(await readdir(work.dir), []);
});

test('missing secrets and keys fail with upstream messages and mount nothing', async () => {
  const objects = new FakeObjectSource();
  objects.secrets.set('default/db', { data: { user: b64('admin') } });
  const mounter = new FakeMounter();
  const plugin = new SecretPlugin({ objects, mounter });
  const cases = [
    { source: { secretName: 'nope' }, message: 'secret "nope" not found' },
    {
      source: { secretName: 'db', items: [{ key: 'token', path: 't' }] },
      message: 'references non-existent secret key: token',
    },
  ];
  for (const c of cases) {
    await assert.rejects(plugin.setUp(testPod({}), spec(c.source), { dir: path.join(work.dir, 'bad') }), {
      message: c.message,
    });
  }
  assert.deepEqual(mounter.calls, []);
  await plugin.setUp(testPod({}), spec({ secretName: 'nope', optional: true }), { dir: path.join(work.dir, 'opt') });
  assert.deepEqual(
    (await readdir(path.join(work.dir, 'opt'))).filter((n) => !n.startsWith('..')),
    [],
  );
  await plugin.tearDown({ podUid: 'pod-uid-1', specName: 'creds', dir: path.join(work.dir, 'opt') });
});

test('on a real node the secret never touches the disk', { skip: !canMount && 'needs root' }, async () => {
  const objects = new FakeObjectSource();
  objects.secrets.set('default/db', { data: { password: b64('s3cret') } });
  const mounter = new SystemMounter();
  const plugin = new SecretPlugin({ objects, mounter, nodeAllocatable: () => ({ memory: '1Gi' }) });
  const dir = path.join(work.dir, 'real');
  await plugin.setUp(testPod({}), spec({ secretName: 'db' }), { dir });
  await plugin.setUp(testPod({}), spec({ secretName: 'db' }), { dir });
  const mounts = mountsUnder(await mounter.listMounts(), dir);
  assert.deepEqual(
    mounts.map((m) => m.fsType),
    ['tmpfs'],
    'exactly one tmpfs, even after a second setUp',
  );
  assert.equal(await readFile(path.join(dir, 'password'), 'utf8'), 's3cret');
  await plugin.tearDown({ podUid: 'pod-uid-1', specName: 'creds', dir });
  assert.deepEqual(mountsUnder(await mounter.listMounts(), work.dir), []);
  await assert.rejects(stat(dir), /ENOENT/);
});
