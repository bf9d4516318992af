import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  collectDownwardAPI,
  DownwardAPIPlugin,
  extractFieldPath,
  formatMap,
  splitSubscriptedPath,
} from './downward-api.js';
import { tempDir, testPod } from './fakes.js';
import { FakeMounter } from './mounter.js';

const work = await tempDir();
after(() => work.cleanup());

const pod = testPod(
  {
    containers: [{ name: 'app', resources: { limits: { cpu: '500m', memory: '128Mi' } } }],
  },
  {
    uid: 'u-1',
    labels: { zone: 'us-east', app: 'web', 'k8s.io/x': 'say "hi"\n' },
    annotations: { 'build/Commit': 'abc' },
  },
);

test('formatMap sorts keys and quotes values as Go does', () => {
  assert.equal(formatMap(pod.metadata.labels), 'app="web"\nk8s.io/x="say \\"hi\\"\\n"\nzone="us-east"');
  assert.equal(formatMap(undefined), '');
});

test('extractFieldPath serves the metadata fields upstream allows', () => {
  const cases: { path: string; want?: string; err?: string }[] = [
    { path: 'metadata.name', want: 'web' },
    { path: 'metadata.namespace', want: 'default' },
    { path: 'metadata.uid', want: 'u-1' },
    { path: 'metadata.labels', want: 'app="web"\nk8s.io/x="say \\"hi\\"\\n"\nzone="us-east"' },
    { path: 'metadata.annotations', want: 'build/Commit="abc"' },
    { path: "metadata.labels['app']", want: 'web' },
    { path: "metadata.labels['missing']", want: '' },
    { path: "metadata.annotations['build/Commit']", want: 'abc' },
    { path: 'spec.nodeName', err: 'unsupported fieldPath: spec.nodeName' },
    { path: "metadata.name['x']", err: 'fieldPath "metadata.name[\'x\']" does not support subscript' },
    { path: "metadata.labels['bad key!']", err: "invalid key subscript in metadata.labels['bad key!']" },
  ];
  for (const c of cases) {
    if (c.err)
      assert.throws(
        () => extractFieldPath(pod, c.path),
        (e: Error) => e.message.startsWith(c.err!),
        c.path,
      );
    else assert.equal(extractFieldPath(pod, c.path), c.want, c.path);
  }
  assert.deepEqual(splitSubscriptedPath("a['b']"), ['a', 'b']);
  assert.equal(splitSubscriptedPath("['b']"), undefined);
});

test('collectDownwardAPI writes every item and aggregates the failures', async () => {
  const allocatable = async () => ({ cpu: '2', memory: '1Gi' });
  const files = await collectDownwardAPI(
    [
      { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
      { path: './dir/labels', fieldRef: { fieldPath: 'metadata.labels' }, mode: 0o400 },
      { path: 'mem', resourceFieldRef: { containerName: 'app', resource: 'limits.memory', divisor: '1Mi' } },
      { path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'limits.cpu', divisor: '1m' } },
    ],
    pod,
    allocatable,
    0o644,
  );
  assert.deepEqual([...files.keys()], ['name', 'dir/labels', 'mem', 'cpu']);
  assert.equal(files.get('mem')!.data, '128');
  assert.equal(files.get('cpu')!.data, '500');
  assert.equal(files.get('dir/labels')!.mode, 0o400);
  await assert.rejects(
    collectDownwardAPI(
      [
        { path: 'a', fieldRef: { fieldPath: 'spec.nodeName' } },
        { path: 'b', resourceFieldRef: { containerName: 'nope', resource: 'limits.cpu' } },
      ],
      pod,
      allocatable,
      0o644,
    ),
    { code: 'DownwardAPI', message: '[unsupported fieldPath: spec.nodeName, container nope not found]' },
  );
});

test('the plugin publishes files and refresh follows label changes', async () => {
  const plugin = new DownwardAPIPlugin({
    mounter: new FakeMounter(),
    nodeAllocatable: () => ({ cpu: '1', memory: '1Gi' }),
  });
  const volume = {
    name: 'info',
    downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] },
  };
  const spec = { name: 'info', podVolumeName: 'info', volume, readOnly: false };
  assert.ok(plugin.canSupport(spec));
  const dir = path.join(work.dir, 'info');
  const res = await plugin.setUp(pod, spec, { dir });
  assert.deepEqual(res, { hostPath: dir, readOnly: true });
  assert.match(await readFile(path.join(dir, 'labels'), 'utf8'), /^app="web"/);
  assert.equal((await stat(path.join(dir, 'labels'))).mode & 0o777, 0o644);
  const relabeled = { ...pod, metadata: { ...pod.metadata, labels: { tier: 'gold' } } };
  await plugin.refresh(relabeled, spec, { dir });
  assert.equal(await readFile(path.join(dir, 'labels'), 'utf8'), 'tier="gold"');
  await plugin.tearDown({ podUid: 'u-1', specName: 'info', dir });
  assert.deepEqual(await readdir(work.dir), []);
});
