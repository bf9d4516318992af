import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../util/clock.js';
import { silentLogger } from '../util/log.js';
import { PODS } from '../client/rest/resources.js';
import { FakeCriClient } from './cri/fake-client.js';
import { Kubelet, type KubeletOptions } from './kubelet.js';
import { settle } from '../testing/wait-for.js';
import type { ApiPod } from './kuberuntime/pod-types.js';
import type { PodVolumes } from './kuberuntime/runtime-manager.js';
import { startApiFixture, testMachine, type ApiFixture } from './node/test-helpers.js';
import { housekeepingConfigFromFlags } from './gc/housekeeping-flags.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let fx: ApiFixture;
before(async () => {
  fx = await startApiFixture();
});
after(async () => {
  await fx.close();
});

/** Polls through real API round trips (no fake-clock timers) until `pred` holds; names the last value if not. */
async function eventually<T>(read: () => Promise<T>, pred: (v: T) => boolean, what: string): Promise<T> {
  let v = await read();
  await settle(what, async () => pred((v = await read()))).catch(() => undefined);
  assert.ok(pred(v), `timed out waiting for ${what}: ${JSON.stringify(v)}`);
  return v;
}

const Mi = 1024 ** 2;

const volumes: PodVolumes = { mountPodVolumes: async () => undefined, containerMounts: async () => [], unmountPodVolumes: async () => undefined };

/** A kubelet on the fake runtime and an injected clock, named `name` with node IP `nodeIP`. */
function testKubelet(name: string, nodeIP: string, extra: Partial<KubeletOptions> = {}) {
  const clock = new FakeClock(Date.now());
  const cri = new FakeCriClient({ clock });
  const kubelet = new Kubelet({
    client: fx.client,
    cri,
    identity: { nodeName: name, hostname: name, nodeIP },
    machine: testMachine,
    volumes,
    env: { configMap: async () => undefined, secret: async () => undefined, services: async () => [] },
    settings: { podLogsDir: '/tmp/pods', cgroupRoot: `/k8ts/${name}` },
    clock,
    logger: silentLogger,
    ...extra,
  });
  return { clock, cri, kubelet };
}

