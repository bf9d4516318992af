import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeObjectSource } from './fakes.js';
import { FakeMounter } from './mounter.js';
import { VolumePluginRegistry, type VolumeSpec } from './plugin.js';
import { standardVolumePlugins } from './standard-plugins.js';

test('the standard plugins register cleanly and each volume source has exactly one', () => {
  const registry = new VolumePluginRegistry(
    standardVolumePlugins({ mounter: new FakeMounter(), objects: new FakeObjectSource() }),
  );
  assert.deepEqual(registry.list(), [
    'kubernetes.io/configmap',
    'kubernetes.io/downward-api',
    'kubernetes.io/empty-dir',
    'kubernetes.io/host-path',
    'kubernetes.io/local-volume',
    'kubernetes.io/projected',
    'kubernetes.io/secret',
  ]);
  const inline = (source: Record<string, unknown>): VolumeSpec => ({
    name: 'v',
    podVolumeName: 'v',
    volume: { name: 'v', ...source },
    readOnly: false,
  });
  const cases: { spec: VolumeSpec; want: string }[] = [
    { spec: inline({ emptyDir: {} }), want: 'kubernetes.io/empty-dir' },
    { spec: inline({ hostPath: { path: '/x' } }), want: 'kubernetes.io/host-path' },
    { spec: inline({ configMap: { name: 'c' } }), want: 'kubernetes.io/configmap' },
    { spec: inline({ secret: { secretName: 's' } }), want: 'kubernetes.io/secret' },
    { spec: inline({ downwardAPI: { items: [] } }), want: 'kubernetes.io/downward-api' },
    { spec: inline({ projected: { sources: [] } }), want: 'kubernetes.io/projected' },
    {
      spec: {
        name: 'pv',
        podVolumeName: 'v',
        persistentVolume: { metadata: { name: 'pv' }, spec: { local: { path: '/mnt' } } },
        readOnly: false,
      },
      want: 'kubernetes.io/local-volume',
    },
    {
      spec: {
        name: 'pv',
        podVolumeName: 'v',
        persistentVolume: { metadata: { name: 'pv' }, spec: { hostPath: { path: '/mnt' } } },
        readOnly: false,
      },
      want: 'kubernetes.io/host-path',
    },
  ];
  for (const c of cases) assert.equal(registry.findPluginBySpec(c.spec).name, c.want);
  assert.throws(() => registry.findPluginBySpec(inline({ nfs: { server: 'x' } })), /no volume plugin matched/);
});
