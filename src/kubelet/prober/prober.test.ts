import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { findFreePort } from '../../testing/ports.js';
import { FakeRecorder } from './events.js';
import type { ExecRunner } from './exec-probe.js';
import { Prober, type ProbeType } from './prober.js';
import { makePod, podStatus, startServer, type TestServer } from './test-helpers.js';
import type { Container, Probe } from './types.js';

let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/fail') res.writeHead(500).end();
    else if (req.url === '/away') res.writeHead(301, { Location: 'http://localhost/' }).end('moved');
    else res.end('ok');
  });
});
after(() => server.close());

function setup(exec: ExecRunner = async () => ({ exitCode: 0, output: '' })) {
  const recorder = new FakeRecorder();
  const prober = new Prober({ clock: new FakeClock(), exec, recorder });
  return { recorder, prober };
}

function containerWith(probeType: ProbeType, probe: Probe): Container {
  const key =
    probeType === 'Liveness' ? 'livenessProbe' : probeType === 'Readiness' ? 'readinessProbe' : 'startupProbe';
  return { name: 'c', [key]: probe };
}

test('probe failures record Unhealthy events worded as upstream', async () => {
  const refused = await findFreePort();
  const cases: { name: string; type: ProbeType; probe: Probe; exec?: ExecRunner; result: string; event?: string }[] = [
    {
      name: 'http 500',
      type: 'Liveness',
      probe: { httpGet: { path: '/fail', port: server.port } },
      result: 'Failure',
      event: 'Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500',
    },
    {
      name: 'connection refused',
      type: 'Readiness',
      probe: { httpGet: { path: '/', port: refused } },
      result: 'Failure',
      event: `Warning Unhealthy Readiness probe failed: Get "http://127.0.0.1:${refused}/": dial tcp 127.0.0.1:${refused}: connect: connection refused`,
    },
    {
      name: 'exec output',
      type: 'Startup',
      probe: { exec: { command: ['cat', '/tmp/ready'] } },
      exec: async () => ({ exitCode: 1, output: "cat: can't open '/tmp/ready'" }),
      result: 'Failure',
      event: "Warning Unhealthy Startup probe failed: cat: can't open '/tmp/ready'",
    },
    {
      name: 'redirect elsewhere',
      type: 'Readiness',
      probe: { httpGet: { path: '/away', port: server.port } },
      result: 'Success',
      event: 'Warning ProbeWarning Readiness probe warning: Probe terminated redirects, Response body: moved',
    },
    { name: 'tcp success', type: 'Liveness', probe: { tcpSocket: { port: server.port } }, result: 'Success' },
  ];
  for (const c of cases) {
    const { recorder, prober } = setup(c.exec);
    const container = containerWith(c.type, c.probe);
    const pod = makePod([container]);
    const got = await prober.probe(c.type, pod, podStatus([]), container, 'containerd://abc');
    assert.equal(got.result, c.result, c.name);
    assert.equal(got.error, undefined, c.name);
    assert.deepEqual(recorder.lines(), c.event ? [c.event] : [], c.name);
    if (c.event) {
      assert.deepEqual(recorder.events[0]?.ref, {
        kind: 'Pod',
        apiVersion: 'v1',
        namespace: 'ns',
        name: 'p',
        uid: 'uid-1',
        fieldPath: 'spec.containers{c}',
      });
    }
  }
});

test('a probe that cannot run is tried three times, then reported as errored', async () => {
  const calls: string[] = [];
  const { recorder, prober } = setup(async (id) => {
    calls.push(id);
    throw new Error('container not found');
  });
  const container = containerWith('Liveness', { exec: { command: ['true'] } });
  const got = await prober.probe('Liveness', makePod([container]), podStatus([]), container, 'containerd://abc');
  assert.equal(got.result, 'Failure');
  assert.equal(got.error?.message, 'container not found');
  assert.deepEqual(calls, ['abc', 'abc', 'abc'], 'the runner gets the bare container ID');
  assert.deepEqual(recorder.lines(), [
    'Warning Unhealthy Liveness probe errored and resulted in unknown state: container not found',
  ]);
});

test('a container without the probe counts as success; an empty probe is an error', async () => {
  const { prober } = setup();
  const none: Container = { name: 'c' };
  assert.deepEqual(await prober.probe('Readiness', makePod([none]), podStatus([]), none, 'x://1'), {
    result: 'Success',
  });
  const empty = containerWith('Readiness', {});
  const got = await prober.probe('Readiness', makePod([empty]), podStatus([]), empty, 'x://1');
  assert.equal(got.error?.message, 'missing probe handler for p_ns(uid-1):c');
});
