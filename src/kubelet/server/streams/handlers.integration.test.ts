/**
 * Real kubectl (1.27–1.33) against a tiny fake API server for one pod whose exec and
 * port-forward subresources are served by handlers.ts. Covers SPDY exec (≤1.29, or websockets disabled),
 * WebSocket v5 exec (1.30+), raw SPDY port-forward (≤1.30, or websockets disabled) and SPDY tunnelled in
 * WebSocket port-forward (1.31+). The fake server records which path each request took, so every case also
 * proves the protocol it meant to test.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Duplex } from 'node:stream';
import { findFreePort } from '../../../testing/ports.js';
import { serveAttach, serveExec, servePortForward, type ExecRunner } from './handlers.js';
import { isSpdyRequest, isWebSocketRequest } from './protocols.js';

const POD = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: {
    name: 'p',
    namespace: 'default',
    uid: '00000000-0000-0000-0000-000000000001',
    resourceVersion: '1',
    creationTimestamp: '2026-01-01T00:00:00Z',
  },
  spec: { containers: [{ name: 'c', image: 'busybox' }] },
  status: {
    phase: 'Running',
    containerStatuses: [
      { name: 'c', ready: true, restartCount: 0, image: 'busybox', imageID: '', state: { running: {} } },
    ],
  },
};

const RESOURCES = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: 'v1',
  resources: [
    {
      name: 'pods',
      singularName: 'pod',
      namespaced: true,
      kind: 'Pod',
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'],
      categories: ['all'],
    },
    { name: 'pods/exec', singularName: '', namespaced: true, kind: 'PodExecOptions', verbs: ['create', 'get'] },
    { name: 'pods/attach', singularName: '', namespaced: true, kind: 'PodAttachOptions', verbs: ['create', 'get'] },
    {
      name: 'pods/portforward',
      singularName: '',
      namespaced: true,
      kind: 'PodPortForwardOptions',
      verbs: ['create', 'get'],
    },
  ],
};

/** Runs the command locally: argv directly, so `sh -c '…'` works as in a container. */
const localRunner: ExecRunner = (opts, io) =>
  new Promise((resolve, reject) => {
    if (opts.tty) {
      // A pipe-backed child cannot have a terminal; report the first size kubectl sent instead.
      void (async () => {
        for await (const size of io.resize) {
          io.stdout.write(`size ${size.width}x${size.height}\r\n`);
          break;
        }
        io.stdout.end();
        resolve({ exitCode: 0 });
      })();
      return;
    }
    if (opts.command.length === 0) {
      // attach: there is no process to start; greet and "exit" 0.
      io.stdout.end('attached to c\n');
      return resolve({ exitCode: 0 });
    }
    const [file, ...args] = opts.command;
    if (!file) return reject(new Error('no command'));
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    io.signal.addEventListener('abort', () => child.kill('SIGKILL'));
    child.on('error', reject);
    if (opts.stdin) io.stdin.pipe(child.stdin);
    else child.stdin.end();
    child.stdin.on('error', () => undefined);
    child.stdout.pipe(io.stdout);
    child.stderr.pipe(io.stderr);
    child.on('close', (code) => resolve({ exitCode: code ?? 1 }));
  });

