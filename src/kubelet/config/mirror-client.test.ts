import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { isMirrorPodOf, mirrorPodFor } from './mirror-client.js';
import { CONFIG_HASH_ANNOTATION, CONFIG_MIRROR_ANNOTATION } from './static-pod.js';

const staticPod: ApiPod = {
  metadata: {
    name: 'web-n1',
    namespace: 'default',
    uid: 'h1',
    labels: { app: 'web' },
    annotations: { [CONFIG_HASH_ANNOTATION]: 'h1' },
  },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'busybox' }] },
  status: { phase: 'Pending' },
};

test('mirrorPodFor copies the static pod, adds the mirror annotation and the Node as owner, drops uid and status', () => {
  const m = mirrorPodFor(staticPod, 'n1', 'node-uid');
  assert.equal(m.metadata.name, 'web-n1');
  assert.equal(m.metadata.uid, undefined);
  assert.equal(m.status, undefined);
  assert.deepEqual(m.metadata.labels, { app: 'web' });
  assert.equal(m.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION], 'h1');
  assert.deepEqual(m.metadata.ownerReferences, [
    { apiVersion: 'v1', kind: 'Node', name: 'n1', uid: 'node-uid', controller: true },
  ]);
  assert.deepEqual(m.spec, staticPod.spec);
  assert.equal(staticPod.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION], undefined, 'the static pod is not changed');
});

test('isMirrorPodOf compares name, namespace and hash', () => {
  const mirror = mirrorPodFor(staticPod, 'n1', 'u');
  const cases = [
    { name: 'same', pod: staticPod, want: true },
    {
      name: 'new hash',
      pod: { ...staticPod, metadata: { ...staticPod.metadata, annotations: { [CONFIG_HASH_ANNOTATION]: 'h2' } } },
      want: false,
    },
    {
      name: 'other namespace',
      pod: { ...staticPod, metadata: { ...staticPod.metadata, namespace: 'kube-system' } },
      want: false,
    },
  ];
  for (const c of cases) assert.equal(isMirrorPodOf(mirror, c.pod), c.want, c.name);
});
