import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApiServer, type TestApiServer } from '../../testing/api-server.js';
import { serveExec, servePortForward, type ExecRunner } from '../../kubelet/server/streams/handlers.js';
import { findFreePort } from '../../testing/ports.js';

/**
 * The API server's pods/log, exec and port-forward go to the pod's kubelet. A stand-in kubelet on 127.0.0.1
 * (the real stream handlers, a local shell as the container) proves the proxy path with real kubectl.
 */
let api: TestApiServer;
let kubelet: Server;
let backend: Server;

const runLocally: ExecRunner = (opts, io) =>
  new Promise((resolve) => {
    const child = spawn(opts.command[0]!, opts.command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    if (opts.stdin) io.stdin.pipe(child.stdin);
    else child.stdin.end();
    child.stdout.pipe(io.stdout, { end: false });
    child.stderr.pipe(io.stderr, { end: false });
    child.on('close', (code) => resolve({ exitCode: code ?? 1 }));
  });

before(async () => {
  api = await startTestApiServer();
  backend = createServer((_, res) => res.end('hello-from-backend'));
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  const backendPort = (backend.address() as { port: number }).port;
  kubelet = createServer((req, res) => {
    if (req.url?.startsWith('/containerLogs/px/web/c')) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(new URL(req.url, 'http://x').searchParams.get('tailLines') === '1' ? 'line2\n' : 'line1\nline2\n');
      return;
    }
    if (req.url?.startsWith('/stats/summary')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ node: { nodeName: 'n1' }, url: req.url, method: req.method }));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  kubelet.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/exec/px/web/c')) void serveExec(req, socket, { runner: runLocally, head });
    else if (req.url === '/portForward/px/web') void servePortForward(req, socket, { head, dial: () => connect(backendPort, '127.0.0.1') });
    else socket.destroy();
  });
  const port = await findFreePort();
  await new Promise<void>((r) => kubelet.listen(port, '127.0.0.1', r));
  const post = (path: string, body: unknown, method = 'POST', type = 'application/json') =>
    fetch(api.url + path, { method, headers: { 'Content-Type': type }, body: JSON.stringify(body) });
  await post('/api/v1/nodes', { metadata: { name: 'n1' } });
  await post(
    '/api/v1/nodes/n1/status',
    { status: { addresses: [{ type: 'InternalIP', address: '127.0.0.1' }], daemonEndpoints: { kubeletEndpoint: { Port: port } } } },
    'PATCH',
    'application/merge-patch+json',
  );
  await post('/api/v1/namespaces', { metadata: { name: 'px' } });
  await post('/api/v1/namespaces/px/pods', { metadata: { name: 'web' }, spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'busybox' }] } });
  // kubectl port-forward refuses pods that are not Running; the stand-in kubelet reports it as the real one would.
  await post('/api/v1/namespaces/px/pods/web/status', { status: { phase: 'Running' } }, 'PATCH', 'application/merge-patch+json');
});
after(async () => {
  kubelet?.closeAllConnections();
  backend?.closeAllConnections();
  await new Promise((r) => kubelet?.close(r));
  await new Promise((r) => backend?.close(r));
  await api?.close();
});

for (const version of ['1.27', '1.33']) {
  test(`kubectl ${version}: logs, exec and port-forward reach the pod's kubelet through the API server`, async () => {
    const logs = await api.kubectl(['logs', 'web', '-n', 'px'], { version });
    assert.equal(logs.stdout, 'line1\nline2\n', logs.stderr);
    const tail = await api.kubectl(['logs', 'web', '-n', 'px', '--tail=1'], { version });
    assert.equal(tail.stdout, 'line2\n');
    const exec = await api.kubectl(['exec', 'web', '-n', 'px', '--', 'sh', '-c', 'echo $((6*7))'], { version });
    assert.equal(exec.stdout.trim(), '42', exec.stderr);
    const piped = await api.kubectl(['exec', '-i', 'web', '-n', 'px', '--', 'cat'], { version, input: 'piped\n' });
    assert.equal(piped.stdout.trim(), 'piped', piped.stderr);
    const failing = await api.kubectl(['exec', 'web', '-n', 'px', '--', 'sh', '-c', 'exit 3'], { version });
    assert.equal(failing.code, 3);
    const local = await findFreePort();
    const pfOut = join(api.dir, `pf-${version}.log`);
    writeFileSync(pfOut, '');
    const pf = spawn('sh', ['-c', `exec "$(dirname "$(readlink -f "$(command -v kubectl)")")/kubectl.${version}" port-forward -n px pod/web ${local}:80 >${pfOut} 2>&1`], {
      env: { ...process.env, KUBECONFIG: api.kubeconfig, KUBECACHEDIR: join(api.dir, 'kcache') },
    });
    try {
      let body = '';
      for (let i = 0; i < 50 && !body; i++) {
        await new Promise((r) => setTimeout(r, 200));
        body = await fetch(`http://127.0.0.1:${local}/`, { signal: AbortSignal.timeout(2000) }).then((r) => r.text(), () => '');
      }
      assert.equal(body, 'hello-from-backend', readFileSync(pfOut, 'utf8'));
    } finally {
      pf.kill('SIGTERM');
    }
  });
}

test('a pod that is not scheduled has no kubelet to reach', async () => {
  await fetch(`${api.url}/api/v1/namespaces/px/pods`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name: 'lonely' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } }) });
  const out = await api.kubectl(['logs', 'lonely', '-n', 'px']);
  assert.notEqual(out.code, 0);
  assert.match(out.stderr, /does not have a host assigned/);
});

test('nodes/proxy forwards any path and query to the node\'s kubelet (kubectl get --raw)', async () => {
  const out = await api.kubectl(['get', '--raw', '/api/v1/nodes/n1/proxy/stats/summary?only_cpu_and_memory=true']);
  assert.deepEqual(JSON.parse(out.stdout), { node: { nodeName: 'n1' }, url: '/stats/summary?only_cpu_and_memory=true', method: 'GET' });
  const missing = await fetch(`${api.url}/api/v1/nodes/nope/proxy/healthz`);
  assert.equal(missing.status, 404);
  assert.equal(((await missing.json()) as { reason: string }).reason, 'NotFound');
});