interface Fixture {
  api: Server;
  backend: Server;
  apiPort: number;
  dir: string;
  kubeconfig: string;
  /** `<subresource> <websocket|spdy>` per upgrade request, in arrival order. */
  paths: string[];
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function startFixture(): Promise<Fixture> {
  const paths: string[] = [];
  const backend = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    if (req.method === 'POST') req.pipe(res);
    else res.end('hello from backend\n');
  });
  const backendPort = await listen(backend);
  const json = (res: ServerResponse, code: number, body: unknown) => {
    res.writeHead(code, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const api = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api')
      return json(res, 200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
      });
    if (path === '/apis') return json(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [] });
    if (path === '/api/v1') return json(res, 200, RESOURCES);
    if (path === '/version') return json(res, 200, { major: '1', minor: '33', gitVersion: 'v1.33.0' });
    if (path === '/api/v1/namespaces/default/pods/p' && req.method === 'GET') return json(res, 200, POD);
    if (/\/pods\/p\/(exec|attach|portforward)$/.test(path)) return void serveExec(req, res, { runner: localRunner });
    json(res, 404, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'not found',
      reason: 'NotFound',
      code: 404,
    });
  });
  api.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const kind = isWebSocketRequest(req) ? 'websocket' : isSpdyRequest(req) ? 'spdy' : 'other';
    const sub = path.split('/').pop() ?? '';
    paths.push(`${sub} ${kind}`);
    if (!path.startsWith('/api/v1/namespaces/default/pods/p/')) return socket.destroy();
    if (sub === 'exec') void serveExec(req, socket, { runner: localRunner, head });
    else if (sub === 'attach') void serveAttach(req, socket, { runner: localRunner, head });
    else if (sub === 'portforward') {
      void servePortForward(req, socket, {
        head,
        podDescription: 'p_default',
        dial: (port) => {
          if (port !== 80) throw new Error(`nothing listens on port ${port}`);
          return connect(backendPort, '127.0.0.1');
        },
      });
    } else socket.destroy();
  });
  const apiPort = await listen(api);
  const dir = mkdtempSync(join(tmpdir(), 'k8ts-streams-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- name: fake\n  cluster:\n    server: http://127.0.0.1:${apiPort}\n    insecure-skip-tls-verify: true`,
      'users:',
      '- name: nobody\n  user: {}',
      'contexts:',
      '- name: fake\n  context:\n    cluster: fake\n    user: nobody\n    namespace: default',
      'current-context: fake',
      '',
    ].join('\n'),
  );
  return { api, backend, apiPort, dir, kubeconfig, paths };
}

function kubectlPath(version: string): string | undefined {
  const which = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' });
  if (which.status !== 0) return undefined;
  const p = join(dirname(realpathSync(which.stdout.trim())), `kubectl.${version}`);
  return existsSync(p) ? p : undefined;
}

function kubectlEnv(fx: Fixture, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: fx.dir, KUBECONFIG: fx.kubeconfig, ...extra };
  env.KUBECACHEDIR = mkdtempSync(join(fx.dir, 'cache-'));
  return env;
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runKubectl(bin: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

function httpGet(port: number, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const method = body === undefined ? 'GET' : 'POST';
    const req = httpRequest({ host: '127.0.0.1', port, path: '/', method, headers: { Connection: 'close' } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error('timed out')));
    req.end(body);
  });
}

async function portForward(
  bin: string,
  env: NodeJS.ProcessEnv,
  remotePort: number,
  use: (local: number, stderr: () => string) => Promise<string[]>,
): Promise<string[]> {
  const local = await findFreePort();
  const child = spawn(bin, ['port-forward', '--address', '127.0.0.1', 'pod/p', `${local}:${remotePort}`], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`port-forward did not start: ${stdout} ${stderr}`)), 20_000);
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('Forwarding from')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('close', () => reject(new Error(`port-forward exited: ${stdout} ${stderr}`)));
    });
    return await use(local, () => stderr);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

interface Case {
  version: string;
  env: Record<string, string>;
  execPath: 'websocket' | 'spdy';
  portForwardPath: 'websocket' | 'spdy';
}

const scriptSkip =
  spawnSync('sh', ['-c', 'command -v script']).status === 0 ? false : '`script` (util-linux) is not installed';

