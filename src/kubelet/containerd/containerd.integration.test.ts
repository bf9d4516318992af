/**
 * containerd for real: the generated config, local images, a hostNetwork sandbox with a busybox container,
 * its CRI log, ExecSync, a crash and restart, and a stop that leaves nothing behind.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCriLog } from '../cri/log-format.js';
import type { CriInput } from '../cri/types-common.js';
import type { PodSandboxConfig } from '../cri/types-runtime.js';
import { buildLocalImages, PAUSE_IMAGE } from '../images/catalog.js';
import { importArchive } from '../images/import.js';
import { CGROUP_V1_ROOT, findShims, killShims, mountsUnder, removeCgroups, unmountUnder } from './cleanup.js';
import { startContainerd, type ContainerdHandle } from './supervisor.js';

let dir: string;
let ctd: ContainerdHandle | undefined;
const cgroupRoot = `/k8ts-it-${randomBytes(4).toString('hex')}`;

before(async () => {
  dir = await mkdtemp('/tmp/k8ts-ctd-it-');
  ctd = await startContainerd({ dataDir: join(dir, 'containerd'), cgroupRoot });
});

after(async () => {
  // Runs after failures too: whatever the tests left, remove it.
  await ctd?.stop().catch(() => undefined);
  if (ctd) await killShims(ctd.socket);
  await unmountUnder(dir);
  await removeCgroups(cgroupRoot);
  await rm(dir, { recursive: true, force: true });
});

const sandboxConfig = (name: string): CriInput<PodSandboxConfig> => ({
  metadata: { name, namespace: 'default', uid: `uid-${name}`, attempt: 0 },
  // hostNetwork: no CNI needed; such a sandbox must not set a hostname.
  hostname: '',
  log_directory: join(dir, 'pods', name),
  linux: {
    cgroup_parent: `${cgroupRoot}/pod-uid-${name}`,
    security_context: { namespace_options: { network: 'NODE' } },
  },
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('containerd answers the CRI with the generated config', async () => {
  const v = await ctd!.cri.version({});
  assert.equal(v.runtime_name, 'containerd');
  assert.equal(v.runtime_api_version, 'v1');
  const conds = (await ctd!.cri.status({})).status?.conditions ?? [];
  assert.equal(conds.find((c) => c.type === 'RuntimeReady')?.status, true);
});

test('the local busybox and pause images import', async () => {
  const built = await buildLocalImages(join(dir, 'images'), { only: ['busybox', 'pause'] });
  for (const b of built) await importArchive({ socket: ctd!.socket, file: b.file });
  const tags = (await ctd!.cri.listImages({})).images.flatMap((i) => i.repo_tags);
  for (const name of ['docker.io/library/busybox:latest', 'docker.io/library/busybox:1.36', PAUSE_IMAGE]) {
    assert.ok(tags.includes(name), `${name} in ${tags.join(', ')}`);
  }
  // A docker archive (as `docker save` writes) imports too; skopeo converts ours into one.
  const dockerArchive = join(dir, 'images', 'busybox-docker.tar');
  const busybox = built.find((b) => b.name === 'busybox')!.file;
  execFileSync('skopeo', [
    '--insecure-policy',
    'copy',
    '--quiet',
    `oci-archive:${busybox}:latest`,
    `docker-archive:${dockerArchive}:docker.io/library/busybox:docker`,
  ]);
  const summary = await importArchive({ socket: ctd!.socket, file: dockerArchive });
  assert.deepEqual([summary.format, summary.names], ['docker', ['docker.io/library/busybox:docker']]);
  const st = await ctd!.cri.imageStatus({ image: { image: 'busybox:docker' } });
  assert.ok(st.image?.repo_tags.includes('docker.io/library/busybox:docker'));
});

test('a hostNetwork sandbox runs busybox: CRI log, ExecSync, stats, stop and remove', async (t) => {
  const cri = ctd!.cri;
  const config = sandboxConfig('hello');
  let t0 = performance.now();
  const { pod_sandbox_id } = await cri.runPodSandbox({ config });
  const sandboxMs = performance.now() - t0;
  const sb = (await cri.podSandboxStatus({ pod_sandbox_id })).status!;
  assert.equal(sb.state, 'SANDBOX_READY');
  assert.equal(sb.network?.ip, '', 'a NODE-network sandbox has no IP of its own');

  t0 = performance.now();
  const echo = await cri.createContainer({
    pod_sandbox_id,
    config: {
      metadata: { name: 'echo' },
      image: { image: 'busybox' },
      command: ['echo', 'hello'],
      log_path: 'echo/0.log',
    },
    sandbox_config: config,
  });
  await cri.startContainer({ container_id: echo.container_id });
  const containerMs = performance.now() - t0;
  t.diagnostic(`RunPodSandbox ${sandboxMs.toFixed(0)} ms; CreateContainer+StartContainer ${containerMs.toFixed(0)} ms`);

  const exited = await waitFor('echo to exit', async () => {
    const st = (await cri.containerStatus({ container_id: echo.container_id })).status!;
    return st.state === 'CONTAINER_EXITED' ? st : undefined;
  });
  assert.deepEqual([exited.exit_code, exited.reason], [0, 'Completed']);
  assert.equal(exited.log_path, join(dir, 'pods', 'hello', 'echo', '0.log'));
  const records = parseCriLog(await readFile(exited.log_path, 'utf8'));
  assert.deepEqual(
    records.map((r) => [r.stream, r.full, r.message]),
    [['stdout', true, 'hello']],
  );

  const sleeper = await cri.createContainer({
    pod_sandbox_id,
    config: {
      metadata: { name: 'sleeper' },
      image: { image: 'docker.io/library/busybox:1.36' },
      command: ['sleep', '3600'],
      log_path: 'sleeper/0.log',
    },
    sandbox_config: config,
  });
  await cri.startContainer({ container_id: sleeper.container_id });
  const ex = await cri.execSync({
    container_id: sleeper.container_id,
    cmd: ['sh', '-c', 'echo out; echo err >&2; id -u; exit 3'],
    timeout: 10,
  });
  assert.deepEqual([ex.stdout.toString(), ex.stderr.toString(), ex.exit_code], ['out\n0\n', 'err\n', 3]);
  const stats = (await cri.containerStats({ container_id: sleeper.container_id })).stats;
  assert.equal(stats?.attributes?.id, sleeper.container_id);
  const { url } = await cri.exec({ container_id: sleeper.container_id, cmd: ['sh'], stdout: true });
  assert.match(url, new RegExp(`^http://127\\.0\\.0\\.1:${ctd!.streamServerPort}/exec/`));
  assert.ok(
    existsSync(join(CGROUP_V1_ROOT, 'memory', cgroupRoot, 'pod-uid-hello', sleeper.container_id)),
    'pod cgroup under our cgroup_parent',
  );

  t0 = performance.now();
  await cri.stopPodSandbox({ pod_sandbox_id });
  const stopMs = performance.now() - t0;
  t0 = performance.now();
  await cri.removePodSandbox({ pod_sandbox_id });
  t.diagnostic(`StopPodSandbox ${stopMs.toFixed(0)} ms; RemovePodSandbox ${(performance.now() - t0).toFixed(0)} ms`);
  await assert.rejects(
    cri.stopPodSandbox({ pod_sandbox_id }),
    (err: unknown) => (err as { codeName?: string }).codeName === 'NOT_FOUND',
  );
  assert.equal((await cri.listContainers({})).containers.length, 0);
  assert.deepEqual(await findShims(ctd!.socket), []);
});

test('a killed containerd is restarted and adopts the running pods', async () => {
  const cri = ctd!.cri;
  const config = sandboxConfig('survivor');
  const { pod_sandbox_id } = await cri.runPodSandbox({ config });
  const { container_id } = await cri.createContainer({
    pod_sandbox_id,
    config: { metadata: { name: 'sleeper' }, image: { image: 'busybox' }, command: ['sleep', '3600'] },
    sandbox_config: config,
  });
  await cri.startContainer({ container_id });
  const pid = ctd!.pid()!;
  process.kill(pid, 'SIGKILL');
  await waitFor('containerd to die', async () => (ctd!.pid() === pid ? undefined : true));
  await ctd!.ready();
  assert.equal(ctd!.restarts(), 1);
  assert.notEqual(ctd!.pid(), pid);
  assert.equal((await cri.containerStatus({ container_id })).status?.state, 'CONTAINER_RUNNING');
  const ex = await cri.execSync({ container_id, cmd: ['echo', 'still here'], timeout: 5 });
  assert.equal(ex.stdout.toString(), 'still here\n');
});

test('stop removes every pod and leaves no process, mount or cgroup behind', async () => {
  const handle = ctd!;
  const sb = (await handle.cri.listPodSandbox({})).items;
  assert.equal(sb.length, 1, 'the survivor pod is still there');
  const pid = handle.pid()!;
  await handle.stop();
  assert.equal(handle.pid(), undefined);
  assert.ok(
    !existsSync(`/proc/${pid}/cmdline`) || (await readFile(`/proc/${pid}/cmdline`, 'utf8')) === '',
    'containerd is gone',
  );
  assert.deepEqual(await findShims(handle.socket), []);
  assert.deepEqual(await mountsUnder(dir), []);
  for (const h of ['memory', 'cpu', 'pids', 'freezer']) {
    assert.ok(!existsSync(join(CGROUP_V1_ROOT, h, cgroupRoot)), `${h} cgroup ${cgroupRoot} removed`);
  }
});
