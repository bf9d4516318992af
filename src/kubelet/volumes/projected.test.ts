import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FakeObjectSource, FakeTokenSource, isRoot, tempDir, testPod } from './fakes.js';
import { FakeMounter } from './mounter.js';
import type { VolumeSpec } from './plugin.js';
import { ProjectedPlugin } from './projected.js';
import type { ProjectedVolumeSource } from './types.js';

const work = await tempDir();
after(() => work.cleanup());

const b64 = (s: string) => Buffer.from(s).toString('base64');

function spec(projected: ProjectedVolumeSource): VolumeSpec {
  return {
    name: 'kube-api-access',
    podVolumeName: 'kube-api-access',
    volume: { name: 'kube-api-access', projected },
    readOnly: false,
  };
}

const apiAccess: ProjectedVolumeSource = {
  defaultMode: 0o644,
  sources: [
    { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    {
      downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] },
    },
  ],
};

function setup() {
  const objects = new FakeObjectSource();
  objects.configMaps.set('default/kube-root-ca.crt', { data: { 'ca.crt': 'CERT' } });
  objects.secrets.set('default/s', { data: { k: b64('secret-v') } });
  const tokens = new FakeTokenSource();
  const mounter = new FakeMounter();
  const plugin = new ProjectedPlugin({ objects, tokens, mounter, nodeAllocatable: () => ({ memory: '1Gi' }) });
  return { objects, tokens, mounter, plugin };
}

test('a kube-api-access volume gets token, CA and namespace on a tmpfs', async () => {
  const { tokens, mounter, plugin } = setup();
  const dir = path.join(work.dir, 'access');
  const pod = testPod({ serviceAccountName: 'builder' }, { uid: 'u-9' });
  await plugin.setUp(pod, spec(apiAccess), { dir });
  assert.deepEqual((await readdir(dir)).filter((n) => !n.startsWith('..')).sort(), ['ca.crt', 'namespace', 'token']);
  assert.equal(await readFile(path.join(dir, 'token'), 'utf8'), 'token-1');
  assert.equal(await readFile(path.join(dir, 'ca.crt'), 'utf8'), 'CERT');
  assert.equal(await readFile(path.join(dir, 'namespace'), 'utf8'), 'default');
  assert.equal((await stat(path.join(dir, 'token'))).mode & 0o777, 0o644);
  assert.deepEqual(tokens.requests, [
    {
      namespace: 'default',
      serviceAccountName: 'builder',
      audiences: [],
      expirationSeconds: 3607,
      boundPod: { name: 'web', uid: 'u-9' },
    },
  ]);
  assert.equal(mounter.calls[0]!.fsType, 'tmpfs');
  // A refresh with a new token rewrites atomically.
  await plugin.refresh(pod, spec(apiAccess), { dir });
  assert.equal(await readFile(path.join(dir, 'token'), 'utf8'), 'token-2');
  await plugin.tearDown({ podUid: 'u-9', specName: 'kube-api-access', dir });
  assert.deepEqual(tokens.forgotten, ['u-9']);
  assert.deepEqual(await mounter.listMounts(), []);
});

test(
  'token mode: 0600 with fsUser or fsGroup, owned by fsUser',
  { skip: !isRoot && 'needs root to chown' },
  async () => {
    const cases = [
      { name: 'neither', ctx: {}, mode: 0o644 },
      { name: 'fsGroup', ctx: { fsGroup: 3000 }, mode: 0o640 },
      { name: 'fsUser', ctx: { fsUser: 1001 }, mode: 0o600, uid: 1001 },
    ];
    for (const c of cases) {
      const { plugin } = setup();
      const dir = path.join(work.dir, `mode-${c.name}`);
      await plugin.setUp(testPod({}), spec({ sources: [{ serviceAccountToken: { path: 'token' } }] }), {
        dir,
        ...c.ctx,
      });
      const st = await stat(path.join(dir, 'token'));
      assert.equal(st.mode & 0o777, c.mode, c.name);
      if (c.uid !== undefined) assert.equal(st.uid, c.uid, c.name);
      await plugin.tearDown({ podUid: 'pod-uid-1', specName: 'kube-api-access', dir });
    }
  },
);

test('errors of all sources are aggregated; nothing is left behind', async () => {
  const { plugin, mounter } = setup();
  const dir = path.join(work.dir, 'bad');
  await assert.rejects(
    plugin.setUp(
      testPod({}),
      spec({ sources: [{ secret: { name: 'missing' } }, { configMap: { name: 'gone' } }, { secret: { name: 's' } }] }),
      { dir },
    ),
    { code: 'ObjectNotFound', message: '[secret "missing" not found, configmap "gone" not found]' },
  );
  await assert.rejects(plugin.setUp(testPod({}), spec({ sources: [{ configMap: { name: 'gone' } }] }), { dir }), {
    message: 'configmap "gone" not found',
  });
  await assert.rejects(stat(dir), /ENOENT/);
  assert.deepEqual(mounter.calls, []);
});

test('optional sources and merge order', async () => {
  const { plugin } = setup();
  const dir = path.join(work.dir, 'merge');
  await plugin.setUp(
    testPod({}),
    spec({
      sources: [
        { secret: { name: 's', items: [{ key: 'k', path: 'same' }] } },
        { configMap: { name: 'nope', optional: true } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'same' }] } },
      ],
    }),
    { dir },
  );
  assert.equal(await readFile(path.join(dir, 'same'), 'utf8'), 'CERT', 'later sources win');
  await plugin.tearDown({ podUid: 'pod-uid-1', specName: 'x', dir });
});
