import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serveExec, servePortForward, type ExecRunner } from './handlers.js';

const neverRun: ExecRunner = () => Promise.reject(new Error('the runner must not be called'));

/** Sends a raw HTTP/1.1 request to a server whose every request goes to `handle`, and returns the raw reply. */
async function exchange(
  handle: (req: IncomingMessage, target: Duplex | ServerResponse, head: Buffer) => Promise<void>,
  request: string,
): Promise<string> {
  const server = createServer((req, res) => void handle(req, res, Buffer.alloc(0)));
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => void handle(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  let reply = '';
  socket.on('data', (c: Buffer) => (reply += c.toString('latin1')));
  socket.write(request);
  await new Promise<void>((resolve) => socket.on('close', () => resolve()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return reply;
}

const execHandler = (req: IncomingMessage, target: Duplex | ServerResponse, head: Buffer) =>
  serveExec(req, target, { runner: neverRun, head });
const portForwardHandler = (req: IncomingMessage, target: Duplex | ServerResponse, head: Buffer) =>
  servePortForward(req, target, { dial: () => connect(1, '127.0.0.1'), head });

function statusOf(reply: string): { code: number; body: Record<string, unknown>; head: string } {
  const [head, body] = reply.split('\r\n\r\n');
  return { code: Number(head!.split(' ')[1]), body: JSON.parse(body!) as Record<string, unknown>, head: head! };
}

test('refusals before the upgrade are metav1.Status replies kubectl can print', async () => {
  const cases: {
    name: string;
    handler: typeof execHandler;
    request: string;
    code: number;
    reason: string;
    message: RegExp;
  }[] = [
    {
      name: 'exec without an upgrade',
      handler: execHandler,
      request: 'GET /exec?command=ls&stdout=true HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      code: 400,
      reason: 'BadRequest',
      message: /^Upgrade request required$/,
    },
    {
      name: 'exec without any stream',
      handler: execHandler,
      request: 'POST /exec?command=ls HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n\r\n',
      code: 400,
      reason: 'BadRequest',
      message: /at least 1 of stdin, stdout, stderr/,
    },
    {
      name: 'SPDY without X-Stream-Protocol-Version',
      handler: execHandler,
      request: 'POST /exec?command=ls&stdout=1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n\r\n',
      code: 400,
      reason: 'BadRequest',
      message: /X-Stream-Protocol-Version is required/,
    },
    {
      name: 'SPDY with only unknown protocols',
      handler: execHandler,
      request:
        'POST /exec?command=ls&stdout=1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n' +
        'X-Stream-Protocol-Version: v9.channel.k8s.io\r\n\r\n',
      code: 403,
      reason: 'Forbidden',
      message: /unable to negotiate protocol: client supports \[v9.channel.k8s.io\]/,
    },
    {
      name: 'port-forward over WebSocket without the tunnelling subprotocol',
      handler: portForwardHandler,
      request:
        'GET /portforward HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: portforward.k8s.io\r\n\r\n',
      code: 400,
      reason: 'BadRequest',
      message: /requested protocol\(s\) are not supported/,
    },
  ];
  for (const c of cases) {
    const { code, body } = statusOf(await exchange(c.handler, c.request));
    assert.equal(code, c.code, c.name);
    assert.equal(body.kind, 'Status', c.name);
    assert.equal(body.reason, c.reason, c.name);
    assert.match(String(body.message), c.message, c.name);
  }
});

test('a failed SPDY negotiation lists the accepted protocols', async () => {
  const reply = await exchange(
    execHandler,
    'POST /exec?command=ls&stdout=1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n' +
      'X-Stream-Protocol-Version: v5.channel.k8s.io\r\n\r\n',
  );
  assert.match(
    statusOf(reply).head,
    /X-Accepted-Stream-Protocol-Versions: v4.channel.k8s.io, v3.channel.k8s.io, v2.channel.k8s.io, channel.k8s.io/,
  );
});

test('a SPDY upgrade answers 101 with the negotiated protocol', async () => {
  const server = createServer();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void servePortForward(req, socket, { dial: () => connect(1, '127.0.0.1'), head, streamCreationTimeoutMs: 100 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  socket.write(
    'POST /portforward HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n' +
      'X-Stream-Protocol-Version: portforward.k8s.io\r\nContent-Length: 0\r\n\r\n',
  );
  const head = await new Promise<string>((resolve) =>
    socket.once('data', (c: Buffer) => resolve(c.toString('latin1'))),
  );
  assert.equal(
    head,
    'HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n' +
      'X-Stream-Protocol-Version: portforward.k8s.io\r\n\r\n',
  );
  socket.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