const CASES: Case[] = [
  { version: '1.27', env: {}, execPath: 'spdy', portForwardPath: 'spdy' },
  { version: '1.28', env: {}, execPath: 'spdy', portForwardPath: 'spdy' },
  { version: '1.29', env: {}, execPath: 'spdy', portForwardPath: 'spdy' },
  { version: '1.30', env: {}, execPath: 'websocket', portForwardPath: 'spdy' },
  { version: '1.31', env: {}, execPath: 'websocket', portForwardPath: 'websocket' },
  { version: '1.32', env: {}, execPath: 'websocket', portForwardPath: 'websocket' },
  { version: '1.33', env: {}, execPath: 'websocket', portForwardPath: 'websocket' },
  {
    version: '1.33',
    env: { KUBECTL_REMOTE_COMMAND_WEBSOCKETS: 'false', KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' },
    execPath: 'spdy',
    portForwardPath: 'spdy',
  },
];

describe('kubectl exec and port-forward against the streaming handlers', () => {
  let fx: Fixture;
  before(async () => {
    fx = await startFixture();
  });
  after(async () => {
    rmSync(fx.dir, { recursive: true, force: true });
    const closed = [fx.api, fx.backend].map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
    fx.api.closeAllConnections();
    fx.backend.closeAllConnections();
    // close() also waits for upgraded (exec/port-forward) sockets, which every session closes when it ends.
    await Promise.all(closed);
  });

  for (const c of CASES) {
    const label = `kubectl ${c.version}${Object.keys(c.env).length ? ' (websockets off)' : ''}`;
    const bin = kubectlPath(c.version);
    const skip = bin ? false : `kubectl.${c.version} is not installed`;

    test(`${label}: exec prints the command's output over ${c.execPath}`, { skip }, async () => {
      const mark = fx.paths.length;
      const r = await runKubectl(bin!, ['exec', 'p', '--', 'echo', 'hi'], kubectlEnv(fx, c.env));
      assert.equal(r.stdout, 'hi\n', r.stderr);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(fx.paths.slice(mark).at(-1), `exec ${c.execPath}`);
    });

    test(`${label}: exec -i passes stdin through and ends it`, { skip }, async () => {
      const mark = fx.paths.length;
      const r = await runKubectl(bin!, ['exec', '-i', 'p', '--', 'cat'], kubectlEnv(fx, c.env), 'piped\n');
      assert.equal(r.stdout, 'piped\n', r.stderr);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(fx.paths.slice(mark).at(-1), `exec ${c.execPath}`);
    });

    test(`${label}: exec reports a non-zero exit code`, { skip }, async () => {
      const mark = fx.paths.length;
      const r = await runKubectl(bin!, ['exec', 'p', '--', 'sh', '-c', 'echo oops >&2; exit 3'], kubectlEnv(fx, c.env));
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stderr, /oops\n/);
      assert.match(r.stderr, /command terminated with exit code 3/);
      assert.equal(fx.paths.slice(mark).at(-1), `exec ${c.execPath}`);
    });

    test(`${label}: exec moves megabytes both ways intact`, { skip }, async () => {
      const out = await runKubectl(
        bin!,
        ['exec', 'p', '--', 'sh', '-c', 'head -c 3000000 /dev/zero | tr "\\0" x'],
        kubectlEnv(fx, c.env),
      );
      assert.equal(out.code, 0, out.stderr);
      assert.equal(out.stdout, 'x'.repeat(3_000_000));
      const input = 'y'.repeat(1_000_000);
      const up = await runKubectl(bin!, ['exec', '-i', 'p', '--', 'wc', '-c'], kubectlEnv(fx, c.env), input);
      assert.equal(up.code, 0, up.stderr);
      assert.equal(up.stdout.trim(), '1000000');
    });

    test(`${label}: exec -t sends the terminal size on the resize stream`, { skip: skip || scriptSkip }, async () => {
      // `script` gives kubectl a terminal (it refuses -t otherwise); stty sets the size kubectl reports.
      const shell = `stty cols 100 rows 30; ${bin} exec -it p -- sh`;
      const r = await runKubectl('script', ['-qfec', shell, '/dev/null'], kubectlEnv(fx, c.env));
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /size 100x30/);
    });

    test(`${label}: attach streams the container's output`, { skip }, async () => {
      const r = await runKubectl(bin!, ['attach', 'p', '-c', 'c'], kubectlEnv(fx, c.env));
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'attached to c\n');
    });

    test(`${label}: port-forward reaches the backend over ${c.portForwardPath}`, { skip }, async () => {
      const mark = fx.paths.length;
      const upload = 'z'.repeat(1_000_000);
      // Several connections in a row: later ones prove the earlier stream pairs were cleaned up properly.
      const bodies = await portForward(bin!, kubectlEnv(fx, c.env), 80, async (local) => [
        await httpGet(local),
        await httpGet(local),
        await httpGet(local, upload),
      ]);
      assert.deepEqual(bodies.slice(0, 2), ['hello from backend\n', 'hello from backend\n']);
      assert.equal(bodies[2]!.length, upload.length);
      assert.ok(bodies[2] === upload, 'the echoed upload is intact');
      assert.equal(fx.paths.slice(mark).at(-1), `portforward ${c.portForwardPath}`);
    });

    test(`${label}: port-forward shows the error a failed dial reports`, { skip }, async () => {
      await portForward(bin!, kubectlEnv(fx, c.env), 81, async (local, stderr) => {
        await httpGet(local).catch(() => '');
        for (let i = 0; i < 100 && !stderr().includes('nothing listens'); i++)
          await new Promise((r) => setTimeout(r, 50));
        assert.match(
          stderr(),
          /an error occurred forwarding \d+ -> 81: error forwarding port 81 to pod p_default: nothing listens on port 81/,
        );
        return [];
      });
    });
  }
});
