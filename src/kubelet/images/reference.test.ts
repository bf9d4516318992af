import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageRepository, normalizeImageName, parseImageReference } from './reference.js';

test('normalizeImageName fills in docker.io, library/ and latest like containerd', () => {
  const digest = `sha256:${'a'.repeat(64)}`;
  const cases = [
    { input: 'busybox', want: 'docker.io/library/busybox:latest' },
    { input: 'busybox:1.36', want: 'docker.io/library/busybox:1.36' },
    { input: 'library/nginx', want: 'docker.io/library/nginx:latest' },
    { input: 'bitnami/nginx:1.2', want: 'docker.io/bitnami/nginx:1.2' },
    { input: 'index.docker.io/library/nginx:1', want: 'docker.io/library/nginx:1' },
    { input: 'registry.k8s.io/pause:3.10', want: 'registry.k8s.io/pause:3.10' },
    { input: '127.0.0.1:5000/app', want: '127.0.0.1:5000/app:latest' },
    { input: 'localhost/app:v1', want: 'localhost/app:v1' },
    { input: `busybox@${digest}`, want: `docker.io/library/busybox@${digest}` },
    { input: `busybox:1.36@${digest}`, want: `docker.io/library/busybox:1.36@${digest}` },
  ];
  for (const c of cases) assert.equal(normalizeImageName(c.input), c.want, c.input);
});

test('parseImageReference rejects malformed references', () => {
  for (const bad of ['', 'Busybox', 'busybox:', 'a b', 'busybox@sha256:xyz', 'busybox:bad/tag']) {
    assert.throws(() => parseImageReference(bad), /invalid/, bad);
  }
});

test('imageRepository drops tag and digest', () => {
  assert.equal(imageRepository('nginx:1.26'), 'docker.io/library/nginx');
  assert.equal(imageRepository('127.0.0.1:5000/x/y:z'), '127.0.0.1:5000/x/y');
});
