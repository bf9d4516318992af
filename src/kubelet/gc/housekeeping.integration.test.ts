/**
 * Container GC, image GC and eviction against a real containerd: dead containers of a live pod are trimmed
 * to the newest, a gone pod's containers, sandbox and log directory disappear, image GC keeps the images
 * containers use and the pause image, pod stats come back from ListContainerStats, and the eviction manager
 * over this machine's real memory signal picks the pod using the most memory. hostNetwork sandboxes only,
 * so no CNI and no podCIDR are involved; only this file's own containerd's pods are ever candidates.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { realClock } from '../../util/clock.js';
import { silentLogger } from '../../util/log.js';
import { killShims, removeCgroups, unmountUnder } from '../containerd/cleanup.js';
import { startContainerd, type ContainerdHandle } from '../containerd/supervisor.js';
import { buildLocalImages, PAUSE_IMAGE } from '../images/catalog.js';
import { importArchive } from '../images/import.js';
import type { CriInput } from '../cri/types-common.js';
import type { PodSandboxConfig } from '../cri/types-runtime.js';
import { containerLabels, sandboxLabels } from '../kuberuntime/labels.js';
import { EvictionManager } from '../eviction/eviction-manager.js';
import { collectPodStats } from '../eviction/pod-stats.js';
import { NodeSignalReader } from '../eviction/signals.js';
import { parseThresholdConfig } from '../eviction/thresholds.js';
import { FakeRecorder } from '../prober/events.js';
import { ContainerGC } from './container-gc.js';
import { ImageGCManager } from './image-gc.js';

let dir: string;
let logsDir: string;
let ctd: ContainerdHandle | undefined;
const cgroupRoot = `/k8ts-gc-${randomBytes(4).toString('hex')}`;
const BUSYBOX = 'docker.io/library/busybox:latest';

before(async () => {
  dir = await mkdtemp('/tmp/k8ts-gc-it-');
  logsDir = join(dir, 'logs');
  ctd = await startContainerd({ dataDir: join(dir, 'containerd'), cgroupRoot });
  for (const b of await buildLocalImages(join(dir, 'images'), { only: ['busybox', 'pause', 'nginx'] })) {
    await importArchive({ socket: ctd.socket, file: b.file });
  }
});

after(async () => {
  await ctd?.stop().catch(() => undefined);
  if (ctd) await killShims(ctd.socket).catch(() => undefined);
  await unmountUnder(dir).catch(() => undefined);
  await removeCgroups(cgroupRoot).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A hostNetwork sandbox labelled as the kubelet labels it, logging under `logsDir`. */
async function sandbox(name: string) {
  const pod = { metadata: { name, namespace: 'default', uid: `uid-${name}` } };
  const config: CriInput<PodSandboxConfig> = {
    metadata: { ...pod.metadata, attempt: 0 },
    hostname: '',
    log_directory: join(logsDir, `default_${name}_uid-${name}`),
    labels: sandboxLabels(pod),
    linux: { cgroup_parent: `${cgroupRoot}/pod${pod.metadata.uid}`, security_context: { namespace_options: { network: 'NODE' } } },
  };
  const { pod_sandbox_id } = await ctd!.cri.runPodSandbox({ config });
  return { id: pod_sandbox_id, pod, config };
}

/** Runs container `c` attempt `attempt`; `exit` makes it end at once, otherwise it runs `script` (default: sleeps). */
async function container(sb: Awaited<ReturnType<typeof sandbox>>, attempt: number, exit: boolean, script = 'exec sleep 3600'): Promise<string> {
  const { container_id } = await ctd!.cri.createContainer({
    pod_sandbox_id: sb.id,
    config: {
      metadata: { name: 'c', attempt },
      image: { image: BUSYBOX },
      command: ['sh', '-c', exit ? 'echo bye; exit 1' : script],
      labels: containerLabels(sb.pod, 'c'),
      log_path: `c/${attempt}.log`,
    },
    // containerd 1.6 needs the sandbox config with every CreateContainer.
    sandbox_config: sb.config,
  });
  await ctd!.cri.startContainer({ container_id });
  if (exit) {
    await until('container exit', async () => (await ctd!.cri.containerStatus({ container_id })).status?.state === 'CONTAINER_EXITED');
  }
  return container_id;
}

