/**
 * The kubelet against real containerd: the node registers Ready (its CNI config written from the podCIDR),
 * a hostNetwork busybox pod runs with a containerd:// id and its log, and a graceful delete removes it.
 * Everything is cleaned up afterwards: containerd, shims, mounts, cgroups, temp dirs.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENTS, PODS } from '../client/rest/resources.js';
import { CONFLIST_FILE } from './cni/conflist.js';
import type { ApiPod } from './kuberuntime/pod-types.js';
import type { ApiFixture } from './node/test-helpers.js';
import type { NodeHandle } from './setup.js';
import { startRealNode, waitFor, waitForNodeReady, type RealNodeFixture } from './testing/real-node.js';

let rn: RealNodeFixture | undefined;
let nodeName: string;
let dir: string;
let fx: ApiFixture;
let node: NodeHandle;

before(async () => {
  // No controller assigns CIDRs here: the fixture's Node carries one before the kubelet starts.
  rn = await startRealNode({ podCIDR: '10.244.251.0/24', prefix: 'kl-it' });
  ({ nodeName, dir, fx, node } = rn);
});

after(async () => {
  await rn?.close();
});

test('the node registers Ready with the CNI config for its podCIDR', async () => {
  const n = await waitForNodeReady(fx.nodes, nodeName);
  assert.match(n.status?.nodeInfo?.containerRuntimeVersion ?? '', /^containerd:\/\//);
  assert.equal(n.status?.nodeInfo?.kubeletVersion, 'v1.33.0-k8ts');
  assert.ok(existsSync(join(dir, 'ctd', 'cni', 'net.d', CONFLIST_FILE)));
  const lease = await fx.leases.get(nodeName);
  assert.equal(lease.spec?.holderIdentity, nodeName);
});

test('a hostNetwork busybox pod runs, logs, and is deleted cleanly', async () => {
  const pods = fx.client.resource<ApiPod>(PODS, 'default');
  await pods.create({
    metadata: { name: 'bb', namespace: 'default' } as ApiPod['metadata'],
    spec: {
      nodeName,
      hostNetwork: true,
      terminationGracePeriodSeconds: 2,
      containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo started; sleep 3600'] }],
    },
  });
  const pod = await waitFor('pod Running', async () => {
    const p = await pods.get('bb');
    return p.status?.phase === 'Running' ? p : undefined;
  });
  assert.match(pod.status?.containerStatuses?.[0]?.containerID ?? '', /^containerd:\/\/[0-9a-f]{64}$/);
  assert.equal(pod.status?.podIP, '127.0.0.1');
  const logFile = join(dir, 'kubelet', 'logs', `default_bb_${pod.metadata.uid}`, 'c', '0.log');
  await waitFor('container log', async () => ((await readFile(logFile, 'utf8').catch(() => '')).includes(' stdout F started') ? true : undefined));

  await pods.delete('bb');
  await waitFor('pod gone', async () => pods.get('bb').then(() => undefined, () => true));
  const left = await node.cri.listPodSandbox({});
  assert.deepEqual(left.items.map((s) => s.id), []);
});

test('a pod-network pod gets an IP on the podCIDR, turns Ready by its readiness probe and serves the host', async () => {
  const pods = fx.client.resource<ApiPod>(PODS, 'default');
  await pods.create({
    metadata: { name: 'web', namespace: 'default' } as ApiPod['metadata'],
    spec: {
      nodeName,
      terminationGracePeriodSeconds: 2,
      containers: [
        {
          name: 'web',
          image: 'busybox',
          command: ['sh', '-c', 'mkdir -p /www && echo hello-from-pod >/www/index.html && httpd -f -p 80 -h /www'],
          readinessProbe: { httpGet: { path: '/index.html', port: 80 }, periodSeconds: 1 },
        },
      ],
    },
  });
  const pod = await waitFor('web Ready', async () => {
    const p = await pods.get('web');
    return p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' ? p : undefined;
  });
  const ip = pod.status?.podIP ?? '';
  assert.match(ip, /^10\.244\.251\.\d+$/);
  const body = await (await fetch(`http://${ip}/index.html`, { signal: AbortSignal.timeout(3000) })).text();
  assert.equal(body.trim(), 'hello-from-pod');
  await pods.delete('web');
  await waitFor('web gone', async () => pods.get('web').then(() => undefined, () => true));
});

test('a failing liveness probe restarts the container and records Unhealthy', async () => {
  const pods = fx.client.resource<ApiPod>(PODS, 'default');
  await pods.create({
    metadata: { name: 'live', namespace: 'default' } as ApiPod['metadata'],
    spec: {
      nodeName,
      hostNetwork: true,
      terminationGracePeriodSeconds: 1,
      containers: [
        {
          name: 'c',
          image: 'busybox',
          command: ['sh', '-c', 'touch /tmp/ok; sleep 2; rm /tmp/ok; sleep 600'],
          livenessProbe: { exec: { command: ['test', '-f', '/tmp/ok'] }, initialDelaySeconds: 1, periodSeconds: 1, failureThreshold: 1 },
        },
      ],
    },
  });
  await waitFor('a restart', async () => ((await pods.get('live')).status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1 || undefined, 45_000);
  const events = (await fx.client.resource<{ metadata?: { name?: string }; reason: string; involvedObject: { name: string } }>(EVENTS, 'default').list()).items;
  assert.ok(events.some((e) => e.involvedObject.name === 'live' && e.reason === 'Unhealthy'));
  await pods.delete('live');
  await waitFor('live gone', async () => pods.get('live').then(() => undefined, () => true));
});
