import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { findFreePort } from '../../testing/ports.js';
import { FakeRecorder } from '../prober/events.js';
import type { ExecRunner } from '../prober/exec-probe.js';
import { flush, startServer, type TestServer } from '../prober/test-helpers.js';
import type { Container, LifecycleHandler, Pod } from '../prober/types.js';
import { HandlerRunner, runPostStartHook, runPreStopHook } from './hooks.js';

let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/missing') res.writeHead(404).end();
    else res.end('bye');
  });
});
after(() => server.close());

function setup(exec: ExecRunner = async () => ({ exitCode: 0, output: '' })) {
  const clock = new FakeClock();
  const recorder = new FakeRecorder();
  const runner = new HandlerRunner({ clock, exec, podIP: () => '127.0.0.1', recorder });
  return { clock, recorder, runner };
}

function podWith(container: Container): Pod {
  return { metadata: { name: 'p', namespace: 'ns', uid: 'uid-1' }, spec: { containers: [container] } };
}

test('hook handlers succeed or fail with upstream messages', async () => {
  const refused = await findFreePort();
  const failing: ExecRunner = async () => ({ exitCode: 1, output: 'no such file' });
  const cases: { name: string; handler: LifecycleHandler; exec?: ExecRunner; ok: boolean; message?: string }[] = [
    { name: 'exec ok', handler: { exec: { command: ['sh', '-c', 'true'] } }, ok: true },
    {
      name: 'exec non-zero',
      handler: { exec: { command: ['cat', '/x'] } },
      exec: failing,
      ok: false,
      message: `Exec lifecycle hook ([cat /x]) for Container "c" in Pod "p_ns(uid-1)" failed - error: command 'cat /x' exited with 1: no such file, message: "no such file"`,
    },
    { name: 'http any status is done', handler: { httpGet: { path: '/missing', port: server.port } }, ok: true },
    {
      name: 'http refused',
      handler: { httpGet: { path: '/stop', port: refused } },
      ok: false,
      message: `HTTP lifecycle hook (/stop) for Container "c" in Pod "p_ns(uid-1)" failed - error: Get "http://127.0.0.1:${refused}/stop": dial tcp 127.0.0.1:${refused}: connect: connection refused`,
    },
    { name: 'tcpSocket is not supported', handler: { tcpSocket: { port: 80 } }, ok: false },
  ];
  for (const c of cases) {
    const { runner } = setup(c.exec);
    const container: Container = { name: 'c' };
    const got = await runner.run('containerd://abc', podWith(container), container, c.handler);
    assert.equal(got.ok, c.ok, c.name);
    if (!got.ok && c.message) assert.equal(got.message, c.message, c.name);
  }
  const last = server.requests.at(-1);
  assert.equal(last?.headers['user-agent'], 'kube-lifecycle/1.33');
});

test('an HTTPS hook to a plain HTTP server falls back to HTTP and records an event', async () => {
  const { runner, recorder } = setup();
  const container: Container = { name: 'c' };
  const got = await runner.run('x://1', podWith(container), container, {
    httpGet: {
      path: '/',
      port: server.port,
      scheme: 'HTTPS',
      httpHeaders: [{ name: 'Authorization', value: 'secret' }],
    },
  });
  assert.deepEqual(got, { ok: true });
  assert.deepEqual(recorder.lines(), [
    `Warning LifecycleHTTPFallback request to HTTPS lifecycle hook 127.0.0.1:${server.port} got HTTP response, retry with HTTP succeeded`,
  ]);
  assert.equal(server.requests.at(-1)?.headers['authorization'], undefined, 'credentials are not resent over HTTP');
});

test('sleep hooks wait on the clock', async () => {
  const { clock, runner } = setup();
  const container: Container = { name: 'c' };
  let done = false;
  const pending = runner.run('x://1', podWith(container), container, { sleep: { seconds: 5 } }).then((r) => {
    done = true;
    return r;
  });
  clock.step(4999);
  await flush();
  assert.equal(done, false);
  clock.step(1);
  assert.deepEqual(await pending, { ok: true });
});

test('a failing postStart kills the container with FailedPostStartHook', async () => {
  const exec: ExecRunner = async () => ({ exitCode: 2, output: '' });
  const { runner, recorder } = setup(exec);
  const kills: string[][] = [];
  const container: Container = { name: 'c', lifecycle: { postStart: { exec: { command: ['false'] } } } };
  const got = await runPostStartHook(
    { runner, recorder, killContainer: async (id, reason, message) => void kills.push([id, reason, message]) },
    'containerd://abc',
    podWith(container),
    container,
  );
  assert.equal(got.ok, false);
  assert.equal(!got.ok && got.reason, 'PostStartHookError');
  assert.deepEqual(kills, [['containerd://abc', 'FailedPostStartHook', 'FailedPostStartHook']]);
  assert.deepEqual(recorder.lines(), ['Warning FailedPostStartHook PostStartHook failed']);
  assert.equal(recorder.events[0]?.ref.fieldPath, 'spec.containers{c}');
});

test('preStop gets at most the grace period, on the clock', async () => {
  const calls: { id: string; timeout: number }[] = [];
  const exec: ExecRunner = (id, _cmd, timeout) => {
    calls.push({ id, timeout });
    return new Promise(() => {});
  };
  const { clock, runner, recorder } = setup(exec);
  const container: Container = { name: 'c', lifecycle: { preStop: { exec: { command: ['sleep', '100'] } } } };
  const pending = runPreStopHook({ runner, recorder, clock }, 'containerd://abc', podWith(container), container, 30);
  clock.step(10_000);
  await flush();
  clock.step(20_000);
  assert.equal(await pending, 30);
  assert.deepEqual(calls, [{ id: 'abc', timeout: 0 }]);
  assert.equal(clock.pendingTimers(), 0);

  const quick = setup();
  const quickContainer: Container = {
    name: 'c',
    lifecycle: { preStop: { httpGet: { path: '/', port: server.port } } },
  };
  assert.equal(
    await runPreStopHook({ ...quick, clock: quick.clock }, 'x://1', podWith(quickContainer), quickContainer, 30),
    0,
  );
});
