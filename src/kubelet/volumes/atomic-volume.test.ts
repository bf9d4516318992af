import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Payload } from './atomic-writer.js';
import { AtomicVolumePlugin } from './atomic-volume.js';
import { VolumeError } from './errors.js';
import { tempDir, testPod } from './fakes.js';
import { FakeMounter } from './mounter.js';
import type { VolumeSpec } from './plugin.js';

const work = await tempDir();
after(() => work.cleanup());

/** Serves whatever `next` holds: a payload, or an error to throw. */
class ScriptedPlugin extends AtomicVolumePlugin {
  readonly name = 'test/scripted';
  protected readonly memoryBacked: boolean;
  next: Payload | Error = new Map();
  constructor(memoryBacked: boolean, mounter = new FakeMounter()) {
    super({ mounter });
    this.memoryBacked = memoryBacked;
  }
  canSupport(): boolean {
    return true;
  }
  protected async collect(): Promise<Payload> {
    if (this.next instanceof Error) throw this.next;
    return this.next;
  }
}

const spec: VolumeSpec = { name: 'v', podVolumeName: 'v', readOnly: false };

test('a failed refresh keeps what containers already see', async () => {
  const plugin = new ScriptedPlugin(false);
  const dir = path.join(work.dir, 'keep');
  plugin.next = new Map([['a', { data: 'v1', mode: 0o644 }]]);
  await plugin.setUp(testPod({}), spec, { dir });
  plugin.next = new VolumeError('ObjectNotFound', 'configmap "x" not found');
  await assert.rejects(plugin.refresh(testPod({}), spec, { dir }), /not found/);
  assert.equal(await readFile(path.join(dir, 'a'), 'utf8'), 'v1');
});

test('a failing first setUp after the dir was made removes it, and its tmpfs', async () => {
  const mounter = new FakeMounter();
  const plugin = new ScriptedPlugin(true, mounter);
  const dir = path.join(work.dir, 'fail');
  plugin.next = new Map([['..bad', { data: 'x', mode: 0o644 }]]);
  await assert.rejects(plugin.setUp(testPod({}), spec, { dir }), { code: 'InvalidPath' });
  await assert.rejects(stat(dir), /ENOENT/);
  assert.deepEqual(
    mounter.calls.map((c) => c.op),
    ['mount', 'unmount'],
  );
});
