import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../util/clock.js';
import { findFreePort } from '../../testing/ports.js';
import { canonicalHeaderKey, doHttpProbe, formatProbeURL, newRequestForHTTPGetAction } from './http-probe.js';
import { startServer, type TestServer } from './test-helpers.js';
import type { HTTPGetAction } from './types.js';

let server: TestServer;
const hanging: import('node:http').ServerResponse[] = [];

before(async () => {
  server = await startServer((req, res) => {
    switch (req.url) {
      case '/ok':
        res.end('ok');
        return;
      case '/fail':
        res.writeHead(500).end('secret stack trace');
        return;
      case '/redirect':
        res.writeHead(302, { Location: '/ok' }).end();
        return;
      case '/away':
        res.writeHead(302, { Location: `http://localhost:${server.port}/ok` }).end('moved');
        return;
      case '/loop':
        res.writeHead(302, { Location: '/loop' }).end();
        return;
      case '/big':
        res.end('x'.repeat(20 * 1024));
        return;
      case '/headers':
        res.end(JSON.stringify(req.headers));
        return;
      case '/slow':
        hanging.push(res);
        return;
      default:
        res.writeHead(404).end();
    }
  });
});

after(async () => {
  for (const res of hanging) res.destroy();
  await server.close();
});

function probeOf(path: string, extra: Partial<HTTPGetAction> = {}) {
  return newRequestForHTTPGetAction({ path, port: server.port, ...extra }, {}, '127.0.0.1');
}

test('httpGet probe judges responses as upstream: 2xx success, 5xx failure without body, redirects', async () => {
  const clock = new FakeClock();
  const base = `http://127.0.0.1:${server.port}`;
  const cases: { path: string; result: string; output: string }[] = [
    { path: '/ok', result: 'success', output: 'ok' },
    { path: '/fail', result: 'failure', output: 'HTTP probe failed with statuscode: 500' },
    { path: '/missing', result: 'failure', output: 'HTTP probe failed with statuscode: 404' },
    { path: '/redirect', result: 'success', output: 'ok' },
    { path: '/away', result: 'warning', output: 'Probe terminated redirects, Response body: moved' },
    { path: '/loop', result: 'failure', output: `Get "${base}/loop": stopped after 10 redirects` },
  ];
  for (const c of cases) {
    const got = await doHttpProbe(probeOf(c.path), { clock, timeoutMs: 1000 });
    assert.deepEqual(got, { result: c.result, output: c.output }, c.path);
  }
  assert.equal(clock.pendingTimers(), 0, 'every timeout timer is cleared');
});

test('httpGet probe reads at most 10 KiB of the body', async () => {
  const got = await doHttpProbe(probeOf('/big'), { clock: new FakeClock(), timeoutMs: 1000 });
  assert.equal(got.result, 'success');
  assert.equal(got.output.length, 10 * 1024);
});

test('httpGet probe sends kube-probe User-Agent, Accept */*, custom headers and Host', async () => {
  const req = probeOf('/headers', {
    httpHeaders: [
      { name: 'x-custom', value: 'a' },
      { name: 'Host', value: 'example.test' },
    ],
  });
  const got = await doHttpProbe(req, { clock: new FakeClock(), timeoutMs: 1000 });
  const headers = JSON.parse(got.output) as Record<string, string>;
  assert.equal(headers['user-agent'], 'kube-probe/1.33');
  assert.equal(headers['accept'], '*/*');
  assert.equal(headers['x-custom'], 'a');
  assert.equal(headers['host'], 'example.test');
  assert.equal(headers['connection'], 'close');
});

