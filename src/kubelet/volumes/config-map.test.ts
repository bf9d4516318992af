import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { FakeClock } from '../../util/clock.js';
import { ConfigMapPlugin } from './config-map.js';
import { FakeObjectSource, isRoot, tempDir, testPod } from './fakes.js';
import { FakeMounter } from './mounter.js';
import type { VolumeSpec } from './plugin.js';
import type { ConfigMapVolumeSource } from './types.js';

const work = await tempDir();
after(() => work.cleanup());

function spec(configMap: ConfigMapVolumeSource): VolumeSpec {
  return { name: 'cfg', podVolumeName: 'cfg', volume: { name: 'cfg', configMap }, readOnly: false };
}

function setup() {
  const objects = new FakeObjectSource();
  const clock = new FakeClock(Date.UTC(2026, 10, 23, 13, 2, 1));
  const mounter = new FakeMounter();
  const plugin = new ConfigMapPlugin({ objects, clock, mounter });
  return { objects, clock, mounter, plugin };
}

let seq = 0;
const nextDir = () => path.join(work.dir, `cfg${seq++}`);

test('setUp projects keys as atomic-writer links, read-only, default mode 0644', async () => {
  const { objects, plugin, mounter } = setup();
  objects.configMaps.set('default/app', { data: { 'app.conf': 'a=1', other: 'x' } });
  const dir = nextDir();
  const res = await plugin.setUp(testPod({}), spec({ name: 'app' }), { dir });
  assert.deepEqual(res, { hostPath: dir, readOnly: true });
  const names = (await readdir(dir)).sort();
  assert.deepEqual(
    names.filter((n) => !n.startsWith('..2026')),
    ['..data', 'app.conf', 'other'],
  );
  assert.match(names[0]!, /^\.\.2026_11_23_13_02_01\.\d+$/);
  assert.equal(await readlink(path.join(dir, 'app.conf')), '..data/app.conf');
  assert.equal(await readFile(path.join(dir, 'app.conf'), 'utf8'), 'a=1');
  assert.equal((await stat(path.join(dir, 'app.conf'))).mode & 0o777, 0o644);
  assert.equal((await stat(dir)).mode & 0o777, 0o777);
  assert.deepEqual(mounter.calls, [], 'configMaps live on disk');
});

test('items, item modes and defaultMode', async () => {
  const { objects, plugin } = setup();
  objects.configMaps.set('default/app', { data: { a: 'A', b: 'B' } });
  const dir = nextDir();
  await plugin.setUp(
    testPod({}),
    spec({
      name: 'app',
      defaultMode: 0o440,
      items: [
        { key: 'a', path: 'x/a' },
        { key: 'b', path: 'b', mode: 0o400 },
      ],
    }),
    { dir },
  );
  assert.deepEqual((await readdir(dir)).filter((n) => !n.startsWith('..')).sort(), ['b', 'x']);
  assert.equal((await stat(path.join(dir, 'x', 'a'))).mode & 0o777, 0o440);
  assert.equal((await stat(path.join(dir, 'b'))).mode & 0o777, 0o400);
});

test('a missing configMap fails with the upstream message and leaves nothing behind', async () => {
  const cases = [
    { name: 'missing map', source: { name: 'x' }, code: 'ObjectNotFound', message: 'configmap "x" not found' },
    {
      name: 'missing key',
      source: { name: 'app', items: [{ key: 'missing-key', path: 'p' }] },
      code: 'KeyNotFound',
      message: 'configmap references non-existent config key: missing-key',
    },
  ];
  for (const c of cases) {
    const { objects, plugin } = setup();
    objects.configMaps.set('default/app', { data: { a: 'A' } });
    const dir = nextDir();
    await assert.rejects(
      plugin.setUp(testPod({}), spec(c.source), { dir }),
      { code: c.code, message: c.message },
      c.name,
    );
    await assert.rejects(stat(dir), /ENOENT/, c.name);
  }
});

test('optional: empty while missing, filled by refresh, emptied again when deleted', async () => {
  const { objects, plugin, clock } = setup();
  const dir = nextDir();
  const s = spec({ name: 'late', optional: true });
  await plugin.setUp(testPod({}), s, { dir });
  assert.deepEqual(
    (await readdir(dir)).filter((n) => !n.startsWith('..')),
    [],
  );
  objects.configMaps.set('default/late', { data: { k: 'v1' } });
  clock.step(1000);
  await plugin.refresh(testPod({}), s, { dir });
  assert.equal(await readFile(path.join(dir, 'k'), 'utf8'), 'v1');
  objects.configMaps.set('default/late', { data: { k: 'v2' } });
  clock.step(1000);
  await plugin.refresh(testPod({}), s, { dir });
  assert.equal(await readFile(path.join(dir, 'k'), 'utf8'), 'v2');
  assert.equal((await readdir(dir)).filter((n) => /^\.\.\d/.test(n)).length, 1, 'old versions removed');
  objects.configMaps.delete('default/late');
  await plugin.refresh(testPod({}), s, { dir });
  assert.deepEqual(
    (await readdir(dir)).filter((n) => !n.startsWith('..')),
    [],
  );
});

test('fsGroup owns the files, read-only group bits', { skip: !isRoot && 'needs root to chown' }, async () => {
  const { objects, plugin } = setup();
  objects.configMaps.set('default/app', { data: { a: 'A' } });
  const dir = nextDir();
  await plugin.setUp(testPod({}), spec({ name: 'app', defaultMode: 0o400 }), { dir, fsGroup: 2000 });
  const st = await stat(path.join(dir, 'a'));
  assert.equal(st.gid, 2000);
  assert.equal(st.mode & 0o777, 0o440);
});
