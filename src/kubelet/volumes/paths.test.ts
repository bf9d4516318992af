import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeQualifiedName, PodVolumePaths, unescapeQualifiedName } from './paths.js';

test('plugin names escape to directory names and back', () => {
  for (const name of ['kubernetes.io/empty-dir', 'kubernetes.io/configmap', 'example.com/x']) {
    assert.ok(!escapeQualifiedName(name).includes('/'));
    assert.equal(unescapeQualifiedName(escapeQualifiedName(name)), name);
  }
  assert.equal(escapeQualifiedName('kubernetes.io/empty-dir'), 'kubernetes.io~empty-dir');
});

test('the layout matches upstream kubelet directories', () => {
  const p = new PodVolumePaths('/var/lib/kubelet');
  const cases = [
    { got: p.podDir('u1'), want: '/var/lib/kubelet/pods/u1' },
    {
      got: p.volumeDir('u1', 'kubernetes.io/empty-dir', 'cache'),
      want: '/var/lib/kubelet/pods/u1/volumes/kubernetes.io~empty-dir/cache',
    },
    { got: p.subPathTarget('u1', 'data', 'app', 2), want: '/var/lib/kubelet/pods/u1/volume-subpaths/data/app/2' },
  ];
  for (const c of cases) assert.equal(c.got, c.want);
});

test('names that are not one path segment are refused', () => {
  const p = new PodVolumePaths('/r');
  for (const bad of ['', '.', '..', 'a/b', '../x']) {
    assert.throws(() => p.volumeDir('u1', 'kubernetes.io/empty-dir', bad), /invalid volume name/, bad);
    assert.throws(() => p.podDir(bad), /invalid pod uid/, bad);
  }
});
