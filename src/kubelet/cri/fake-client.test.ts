import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { CriError, GrpcCode, isNotFound } from './errors.js';
import { FakeCriClient } from './fake-client.js';
import type { CriClient } from './service.js';
import type { CriInput } from './types-common.js';
import type { PodSandboxConfig } from './types-runtime.js';

const sandboxConfig = (name: string, extra: CriInput<PodSandboxConfig> = {}): CriInput<PodSandboxConfig> => ({
  metadata: { name, namespace: 'default', uid: `uid-${name}`, attempt: 0 },
  log_directory: `/var/log/pods/default_${name}`,
  labels: { app: name },
  ...extra,
});

async function runningContainer(fake: FakeCriClient, pod = 'p') {
  fake.images.add('busybox');
  const { pod_sandbox_id } = await fake.runPodSandbox({ config: sandboxConfig(pod) });
  const { container_id } = await fake.createContainer({
    pod_sandbox_id,
    config: { metadata: { name: 'c' }, image: { image: 'busybox' }, log_path: 'c/0.log', labels: { role: 'main' } },
  });
  await fake.startContainer({ container_id });
  return { pod_sandbox_id, container_id };
}

test('FakeCriClient satisfies the CriClient interface', () => {
  const client: CriClient = new FakeCriClient();
  assert.equal(typeof client.runPodSandbox, 'function');
});

test('sandbox lifecycle: run, status, stop, remove; NOT_FOUND after removal like containerd', async () => {
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  const fake = new FakeCriClient({ clock });
  const { pod_sandbox_id: id } = await fake.runPodSandbox({ config: sandboxConfig('web') });
  const st = await fake.podSandboxStatus({ pod_sandbox_id: id });
  assert.equal(st.status?.state, 'SANDBOX_READY');
  assert.equal(st.status?.created_at, String(BigInt(Date.UTC(2026, 0, 1)) * 1_000_000n));
  assert.match(st.status?.network?.ip ?? '', /^10\.88\.0\.\d+$/);
  await fake.stopPodSandbox({ pod_sandbox_id: id });
  assert.equal((await fake.podSandboxStatus({ pod_sandbox_id: id })).status?.state, 'SANDBOX_NOTREADY');
  await fake.removePodSandbox({ pod_sandbox_id: id });
  await assert.rejects(fake.stopPodSandbox({ pod_sandbox_id: id }), isNotFound);
  await assert.rejects(fake.podSandboxStatus({ pod_sandbox_id: id }), isNotFound);
  await fake.removePodSandbox({ pod_sandbox_id: id }); // removing again is fine
  assert.deepEqual(
    fake.calls.map((c) => c.method),
    [
      'RunPodSandbox',
      'PodSandboxStatus',
      'StopPodSandbox',
      'PodSandboxStatus',
      'RemovePodSandbox',
      'StopPodSandbox',
      'PodSandboxStatus',
      'RemovePodSandbox',
    ],
  );
});

test('hostNetwork sandboxes need an empty hostname and report no IP', async () => {
  const fake = new FakeCriClient();
  const node = { linux: { security_context: { namespace_options: { network: 'NODE' as const } } } };
  await assert.rejects(
    fake.runPodSandbox({ config: sandboxConfig('h', { ...node, hostname: 'h' }) }),
    (err: unknown) =>
      err instanceof CriError && err.code === GrpcCode.UNKNOWN && /private UTS namespace/.test(err.details),
  );
  const { pod_sandbox_id } = await fake.runPodSandbox({ config: sandboxConfig('h', node) });
  assert.equal((await fake.podSandboxStatus({ pod_sandbox_id })).status?.network?.ip, '');
});

test('a sandbox or container name stays reserved until removal', async () => {
  const fake = new FakeCriClient();
  const { pod_sandbox_id } = await fake.runPodSandbox({ config: sandboxConfig('dup') });
  await assert.rejects(fake.runPodSandbox({ config: sandboxConfig('dup') }), /reserve/);
  await fake.removePodSandbox({ pod_sandbox_id });
  await fake.runPodSandbox({ config: sandboxConfig('dup') });

  const { pod_sandbox_id: sb2, container_id } = await runningContainer(fake, 'other');
  await assert.rejects(
    fake.createContainer({ pod_sandbox_id: sb2, config: { metadata: { name: 'c' }, image: { image: 'busybox' } } }),
    /reserve/,
  );
  await fake.removeContainer({ container_id });
  await fake.createContainer({ pod_sandbox_id: sb2, config: { metadata: { name: 'c' }, image: { image: 'busybox' } } });
});

