import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { FakeClock } from '../../util/clock.js';
import { findFreePort } from '../../testing/ports.js';
import { doGrpcProbe, loadHealthService, type HealthCheckRequest, type HealthCheckResponse } from './grpc-probe.js';

const service = loadHealthService();
let server: grpc.Server;
let port: number;
let bare: grpc.Server;
let barePort: number;
const userAgents: string[] = [];

function bind(s: grpc.Server): Promise<number> {
  return new Promise((resolve, reject) =>
    s.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
}

before(async () => {
  const statuses: Record<string, HealthCheckResponse['status']> = { '': 'SERVING', db: 'NOT_SERVING' };
  server = new grpc.Server();
  server.addService(service, {
    Check: (
      call: grpc.ServerUnaryCall<HealthCheckRequest, HealthCheckResponse>,
      cb: grpc.sendUnaryData<HealthCheckResponse>,
    ) => {
      userAgents.push(String(call.metadata.get('user-agent')[0] ?? ''));
      const status = statuses[call.request.service];
      if (!status) cb({ code: grpc.status.NOT_FOUND, details: 'unknown service' });
      else cb(null, { status });
    },
  });
  port = await bind(server);
  bare = new grpc.Server();
  barePort = await bind(bare);
});

after(() => {
  server.forceShutdown();
  bare.forceShutdown();
});

test('grpc probe reports SERVING as success and anything else as failure, as upstream words it', async () => {
  const cases: { name: string; service: string; want: object }[] = [
    { name: 'serving', service: '', want: { result: 'success', output: 'service healthy' } },
    {
      name: 'not serving',
      service: 'db',
      want: { result: 'failure', output: 'service unhealthy (responded with "NOT_SERVING")' },
    },
    {
      name: 'rpc error',
      service: 'cache',
      want: {
        result: 'failure',
        output: 'error: health rpc probe failed: rpc error: code = NotFound desc = unknown service',
      },
    },
  ];
  for (const c of cases) {
    const clock = new FakeClock();
    const got = await doGrpcProbe('127.0.0.1', port, c.service, { clock, timeoutMs: 1000, service });
    assert.deepEqual(got, c.want, c.name);
    assert.equal(clock.pendingTimers(), 0, c.name);
  }
  assert.match(userAgents[0] ?? '', /^kube-probe\/1\.33/);
});

test('grpc probe of a server without the health service says so', async () => {
  const got = await doGrpcProbe('127.0.0.1', barePort, '', { clock: new FakeClock(), timeoutMs: 1000, service });
  assert.equal(got.result, 'failure');
  assert.match(
    got.output,
    /^error: this server does not implement the grpc health protocol \(grpc\.health\.v1\.Health\): /,
  );
});

test('grpc probe of an unreachable server fails with a timeout once the clock passes the deadline', async () => {
  const clock = new FakeClock();
  const free = await findFreePort();
  const pending = doGrpcProbe('127.0.0.1', free, '', { clock, timeoutMs: 1000, service });
  clock.step(1000);
  assert.deepEqual(await pending, {
    result: 'failure',
    output: `timeout: failed to connect service "127.0.0.1:${free}" within 1s: context deadline exceeded`,
  });
});