test('container GC on containerd keeps the newest dead container and removes a gone pod entirely', async () => {
  const live = await sandbox('live');
  const dead = [await container(live, 0, true), await container(live, 1, true), await container(live, 2, true)];
  const running = await container(live, 3, false);
  const gone = await sandbox('gone');
  await container(gone, 0, true);
  await ctd!.cri.stopPodSandbox({ pod_sandbox_id: gone.id });
  const goneLogs = join(logsDir, 'default_gone_uid-gone');
  assert.ok(existsSync(join(goneLogs, 'c', '0.log')), 'containerd wrote the gone pod log');

  const gc = new ContainerGC({
    cri: ctd!.cri,
    podExists: (uid) => uid === 'uid-live',
    podLogsDir: logsDir,
    clock: realClock,
    logger: silentLogger,
  });
  const r = await gc.garbageCollect();
  const left = (await ctd!.cri.listContainers({})).containers.map((c) => c.id).sort();
  assert.deepEqual(left, [dead[2]!, running].sort());
  assert.deepEqual(r.sandboxes, [gone.id]);
  assert.deepEqual((await ctd!.cri.listPodSandbox({})).items.map((s) => s.id), [live.id]);
  assert.deepEqual(r.logDirs, ['default_gone_uid-gone']);
  assert.equal(existsSync(goneLogs), false);
  assert.ok(existsSync(join(logsDir, 'default_live_uid-live')));

  // Pod stats of the running container come from ListContainerStats.
  const stats = await collectPodStats({ cri: ctd!.cri, podLogsDir: logsDir });
  const c = stats.get('uid-live')?.containers.find((x) => x.name === 'c');
  assert.ok(c, 'stats for the live pod');
  assert.ok((c.memoryWorkingSetBytes ?? 0) > 0, 'the running attempt reports its working set');
  assert.ok((c.logsUsedBytes ?? 0) > 0, 'the dead attempts logged');
});

test('image GC on containerd removes unused images only: never one a container uses, never the pause image', async () => {
  const before = (await ctd!.cri.listImages({})).images.flatMap((i) => i.repo_tags);
  assert.ok(before.includes('docker.io/library/nginx:latest'));
  const gc = new ImageGCManager({
    cri: ctd!.cri,
    imageFsStats: async () => ({ capacityBytes: 100, availableBytes: 50, inodes: 0, inodesFree: 0 }),
    pinnedImages: [PAUSE_IMAGE],
    policy: { minAgeMs: 0 },
    clock: realClock,
    logger: silentLogger,
  });
  const r = await gc.deleteUnusedImages();
  assert.equal(r.removed.length, 1, `removed ${r.removed.join(', ')}`);
  const after = (await ctd!.cri.listImages({})).images.flatMap((i) => i.repo_tags);
  assert.ok(after.includes(BUSYBOX), 'busybox is used by containers');
  assert.ok(after.includes(PAUSE_IMAGE), 'the pause image is pinned');
  assert.ok(!after.some((t) => t.startsWith('docker.io/library/nginx')), `nginx is gone: ${after.join(', ')}`);
});

test('eviction over the real memory signal evicts the pod using the most memory', async () => {
  const hog = await sandbox('hog');
  // 24 MiB in the sandbox's /dev/shm (tmpfs): charged to the container's memory cgroup as its working set.
  await container(hog, 0, false, 'dd if=/dev/zero of=/dev/shm/fill bs=1M count=24 2>/dev/null; exec sleep 3600');
  const small = await sandbox('small');
  await container(small, 0, false);
  const podStats = () => collectPodStats({ cri: ctd!.cri, podLogsDir: logsDir });
  await until('the hog to fill its memory', async () => {
    const c = (await podStats()).get('uid-hog')?.containers[0];
    return (c?.memoryWorkingSetBytes ?? 0) > 20 * 1024 * 1024;
  });
  const pods = [hog, small].map(({ pod, id }) => ({ ...pod, spec: { containers: [{ name: 'c' }] }, sandboxId: id }));
  const evicted: string[] = [];
  const recorder = new FakeRecorder();
  // memory.available < 99% of capacity holds on any machine that runs anything: pressure is certain.
  const manager = new EvictionManager({
    thresholds: parseThresholdConfig({ evictionHard: 'memory.available<99%' }),
    observe: () => new NodeSignalReader({ memoryCapacity: 0, nodeFsPath: dir, clock: realClock }).observe(),
    podStats,
    activePods: () => pods.filter((p) => !evicted.includes(p.metadata.name)),
    evictPod: async (pod) => {
      evicted.push(pod.metadata.name);
      await ctd!.cri.stopPodSandbox({ pod_sandbox_id: pods.find((p) => p.metadata.uid === pod.metadata.uid)!.sandboxId });
    },
    recorder,
    clock: realClock,
    logger: silentLogger,
  });
  const got = await manager.synchronize();
  assert.deepEqual(got.map((p) => p.metadata.name), ['hog']);
  assert.equal(manager.pressure().memoryPressure, true);
  assert.match(recorder.lines()[0]!, /^Warning Evicted The node was low on resource: memory\. Threshold quantity: \S+, available: \S+\. Container c was using \S+, request is 0, has larger consumption of memory\. $/);
  const state = (await ctd!.cri.podSandboxStatus({ pod_sandbox_id: hog.id })).status?.state;
  assert.equal(state, 'SANDBOX_NOTREADY');
});