test('kubelet registers Ready, runs a bound pod, notices its exit and deletes it cleanly', async () => {
  const { clock, cri, kubelet } = testKubelet('node-a', '10.9.0.1');
  cri.images.add('docker.io/library/busybox:latest');
  const ac = new AbortController();
  const running = kubelet.run(ac.signal);
  try {
    const node = await eventually(() => fx.nodes.get('node-a').catch(() => undefined), (n) => n?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True', 'node Ready');
    assert.equal(node?.metadata.labels?.['kubernetes.io/hostname'], 'node-a');

    const pods = fx.client.resource<ApiPod>(PODS, 'default');
    await pods.create({
      metadata: { name: 'bb', namespace: 'default' } as ApiPod['metadata'],
      spec: { nodeName: 'node-a', hostNetwork: true, restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo started; sleep 3600'] }] },
    });
    const pod = await eventually(() => pods.get('bb'), (p) => p.status?.phase === 'Running', 'pod Running');
    assert.match(pod.status?.containerStatuses?.[0]?.containerID ?? '', /^containerd:\/\//);
    assert.equal(pod.status?.podIP, '10.9.0.1');
    assert.equal(pod.status?.hostIP, '10.9.0.1');
    assert.ok(pod.status?.startTime);

    // The process ends; the relist (1 s on the injected clock) notices it.
    const id = pod.status!.containerStatuses![0]!.containerID!.replace('containerd://', '');
    cri.exitContainer(id, 3);
    clock.step(1000);
    const failed = await eventually(() => pods.get('bb'), (p) => p.status?.phase === 'Failed', 'pod Failed');
    assert.equal(failed.status?.containerStatuses?.[0]?.state?.terminated?.exitCode, 3);

    // A terminal pod is deleted at once by the API; the relist then cleans up what the runtime still holds.
    await pods.delete('bb', { gracePeriodSeconds: 30 });
    await eventually(() => pods.get('bb').then(() => 'present', () => 'gone'), (v) => v === 'gone', 'terminal pod deleted');
    clock.step(1000);
    await eventually(async () => cri.sandboxes.size, (n) => n === 0, 'orphan sandbox removed');

    // A running pod is deleted gracefully: the kubelet stops it, then removes the object with a uid precondition.
    await pods.create({
      metadata: { name: 'web', namespace: 'default' } as ApiPod['metadata'],
      spec: { nodeName: 'node-a', restartPolicy: 'Always', terminationGracePeriodSeconds: 5, containers: [{ name: 'c', image: 'busybox' }] },
    });
    const web = await eventually(() => pods.get('web'), (p) => p.status?.phase === 'Running', 'web Running');
    assert.match(web.status?.podIP ?? '', /^10\.88\./);
    await pods.delete('web');
    await eventually(() => pods.get('web').then(() => 'present', () => 'gone'), (v) => v === 'gone', 'web deleted');
    assert.equal(cri.sandboxes.size, 0);
    const stop = cri.requestsOf('StopContainer').at(-1) as { timeout: string };
    assert.equal(stop.timeout, '5');
  } finally {
    ac.abort();
    await running;
  }
});

test('relist kills runtime pods the API does not know', async () => {
  const { cri, kubelet } = testKubelet('node-b', '10.9.0.2');
  await cri.runPodSandbox({ config: { metadata: { name: 'ghost', namespace: 'default', uid: 'ghost-uid' }, labels: { 'io.kubernetes.pod.uid': 'ghost-uid' } } });
  await kubelet.relist();
  assert.equal(cri.sandboxes.size, 0);
});

test('under memory pressure the eviction manager evicts a running BestEffort pod and the node turns new ones away', async () => {
  const rootDir = await mkdtemp(join(tmpdir(), 'k8ts-evict-'));
  // The node's memory use comes from a fake memory cgroup: low until the test raises it.
  let usage = 100 * Mi;
  const readFile = async (p: string) => {
    if (p === '/fake-memcg/memory.usage_in_bytes') return String(usage);
    if (p === '/fake-memcg/memory.stat') return '';
    throw new Error(`ENOENT: ${p}`);
  };
  const { clock, cri, kubelet } = testKubelet('node-e', '10.9.0.2', {
    settings: { podLogsDir: join(rootDir, 'logs'), cgroupRoot: '/k8ts/node-e' },
    housekeeping: {
      config: housekeepingConfigFromFlags({ 'eviction-hard': 'memory.available<1Gi' }), // of testMachine's 2Gi
      rootDir,
      sandboxImage: 'registry.k8s.io/pause:3.10',
      sources: { readFile, memoryCgroupDirs: ['/fake-memcg'] },
    },
  });
  cri.images.add('docker.io/library/busybox:latest');
  const ac = new AbortController();
  const running = kubelet.run(ac.signal);
  try {
    const pods = fx.client.resource<ApiPod>(PODS, 'default');
    const bestEffort = (name: string, resources?: object): ApiPod => ({
      metadata: { name, namespace: 'default' } as ApiPod['metadata'],
      spec: { nodeName: 'node-e', hostNetwork: true, restartPolicy: 'Always', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], ...(resources ? { resources } : {}) }] },
    });
    await pods.create(bestEffort('hog'));
    await eventually(() => pods.get('hog'), (p) => p.status?.phase === 'Running', 'pod Running');
    usage = 1536 * Mi;
    for (let i = 0; i < 5; i++) clock.step(10_000);
    const evicted = await eventually(() => pods.get('hog'), (p) => p.status?.reason === 'Evicted', 'pod Evicted');
    assert.equal(evicted.status?.phase, 'Failed');
    assert.match(evicted.status?.message ?? '', /^The node was low on resource: memory\./);
    const node = await eventually(() => fx.nodes.get('node-e'), (n) => n.status?.conditions?.find((c) => c.type === 'MemoryPressure')?.status === 'True', 'MemoryPressure');
    assert.equal(node.status?.conditions?.find((c) => c.type === 'MemoryPressure')?.reason, 'KubeletHasInsufficientMemory');

    // The resync and relist must not bring it back.
    clock.step(10_000);
    clock.step(1_000);
    await eventually(async () => [...cri.containers.values()].filter((c) => c.status.state === 'CONTAINER_RUNNING').length, (n) => n === 0, 'no running container');
    assert.equal((await pods.get('hog')).status?.phase, 'Failed');

    // Admission under MemoryPressure: a new BestEffort pod fails at once and never starts; a Burstable one runs.
    const late = await pods.create(bestEffort('late'));
    await pods.create(bestEffort('sized', { requests: { memory: '10Mi' } }));
    const rejected = await eventually(() => pods.get('late'), (p) => p.status?.phase === 'Failed', 'pod rejected');
    assert.deepEqual([rejected.status?.reason, rejected.status?.message], ['Evicted', 'Pod was rejected: The node had condition: [MemoryPressure]. ']);
    await eventually(() => pods.get('sized'), (p) => p.status?.phase === 'Running', 'Burstable pod Running');
    assert.equal([...cri.sandboxes.values()].filter((s) => s.status.metadata?.uid === late.metadata.uid).length, 0, 'no sandbox for the rejected pod');
  } finally {
    ac.abort();
    await running;
    await rm(rootDir, { recursive: true, force: true });
  }
});