test('a slow server fails the probe once the clock passes timeoutSeconds', async () => {
  const clock = new FakeClock();
  const pending = doHttpProbe(probeOf('/slow'), { clock, timeoutMs: 1000 });
  await server.received('/slow');
  clock.step(999);
  clock.step(1);
  const got = await pending;
  assert.deepEqual(got, {
    result: 'failure',
    output: `Get "http://127.0.0.1:${server.port}/slow": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
  });
});

test('a refused connection fails with Go dial error text', async () => {
  const port = await findFreePort();
  const req = newRequestForHTTPGetAction({ path: '/', port }, {}, '127.0.0.1');
  const got = await doHttpProbe(req, { clock: new FakeClock(), timeoutMs: 1000 });
  assert.deepEqual(got, {
    result: 'failure',
    output: `Get "http://127.0.0.1:${port}/": dial tcp 127.0.0.1:${port}: connect: connection refused`,
  });
});

test('HTTPS probes skip certificate verification; HTTPS to a plain server fails as in Go', async (t) => {
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), 'k8ts-probe-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
  } catch {
    t.skip('openssl is not available to make a self-signed certificate');
    if (dir) rmSync(dir, { recursive: true, force: true });
    return;
  }
  const tls = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  rmSync(dir, { recursive: true, force: true });
  const secure = await startServer((_req, res) => res.end('secure'), tls);
  try {
    const req = newRequestForHTTPGetAction({ path: '/', port: secure.port, scheme: 'HTTPS' }, {}, '127.0.0.1');
    assert.deepEqual(await doHttpProbe(req, { clock: new FakeClock(), timeoutMs: 1000 }), {
      result: 'success',
      output: 'secure',
    });
  } finally {
    await secure.close();
  }
  const plain = newRequestForHTTPGetAction({ path: '/ok', port: server.port, scheme: 'HTTPS' }, {}, '127.0.0.1');
  assert.deepEqual(await doHttpProbe(plain, { clock: new FakeClock(), timeoutMs: 1000 }), {
    result: 'failure',
    output: `Get "https://127.0.0.1:${server.port}/ok": http: server gave HTTP response to HTTPS client`,
  });
});

test('newRequestForHTTPGetAction builds URLs and headers as upstream', () => {
  const container = { ports: [{ name: 'web', containerPort: 8080 }] };
  const cases: { name: string; action: HTTPGetAction; url: string; headers?: [string, string][] }[] = [
    { name: 'pod IP and named port', action: { path: '/healthz', port: 'web' }, url: 'http://10.42.0.5:8080/healthz' },
    { name: 'empty path', action: { port: 80 }, url: 'http://10.42.0.5:80' },
    { name: 'relative path gets a slash', action: { path: 'x?y=1', port: 80 }, url: 'http://10.42.0.5:80/x?y=1' },
    {
      name: 'host and HTTPS',
      action: { host: 'fd00::1', port: 443, scheme: 'HTTPS', path: '/' },
      url: 'https://[fd00::1]:443/',
    },
    {
      name: 'user agent override and empty Accept',
      action: {
        port: 80,
        httpHeaders: [
          { name: 'user-agent', value: 'mine' },
          { name: 'accept', value: '' },
        ],
      },
      url: 'http://10.42.0.5:80',
      headers: [['User-Agent', 'mine']],
    },
    {
      name: 'defaults',
      action: { port: 80 },
      url: 'http://10.42.0.5:80',
      headers: [
        ['User-Agent', 'kube-probe/1.33'],
        ['Accept', '*/*'],
      ],
    },
  ];
  for (const c of cases) {
    const req = newRequestForHTTPGetAction(c.action, container, '10.42.0.5');
    assert.equal(req.url, c.url, c.name);
    if (c.headers) assert.deepEqual(req.headers, c.headers, c.name);
  }
  assert.throws(() => newRequestForHTTPGetAction({ port: 'nope' }, container, '10.42.0.5'), /strconv.Atoi/);
  assert.throws(() => newRequestForHTTPGetAction({ port: 80 }, container, ''), /no IP/);
});

test('canonicalHeaderKey and formatProbeURL follow Go', () => {
  assert.equal(canonicalHeaderKey('x-forwarded-for'), 'X-Forwarded-For');
  assert.equal(canonicalHeaderKey('bad key'), 'bad key');
  assert.equal(formatProbeURL('http', '10.0.0.1', 80, '/'), 'http://10.0.0.1:80/');
});
