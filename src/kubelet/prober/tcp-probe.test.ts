import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { FakeClock } from '../../util/clock.js';
import { findFreePort } from '../../testing/ports.js';
import { doTcpProbe } from './tcp-probe.js';

test('tcpSocket probe succeeds against a listener and closes the connection', async () => {
  let accepted = 0;
  const server = net.createServer((s) => {
    accepted++;
    s.on('error', () => {});
    s.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    const clock = new FakeClock();
    assert.deepEqual(await doTcpProbe('127.0.0.1', port, { clock, timeoutMs: 1000 }), {
      result: 'success',
      output: '',
    });
    assert.equal(clock.pendingTimers(), 0);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  assert.equal(accepted, 1);
});

test('tcpSocket probe fails on a refused port with Go dial text', async () => {
  const port = await findFreePort();
  assert.deepEqual(await doTcpProbe('127.0.0.1', port, { clock: new FakeClock(), timeoutMs: 1000 }), {
    result: 'failure',
    output: `dial tcp 127.0.0.1:${port}: connect: connection refused`,
  });
});

test('tcpSocket probe times out on the clock when the connection never opens', async () => {
  const clock = new FakeClock();
  const never = new net.Socket();
  const pending = doTcpProbe('10.42.0.5', 80, { clock, timeoutMs: 1000, dial: () => never });
  clock.step(1000);
  assert.deepEqual(await pending, { result: 'failure', output: 'dial tcp 10.42.0.5:80: i/o timeout' });
  assert.equal(never.destroyed, true);
});
