import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { tempDir, testPod } from './fakes.js';
import { checkHostPathType, HostPathPlugin } from './host-path.js';
import type { VolumeSpec } from './plugin.js';

const work = await tempDir();
const servers: Server[] = [];
after(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  await work.cleanup();
});

const dir = path.join(work.dir, 'dir');
const file = path.join(work.dir, 'file');
const sock = path.join(work.dir, 'sock');
const missing = path.join(work.dir, 'missing');
await mkdir(dir);
await writeFile(file, 'x');
const server = createServer();
servers.push(server);
await new Promise<void>((resolve) => server.listen(sock, resolve));

async function firstBlockDevice(): Promise<string | undefined> {
  for (const name of await readdir('/dev').catch(() => [])) {
    const st = await stat(path.join('/dev', name)).catch(() => undefined);
    if (st?.isBlockDevice()) return path.join('/dev', name);
  }
  return undefined;
}
const block = await firstBlockDevice();

test('type checks pass and fail with upstream wording', async () => {
  const cases: { type: string; p: string | undefined; err?: string }[] = [
    { type: '', p: missing },
    { type: 'Directory', p: dir },
    { type: 'Directory', p: file, err: `hostPath type check failed: ${file} is not a directory` },
    { type: 'Directory', p: missing, err: `hostPath type check failed: ${missing} is not a directory` },
    { type: 'DirectoryOrCreate', p: file, err: `hostPath type check failed: ${file} is not a directory` },
    { type: 'File', p: file },
    { type: 'File', p: dir, err: `hostPath type check failed: ${dir} is not a file` },
    { type: 'File', p: missing, err: `hostPath type check failed: ${missing} is not a file` },
    { type: 'FileOrCreate', p: dir, err: `hostPath type check failed: ${dir} is not a file` },
    { type: 'Socket', p: sock },
    { type: 'Socket', p: file, err: `hostPath type check failed: ${file} is not a socket file` },
    { type: 'CharDevice', p: '/dev/null' },
    { type: 'CharDevice', p: file, err: `hostPath type check failed: ${file} is not a character device` },
    { type: 'BlockDevice', p: block },
    { type: 'BlockDevice', p: '/dev/null', err: 'hostPath type check failed: /dev/null is not a block device' },
    { type: 'Fifo', p: file, err: 'Fifo is an invalid volume type' },
  ];
  for (const c of cases) {
    if (c.p === undefined) continue; // no block device on this machine
    const name = `${c.type || '""'} on ${c.p}`;
    if (c.err) await assert.rejects(checkHostPathType(c.p, c.type), { code: 'HostPathType', message: c.err }, name);
    else await checkHostPathType(c.p, c.type);
  }
});

test('the *OrCreate types create what is missing', async () => {
  const newDir = path.join(work.dir, 'made', 'deep');
  await checkHostPathType(newDir, 'DirectoryOrCreate');
  assert.ok((await stat(newDir)).isDirectory());
  assert.equal((await stat(newDir)).mode & 0o777, 0o755 & ~process.umask());
  const newFile = path.join(work.dir, 'new-file');
  await checkHostPathType(newFile, 'FileOrCreate');
  assert.equal((await stat(newFile)).size, 0);
  await checkHostPathType(newFile, 'FileOrCreate');
  await assert.rejects(checkHostPathType(path.join(work.dir, 'no', 'parent'), 'FileOrCreate'), {
    message: `open ${path.join(work.dir, 'no', 'parent')}: no such file or directory`,
  });
});

test('the plugin returns the host path itself and refuses backsteps', async () => {
  const plugin = new HostPathPlugin();
  const inline: VolumeSpec = {
    name: 'h',
    podVolumeName: 'h',
    volume: { name: 'h', hostPath: { path: dir, type: 'Directory' } },
    readOnly: false,
  };
  assert.ok(plugin.canSupport(inline));
  assert.deepEqual(await plugin.setUp(testPod({}), inline, { dir: '/unused' }), { hostPath: dir, readOnly: false });
  const pv: VolumeSpec = {
    name: 'pv-1',
    podVolumeName: 'data',
    persistentVolume: { metadata: { name: 'pv-1' }, spec: { hostPath: { path: dir } } },
    readOnly: true,
  };
  assert.ok(plugin.canSupport(pv));
  assert.deepEqual(await plugin.setUp(testPod({}), pv, { dir: '/unused' }), { hostPath: dir, readOnly: true });
  const sneaky: VolumeSpec = {
    name: 'h',
    podVolumeName: 'h',
    volume: { name: 'h', hostPath: { path: `${dir}/../..` } },
    readOnly: false,
  };
  await assert.rejects(plugin.setUp(testPod({}), sneaky, { dir: '/unused' }), {
    code: 'InvalidPath',
    message: `invalid HostPath \`${dir}/../..\`: must not contain '..'`,
  });
  await plugin.tearDown({ podUid: 'u', specName: 'h', dir: '/unused' });
  assert.ok((await stat(dir)).isDirectory(), 'teardown never touches the host path');
  assert.equal(
    plugin.canSupport({ name: 'e', podVolumeName: 'e', volume: { name: 'e', emptyDir: {} }, readOnly: false }),
    false,
  );
});
