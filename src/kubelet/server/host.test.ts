import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { podManagerHost } from './host.js';

const pod = (
  name: string,
  uid: string,
  extra: Partial<ApiPod['metadata']> = {},
  status?: ApiPod['status'],
): ApiPod => ({
  metadata: { name, namespace: 'ns', uid, ...extra },
  spec: { containers: [{ name: 'c' }] },
  status,
});

test('podManagerHost serves static pods with their mirror status and hides mirror pods', () => {
  const mirror = pod(
    'etcd-n',
    'mirror-uid',
    { annotations: { 'kubernetes.io/config.mirror': 'h' } },
    { phase: 'Running' },
  );
  const plain = pod('web', 'web-uid', {}, { phase: 'Pending' });
  const stat = pod('etcd-n', 'static-uid', { annotations: { 'kubernetes.io/config.source': 'file' } });
  const api = new Map([mirror, plain].map((p) => [p.metadata.name, p]));
  const host = podManagerHost({
    apiPods: () => [...api.values()],
    apiPod: (_ns, name) => api.get(name),
    staticPod: (_ns, name) => (name === 'etcd-n' ? stat : undefined),
    staticPods: () => [stat],
  });
  const cases: { name: string; want?: { uid: string; phase?: string } }[] = [
    { name: 'web', want: { uid: 'web-uid', phase: 'Pending' } },
    { name: 'etcd-n', want: { uid: 'static-uid', phase: 'Running' } },
    { name: 'nope' },
  ];
  for (const c of cases) {
    const got = host.getPod('ns', c.name);
    assert.deepEqual(got && { uid: got.metadata.uid, phase: got.status?.phase }, c.want, c.name);
  }
  assert.deepEqual(
    host.listPods().map((p) => p.metadata.uid),
    ['web-uid', 'static-uid'],
  );
});
