import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offMachinePull, registryOf } from './registry-guard.js';

test('registryOf follows the docker reference grammar', () => {
  const cases: Array<[string, string]> = [
    ['busybox', 'docker.io'],
    ['library/busybox:1.36', 'docker.io'],
    ['nginx@sha256:abc', 'docker.io'],
    ['quay.io/coreos/etcd:v3', 'quay.io'],
    ['127.0.0.1:5000/x', '127.0.0.1:5000'],
    ['localhost/x', 'localhost'],
    ['registry.example.com:443/a/b', 'registry.example.com:443'],
    ['[::1]:5000/x', '[::1]:5000'],
  ];
  for (const [image, want] of cases) assert.equal(registryOf(image), want, image);
});

test('pulls stay on the machine: mirrored registries and loopback only', () => {
  for (const ok of ['busybox', 'nginx:1.21', 'docker.io/library/nginx', 'registry.k8s.io/pause:3.9', '127.0.0.1:9/no-such-image:1', 'localhost:5000/a', '[::1]:5000/a']) {
    assert.equal(offMachinePull(ok), undefined, ok);
  }
  for (const bad of ['example.com/app:1', '10.0.0.5:5000/app', 'my.registry:5000/x']) {
    assert.match(offMachinePull(bad) ?? '', /^pulling from registry \S+ is not allowed/, bad);
  }
});
