/**
 * The kubelet server's routes over a fake host and the fake CRI runtime: health, pods, container logs and
 * their errors, streaming requests without an upgrade, stats and metrics plumbing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeCriClient } from '../cri/fake-client.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import type { KubeletServerHost } from './host.js';
import { createKubeletServer, type KubeletServer } from './server.js';

let dir: string;
let srv: KubeletServer;
let base: string;
const pods = new Map<string, ApiPod>();

const host: KubeletServerHost = {
  listPods: () => [...pods.values()],
  getPod: (ns, name) => pods.get(`${ns}/${name}`),
};

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'k8ts-ksrv-'));
  const cri = new FakeCriClient({ pullAnyImage: true });
  const logDir = join(dir, 'default_p_u1');
  const { pod_sandbox_id } = await cri.runPodSandbox({
    config: { metadata: { name: 'p', namespace: 'default', uid: 'u1', attempt: 0 }, log_directory: logDir },
  });
  await cri.pullImage({ image: { image: 'busybox' } });
  const { container_id } = await cri.createContainer({
    pod_sandbox_id,
    config: {
      metadata: { name: 'c', attempt: 0 },
      image: { image: 'busybox' },
      log_path: 'c/0.log',
      labels: { 'io.kubernetes.pod.uid': 'u1', 'io.kubernetes.container.name': 'c' },
    },
  });
  await cri.startContainer({ container_id });
  await mkdir(join(logDir, 'c'), { recursive: true });
  await writeFile(
    join(logDir, 'c', '0.log'),
    '2026-11-22T10:00:00Z stdout F hello\n2026-11-22T10:00:01Z stderr F world\n',
  );
  pods.set('default/p', {
    metadata: { name: 'p', namespace: 'default', uid: 'u1' },
    spec: { containers: [{ name: 'c' }] },
    status: {
      containerStatuses: [{ name: 'c', containerID: `containerd://${container_id}`, state: { running: {} } } as never],
    },
  });
  pods.set('default/w', {
    metadata: { name: 'w', namespace: 'default', uid: 'u2' },
    spec: { containers: [{ name: 'c' }] },
    status: { containerStatuses: [{ name: 'c', state: { waiting: { reason: 'ContainerCreating' } } } as never] },
  });
  srv = createKubeletServer({
    host,
    cri,
    podLogsDir: dir,
    summary: async () => ({ node: { nodeName: 'n' }, pods: [] }),
    metrics: async () => 'kubelet_running_pods 1\n',
  });
  base = `http://127.0.0.1:${await srv.listen(0, '127.0.0.1')}`;
});

after(async () => {
  await srv.close();
  await rm(dir, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const r = await fetch(base + path);
  return { status: r.status, type: r.headers.get('content-type') ?? '', body: await r.text() };
}

test('healthz, pods and metrics answer', async () => {
  assert.deepEqual(await get('/healthz'), { status: 200, type: 'text/plain; charset=utf-8', body: 'ok' });
  const list = JSON.parse((await get('/pods')).body) as { kind: string; apiVersion: string; items: ApiPod[] };
  assert.equal(list.kind, 'PodList');
  assert.deepEqual(
    list.items.map((p) => p.metadata.name),
    ['p', 'w'],
  );
  assert.equal((await get('/metrics')).body, 'kubelet_running_pods 1\n');
  assert.deepEqual(JSON.parse((await get('/stats/summary')).body), { node: { nodeName: 'n' }, pods: [] });
});

test('container logs are read from the runtime log path', async () => {
  const cases = [
    { q: '', want: 'hello\nworld\n' },
    { q: '?tailLines=1', want: 'world\n' },
    { q: '?tail=1', want: 'world\n' },
    { q: '?timestamps=true&limitBytes=36', want: '2026-11-22T10:00:00.000000000Z hello' },
  ];
  for (const c of cases) {
    const r = await get(`/containerLogs/default/p/c${c.q}`);
    assert.equal(r.status, 200, c.q);
    assert.equal(r.body, c.want, c.q);
  }
});

test('errors are Status JSON with the kubelet codes and messages', async () => {
  const cases = [
    { path: '/containerLogs/default/nope/c', code: 404, message: 'pod "nope" does not exist' },
    { path: '/containerLogs/default/p/x', code: 404, message: 'container "x" not found in pod "p"' },
    {
      path: '/containerLogs/default/p/c?previous=true',
      code: 400,
      message: 'previous terminated container "c" in pod "p" not found',
    },
    {
      path: '/containerLogs/default/w/c',
      code: 400,
      message: 'container "c" in pod "w" is waiting to start: ContainerCreating',
    },
    { path: '/containerLogs/default/p/c?sinceSeconds=0', code: 422, message: 'Invalid request.' },
    { path: '/containerLogs/default/p', code: 400, message: 'Missing container name.' },
    { path: '/exec/default/p/c?command=ls&stdout=1', code: 400, message: 'Upgrade request required' },
    { path: '/exec/default/nope/c?command=ls&stdout=1', code: 404, message: 'pod does not exist' },
    { path: '/exec/default/p/x?command=ls&stdout=1', code: 500, message: 'container not found ("x")' },
    { path: '/portForward/default/nope', code: 404, message: 'pod does not exist' },
    { path: '/metrics/resource', code: 404, message: 'the server could not find the requested resource' },
    { path: '/nothing', code: 404, message: 'the server could not find the requested resource' },
  ];
  for (const c of cases) {
    const r = await get(c.path);
    assert.equal(r.status, c.code, c.path);
    assert.equal(r.type, 'application/json', c.path);
    const st = JSON.parse(r.body) as { kind: string; status: string; message: string; code: number };
    assert.deepEqual([st.kind, st.status, st.message, st.code], ['Status', 'Failure', c.message, c.code], c.path);
  }
});

test('an upgrade to an unknown path is refused with a Status', async () => {
  const { request } = await import('node:http');
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(`${base}/nothing`, { headers: { Connection: 'Upgrade', Upgrade: 'websocket' } });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('upgrade', () => reject(new Error('upgraded')));
    req.on('error', reject);
    req.end();
  });
  assert.equal(status, 404);
});
