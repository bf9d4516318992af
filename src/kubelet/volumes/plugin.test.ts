import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registryFromMap, VolumePluginRegistry, type VolumePlugin, type VolumeSpec } from './plugin.js';

function plugin(name: string, supports: (s: VolumeSpec) => boolean): VolumePlugin {
  return {
    name,
    canSupport: supports,
    setUp: async (_p, _s, ctx) => ({ hostPath: ctx.dir, readOnly: false }),
    tearDown: async () => undefined,
  };
}

const spec = (volume: Record<string, unknown>): VolumeSpec => ({
  name: 'v',
  podVolumeName: 'v',
  volume: { name: 'v', ...volume },
  readOnly: false,
});

test('the registry refuses duplicates and lists names sorted', () => {
  const r = new VolumePluginRegistry([plugin('z/b', () => false), plugin('a/x', () => false)]);
  assert.deepEqual(r.list(), ['a/x', 'z/b']);
  assert.throws(() => r.register(plugin('a/x', () => true)), /registered twice/);
  assert.throws(
    () => new VolumePluginRegistry([plugin('dup', () => true), plugin('dup', () => true)]),
    /registered twice/,
  );
  assert.throws(() => registryFromMap(new Map([['x', plugin('y', () => true)]])), /registered as "x" is named "y"/);
  assert.deepEqual(registryFromMap(new Map([['x', plugin('x', () => true)]])).list(), ['x']);
});

test('findPluginBySpec wants exactly one plugin, with upstream messages', () => {
  const r = new VolumePluginRegistry([
    plugin('k/empty', (s) => s.volume?.emptyDir !== undefined),
    plugin('k/greedy', (s) => s.volume?.nfs !== undefined),
    plugin('k/greedy2', (s) => s.volume?.nfs !== undefined),
  ]);
  assert.equal(r.findPluginBySpec(spec({ emptyDir: {} })).name, 'k/empty');
  const cases = [
    {
      volume: { csi: {} },
      message: 'failed to get Plugin from volumeSpec for volume "v" err=no volume plugin matched',
    },
    {
      volume: { nfs: {} },
      message:
        'failed to get Plugin from volumeSpec for volume "v" err=multiple volume plugins matched: k/greedy,k/greedy2',
    },
  ];
  for (const c of cases)
    assert.throws(() => r.findPluginBySpec(spec(c.volume)), { code: 'NoPlugin', message: c.message });
});
