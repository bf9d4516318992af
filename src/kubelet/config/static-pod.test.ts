import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONFIG_HASH_ANNOTATION,
  CONFIG_MIRROR_ANNOTATION,
  CONFIG_SEEN_ANNOTATION,
  CONFIG_SOURCE_ANNOTATION,
  isMirrorPod,
  isStaticPod,
  staticPodFromManifest,
} from './static-pod.js';

const ctx = { file: '/etc/manifests/web.yaml', nodeName: 'node-a', seen: '2026-11-23T10:00:00.000Z' };
const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - name: c
    image: busybox
`;

test('staticPodFromManifest names, binds, annotates and defaults a static pod', () => {
  const res = staticPodFromManifest(yaml, ctx);
  assert.ok(res.ok, res.ok ? '' : res.error);
  const pod = res.pod;
  assert.equal(pod.metadata.name, 'web-node-a');
  assert.equal(pod.metadata.namespace, 'default');
  assert.equal(pod.spec.nodeName, 'node-a');
  assert.match(pod.metadata.uid, /^[0-9a-f]{32}$/);
  assert.deepEqual(pod.metadata.annotations, {
    [CONFIG_HASH_ANNOTATION]: pod.metadata.uid,
    [CONFIG_SOURCE_ANNOTATION]: 'file',
    [CONFIG_SEEN_ANNOTATION]: ctx.seen,
  });
  assert.equal(pod.spec.restartPolicy, 'Always');
  assert.equal(pod.spec.terminationGracePeriodSeconds, 30);
  assert.equal(pod.spec.dnsPolicy, 'ClusterFirst');
  assert.equal(pod.spec.containers[0]!.imagePullPolicy, 'Always');
  assert.deepEqual(pod.spec.tolerations, [{ operator: 'Exists', effect: 'NoExecute' }]);
  assert.equal(pod.status?.phase, 'Pending');
  assert.ok(isStaticPod(pod));
  assert.ok(!isMirrorPod(pod));
});

test('the UID depends on node, file and content but not on when the pod was seen', () => {
  const uid = (text: string, over: Partial<typeof ctx> = {}) => {
    const r = staticPodFromManifest(text, { ...ctx, ...over });
    assert.ok(r.ok);
    return r.pod.metadata.uid;
  };
  const base = uid(yaml);
  const cases = [
    { name: 'same input', got: uid(yaml), same: true },
    { name: 'other seen time', got: uid(yaml, { seen: 'later' }), same: true },
    {
      name: 'JSON of the same pod',
      got: uid(
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'web', labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'busybox' }] },
        }),
      ),
      same: true,
    },
    { name: 'other node', got: uid(yaml, { nodeName: 'node-b' }), same: false },
    { name: 'other file', got: uid(yaml, { file: '/etc/manifests/web2.yaml' }), same: false },
    { name: 'edited content', got: uid(yaml.replace('busybox', 'nginx')), same: false },
  ];
  for (const c of cases) assert.equal(c.got === base, c.same, c.name);
});

test('staticPodFromManifest keeps a namespace and tolerations that are set', () => {
  const res = staticPodFromManifest(
    yaml
      .replace('  name: web\n', '  name: web\n  namespace: kube-system\n')
      .replace('spec:\n', 'spec:\n  tolerations: [{operator: Exists, effect: NoExecute}]\n'),
    ctx,
  );
  assert.ok(res.ok);
  assert.equal(res.pod.metadata.namespace, 'kube-system');
  assert.equal((res.pod.spec.tolerations as unknown[]).length, 1);
});

test('staticPodFromManifest rejects what is not a valid Pod, saying why', () => {
  const cases = [
    { name: 'broken YAML', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: [\n', want: /couldn't parse/ },
    { name: 'a list', text: '- a\n- b\n', want: /not an object/ },
    {
      name: 'another kind',
      text: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {}\n',
      want: /kind Service/,
    },
    {
      name: 'no name',
      text: 'apiVersion: v1\nkind: Pod\nmetadata: {}\nspec: {containers: [{name: c, image: busybox}]}\n',
      want: /metadata.name/,
    },
    {
      name: 'no containers',
      text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n',
      want: /invalid pod: spec.containers/,
    },
    { name: 'empty file', text: '', want: /not an object/ },
  ];
  for (const c of cases) {
    const res = staticPodFromManifest(c.text, ctx);
    assert.ok(!res.ok, c.name);
    assert.match(res.error, c.want, c.name);
  }
});

test('isMirrorPod looks at the mirror annotation', () => {
  assert.ok(isMirrorPod({ metadata: { annotations: { [CONFIG_MIRROR_ANNOTATION]: 'h' } } }));
  assert.ok(!isMirrorPod({ metadata: {} }));
  assert.ok(!isStaticPod({ metadata: { annotations: { [CONFIG_SOURCE_ANNOTATION]: 'api' } } }));
});
