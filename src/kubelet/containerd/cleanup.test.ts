import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findShims, killShims, mountsUnder, removeCgroups } from './cleanup.js';

test('removeCgroups removes the cgroup root in every hierarchy, deepest first', async () => {
  const root = await mkdtemp(join(tmpdir(), 'k8ts-cg-'));
  try {
    for (const h of ['cpu', 'memory', 'pids'])
      await mkdir(join(root, h, 'k8ts-node1', 'podA', 'ctr1'), { recursive: true });
    await mkdir(join(root, 'memory', 'other'), { recursive: true });
    assert.deepEqual(await removeCgroups('/k8ts-node1', root), []);
    for (const h of ['cpu', 'pids']) assert.deepEqual(await readdir(join(root, h)), [], h);
    assert.deepEqual(await readdir(join(root, 'memory')), ['other'], 'other cgroups are left alone');
    assert.deepEqual(await removeCgroups('/k8ts-node1', root), [], 'idempotent');
    await assert.rejects(removeCgroups('/', root), /root cgroup/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('nothing is found or killed for a socket no containerd uses', async () => {
  const sock = join(tmpdir(), 'k8ts-no-such', 'containerd.sock');
  assert.deepEqual(await findShims(sock), []);
  assert.equal(await killShims(sock), 0);
});

test('mountsUnder sees mounts by path prefix only', async () => {
  assert.ok((await mountsUnder('/proc')).includes('/proc'));
  assert.deepEqual(await mountsUnder('/pro'), [], 'a prefix of a name is not a parent');
});
