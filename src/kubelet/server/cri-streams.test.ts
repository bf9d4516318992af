/**
 * The v4 channel client against a local `ws` server that plays containerd's streaming server.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AsyncQueue } from './streams/async-queue.js';
import type { ExecIO } from './streams/handlers.js';
import type { TerminalSize } from './streams/remote-command.js';
import {
  connectChannels,
  dialPortForward,
  exitCodeFromStatus,
  runChannelSession,
  toWebSocketUrl,
} from './cri-streams.js';

type Script = (ws: WebSocket, url: URL) => void;
let server: Server;
let base: string;
const scripts = new Map<string, Script>();

before(async () => {
  server = createServer();
  const wss = new WebSocketServer({
    server,
    handleProtocols: (p) => (p.has('v4.channel.k8s.io') ? 'v4.channel.k8s.io' : false),
    verifyClient: (info, cb) => (info.req.url?.startsWith('/refuse') ? cb(false, 404, 'no such session') : cb(true)),
  });
  wss.on('connection', (ws, req) => {
    const url = new URL(req.url ?? '/', 'http://x');
    scripts.get(url.pathname)?.(ws, url);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

const msg = (channel: number, data: string | Buffer) => Buffer.concat([Buffer.from([channel]), Buffer.from(data)]);

function collector(): { w: Writable; text: () => string } {
  let s = '';
  return { w: new Writable({ write: (c: Buffer, _e, cb) => ((s += c.toString()), cb()) }), text: () => s };
}

function io(stdin = new PassThrough()) {
  const out = collector();
  const err = collector();
  const resize = new AsyncQueue<TerminalSize>();
  const ac = new AbortController();
  const execIO: ExecIO = { stdin, stdout: out.w, stderr: err.w, resize, signal: ac.signal };
  return { execIO, out, err, resize, ac };
}

test('toWebSocketUrl switches the scheme only', () => {
  assert.equal(toWebSocketUrl('http://127.0.0.1:1/exec/x'), 'ws://127.0.0.1:1/exec/x');
  assert.equal(toWebSocketUrl('https://h/attach/y'), 'wss://h/attach/y');
});

test('exitCodeFromStatus reads Success, NonZeroExitCode, and throws other failures', () => {
  assert.equal(exitCodeFromStatus(undefined), 0);
  assert.equal(exitCodeFromStatus({ kind: 'Status', apiVersion: 'v1', status: 'Success', metadata: {} }), 0);
  const nonZero = {
    status: 'Failure',
    metadata: {},
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: '7' }] },
  };
  assert.equal(exitCodeFromStatus(nonZero as never), 7);
  assert.throws(
    () =>
      exitCodeFromStatus({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        metadata: {},
        reason: 'InternalError',
        message: 'boom',
        code: 500,
      }),
    (e: { status?: { message?: string } }) => e.status?.message === 'boom',
  );
});

test('an exec session copies output, resize and the exit code; early messages are not lost', async () => {
  const resizes: string[] = [];
  scripts.set('/exec/a', (ws) => {
    // Everything at once, in the same tick as the handshake: the client must still see it.
    ws.send(msg(1, ''));
    ws.send(msg(2, ''));
    ws.send(msg(1, 'out\n'));
    ws.send(msg(2, 'err\n'));
    ws.on('message', (m: Buffer) => {
      if (m[0] === 4) {
        resizes.push(m.subarray(1).toString());
        ws.send(
          msg(
            3,
            JSON.stringify({
              metadata: {},
              status: 'Failure',
              reason: 'NonZeroExitCode',
              details: { causes: [{ reason: 'ExitCode', message: '3' }] },
            }),
          ),
        );
        ws.close();
      }
    });
  });
  const s = io();
  const conn = await connectChannels(`${base}/exec/a`);
  const done = runChannelSession(conn, s.execIO, { stdin: false });
  s.resize.push({ width: 80, height: 24 });
  assert.deepEqual(await done, { exitCode: 3 });
  assert.equal(s.out.text(), 'out\n');
  assert.equal(s.err.text(), 'err\n');
  assert.deepEqual(resizes, ['{"Width":80,"Height":24}']);
});

test('stdin goes out on channel 0; a Success status means exit 0', async () => {
  scripts.set('/exec/b', (ws) => {
    ws.on('message', (m: Buffer) => {
      if (m[0] !== 0) return;
      ws.send(msg(1, m.subarray(1)));
      ws.send(msg(3, JSON.stringify({ metadata: {}, status: 'Success' })));
      ws.close();
    });
  });
  const stdin = new PassThrough();
  const s = io(stdin);
  const conn = await connectChannels(`${base}/exec/b`);
  const done = runChannelSession(conn, s.execIO, { stdin: true });
  stdin.write('ping');
  assert.deepEqual(await done, { exitCode: 0 });
  assert.equal(s.out.text(), 'ping');
});

test('a refused handshake rejects with the server answer', async () => {
  await assert.rejects(connectChannels(`${base}/refuse/x`), /streaming server answered 404/);
});

test('a port-forward stream strips the port prefixes and carries data both ways', async () => {
  scripts.set('/portforward/p', (ws, url) => {
    assert.equal(url.searchParams.get('port'), '8080');
    const port = Buffer.alloc(2);
    port.writeUInt16LE(8080);
    ws.send(msg(0, port));
    ws.send(msg(1, port));
    ws.on('message', (m: Buffer) => {
      if (m[0] !== 0) return;
      ws.send(msg(0, `echo:${m.subarray(1).toString()}`));
      ws.close();
    });
  });
  const stream = await dialPortForward(`${base}/portforward/p`, 8080);
  let got = '';
  stream.on('data', (c: Buffer) => (got += c.toString()));
  stream.write('hi');
  await new Promise<void>((r) => stream.once('close', () => r()));
  assert.equal(got, 'echo:hi');
});

test('text on the error channel fails the port-forward stream', async () => {
  scripts.set('/portforward/e', (ws) => {
    ws.send(msg(0, Buffer.from([80, 0])));
    ws.send(msg(1, Buffer.from([80, 0])));
    ws.send(msg(1, 'connection refused'));
    ws.close();
  });
  const stream = await dialPortForward(`${base}/portforward/e`, 80);
  const err = await new Promise<Error>((r) => stream.once('error', r));
  assert.equal(err.message, 'connection refused');
});