test('container lifecycle, log path and exit reasons', async () => {
  const fake = new FakeCriClient();
  const { pod_sandbox_id, container_id } = await runningContainer(fake);
  let st = (await fake.containerStatus({ container_id })).status!;
  assert.equal(st.state, 'CONTAINER_RUNNING');
  assert.equal(st.log_path, '/var/log/pods/default_p/c/0.log');
  await assert.rejects(fake.startContainer({ container_id }), /CONTAINER_RUNNING state/);
  fake.exitContainer(container_id, 0);
  st = (await fake.containerStatus({ container_id })).status!;
  assert.deepEqual([st.state, st.exit_code, st.reason], ['CONTAINER_EXITED', 0, 'Completed']);
  await fake.stopContainer({ container_id, timeout: 10 }); // stopping an exited container succeeds
  await fake.removeContainer({ container_id });
  await fake.removeContainer({ container_id }); // and removing twice too
  await assert.rejects(fake.containerStatus({ container_id }), isNotFound);
  await assert.rejects(fake.stopContainer({ container_id }), isNotFound);
  assert.equal((await fake.listContainers({ filter: { pod_sandbox_id } })).containers.length, 0);
});

test('creating a container needs its sandbox and its image', async () => {
  const fake = new FakeCriClient();
  await assert.rejects(
    fake.createContainer({ pod_sandbox_id: 'nope', config: { metadata: { name: 'c' } } }),
    isNotFound,
  );
  const { pod_sandbox_id } = await fake.runPodSandbox({ config: sandboxConfig('p') });
  await assert.rejects(
    fake.createContainer({ pod_sandbox_id, config: { metadata: { name: 'c' }, image: { image: 'nginx' } } }),
    isNotFound,
  );
});

test('stopping a sandbox stops its containers; removing it removes them', async () => {
  const fake = new FakeCriClient();
  const { pod_sandbox_id, container_id } = await runningContainer(fake);
  await fake.stopPodSandbox({ pod_sandbox_id });
  const st = (await fake.containerStatus({ container_id })).status!;
  assert.deepEqual([st.state, st.exit_code, st.reason], ['CONTAINER_EXITED', 137, 'Error']);
  await fake.removePodSandbox({ pod_sandbox_id });
  assert.equal(fake.containers.size, 0);
});

test('list filters: id prefix, state, sandbox and labels', async () => {
  const fake = new FakeCriClient();
  const a = await runningContainer(fake, 'a');
  const b = await runningContainer(fake, 'b');
  fake.exitContainer(b.container_id, 1);
  const cases: { name: string; filter: Parameters<CriClient['listContainers']>[0]['filter']; want: string[] }[] = [
    { name: 'no filter', filter: null, want: [a.container_id, b.container_id] },
    { name: 'running', filter: { state: { state: 'CONTAINER_RUNNING' } }, want: [a.container_id] },
    { name: 'exited', filter: { state: { state: 'CONTAINER_EXITED' } }, want: [b.container_id] },
    { name: 'by sandbox', filter: { pod_sandbox_id: b.pod_sandbox_id }, want: [b.container_id] },
    { name: 'by id prefix', filter: { id: a.container_id.slice(0, 8) }, want: [a.container_id] },
    { name: 'by label', filter: { label_selector: { role: 'main' } }, want: [a.container_id, b.container_id] },
    { name: 'by missing label', filter: { label_selector: { role: 'x' } }, want: [] },
  ];
  for (const c of cases) {
    const got = (await fake.listContainers({ filter: c.filter })).containers.map((x) => x.id);
    assert.deepEqual(got, c.want, c.name);
  }
  const ready = await fake.listPodSandbox({
    filter: { state: { state: 'SANDBOX_READY' }, label_selector: { app: 'a' } },
  });
  assert.deepEqual(
    ready.items.map((s) => s.id),
    [a.pod_sandbox_id],
  );
});

test('ExecSync runs the handler on running containers only', async () => {
  const fake = new FakeCriClient({
    execSync: (_id, cmd) => ({ stdout: Buffer.from(cmd.join(' ')), stderr: Buffer.alloc(0), exit_code: 7 }),
  });
  const { container_id } = await runningContainer(fake);
  const r = await fake.execSync({ container_id, cmd: ['echo', 'hi'] });
  assert.deepEqual([r.stdout.toString(), r.exit_code], ['echo hi', 7]);
  fake.exitContainer(container_id, 0);
  await assert.rejects(fake.execSync({ container_id, cmd: ['true'] }), /CONTAINER_EXITED/);
});

test('injected errors fail the next calls of a method, then calls succeed again', async () => {
  const fake = new FakeCriClient();
  fake.injectError('Version', GrpcCode.UNAVAILABLE, 2);
  await assert.rejects(fake.version({}), (e: unknown) => e instanceof CriError && e.code === GrpcCode.UNAVAILABLE);
  await assert.rejects(fake.version({}), (e: unknown) => e instanceof CriError && e.code === GrpcCode.UNAVAILABLE);
  assert.equal((await fake.version({})).runtime_name, 'fake');
  assert.equal(fake.requestsOf('Version').length, 3);
});

test('images: normalized names, pull from the fake registry, status, remove', async () => {
  const fake = new FakeCriClient();
  await assert.rejects(fake.pullImage({ image: { image: 'nginx:1.26' } }), isNotFound);
  fake.images.addPullable('docker.io/library/nginx:1.26');
  const { image_ref } = await fake.pullImage({ image: { image: 'nginx:1.26' } });
  assert.match(image_ref, /^sha256:[0-9a-f]{64}$/);
  const st = await fake.imageStatus({ image: { image: 'docker.io/library/nginx:1.26' } });
  assert.deepEqual(st.image?.repo_tags, ['docker.io/library/nginx:1.26']);
  assert.equal((await fake.imageStatus({ image: { image: image_ref } })).image?.id, image_ref, 'found by id');
  assert.equal((await fake.imageStatus({ image: { image: 'busybox' } })).image, null);
  assert.equal((await fake.listImages({})).images.length, 1);
  await fake.removeImage({ image: { image: 'nginx:1.26' } });
  await fake.removeImage({ image: { image: 'nginx:1.26' } });
  assert.equal((await fake.listImages({})).images.length, 0);
});

test('Status reports NetworkReady as configured; calls after close fail', async () => {
  const fake = new FakeCriClient();
  fake.networkReady = false;
  const conds = (await fake.status({})).status?.conditions ?? [];
  assert.deepEqual(
    conds.map((c) => [c.type, c.status]),
    [
      ['RuntimeReady', true],
      ['NetworkReady', false],
    ],
  );
  fake.close();
  await assert.rejects(fake.version({}), (e: unknown) => e instanceof CriError && e.code === GrpcCode.UNAVAILABLE);
});

test('FakeCriClient options: a pod network hook, pulls of any image, no call log', async () => {
  const given: string[] = [];
  const released: string[] = [];
  let n = 0;
  const cri = new FakeCriClient({
    podNetwork: {
      allocate: (id) => {
        given.push(id);
        if (given.length === 2) throw new Error('pool exhausted');
        return `10.200.0.${10 + n++}`;
      },
      release: (id) => released.push(id),
    },
    pullAnyImage: true,
    recordCalls: false,
  });
  const run = (name: string, network?: 'NODE') =>
    cri.runPodSandbox({
      config: {
        metadata: { name, namespace: 'default', uid: `uid-${name}` },
        linux: network ? { security_context: { namespace_options: { network } } } : undefined,
      },
    });
  const { pod_sandbox_id: a } = await run('a');
  assert.equal((await cri.podSandboxStatus({ pod_sandbox_id: a })).status?.network?.ip, '10.200.0.10');
  await assert.rejects(run('b'), /failed to setup network for sandbox.*pool exhausted/);
  await assert.doesNotReject(run('b'), 'a failed sandbox releases its name');
  const { pod_sandbox_id: h } = await run('h', 'NODE');
  assert.equal(given.length, 3, 'host-network sandboxes get no pod IP');
  await cri.removePodSandbox({ pod_sandbox_id: a });
  assert.deepEqual(released, [a]);
  assert.ok(h);
  assert.equal((await cri.pullImage({ image: { image: 'example.com/any/thing:v1' } })).image_ref.startsWith('sha256:'), true);
  assert.equal(cri.calls.length, 0);
});

test('FakeCriClient idSeed keeps ids of several fakes apart', async () => {
  const config = { metadata: { name: 'p', namespace: 'default', uid: 'u' } };
  const ids = await Promise.all(
    ['node-a', 'node-b', 'node-a'].map(async (idSeed) => (await new FakeCriClient({ idSeed }).runPodSandbox({ config })).pod_sandbox_id),
  );
  assert.notEqual(ids[0], ids[1]);
  assert.equal(ids[0], ids[2], 'ids stay deterministic');
});
