import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { RemoteCommandStreams, StreamOptions, TerminalSize } from './remote-command.js';
import { exitStatus, successStatus } from './status.js';
import {
  decodeChannelMessage,
  encodeChannelMessage,
  negotiateChannelProtocol,
  upgradeToChannels,
} from './websocket-channels.js';

test('subprotocol negotiation follows the client and accepts a bare connection', () => {
  const cases: { offered: string[]; want: string | undefined }[] = [
    { offered: ['v5.channel.k8s.io'], want: 'v5.channel.k8s.io' },
    { offered: ['v4.base64.channel.k8s.io', 'v4.channel.k8s.io'], want: 'v4.base64.channel.k8s.io' },
    { offered: ['bogus', 'channel.k8s.io'], want: 'channel.k8s.io' },
    { offered: ['base64.channel.k8s.io'], want: 'base64.channel.k8s.io' },
    { offered: [], want: '' },
    { offered: ['v9.channel.k8s.io'], want: undefined },
  ];
  for (const c of cases) assert.equal(negotiateChannelProtocol(c.offered), c.want, c.offered.join(','));
});

test('messages carry the channel as a byte, or as a digit before base64', () => {
  const data = Buffer.from('foo\n');
  const cases: { protocol: string; wire: Buffer | string }[] = [
    { protocol: 'v5.channel.k8s.io', wire: Buffer.from([1, 0x66, 0x6f, 0x6f, 0x0a]) },
    { protocol: 'base64.channel.k8s.io', wire: '1Zm9vCg==' },
    { protocol: 'v4.base64.channel.k8s.io', wire: '1Zm9vCg==' },
  ];
  for (const c of cases) {
    const wire = encodeChannelMessage(c.protocol, 1, data);
    assert.deepEqual(wire, c.wire, c.protocol);
    assert.deepEqual(decodeChannelMessage(c.protocol, Buffer.from(wire)), { channel: 1, data }, c.protocol);
  }
  assert.equal(decodeChannelMessage('v5.channel.k8s.io', Buffer.alloc(0)), undefined);
});

interface Session {
  client: WebSocket;
  server: RemoteCommandStreams;
  /** Every message the client received, decoded. */
  received: { channel: number; data: string }[];
  closed: Promise<number>;
  stop: () => Promise<void>;
}

async function openSession(protocols: string[], query: StreamOptions): Promise<Session> {
  let resolveStreams!: (s: RemoteCommandStreams | undefined) => void;
  const streams = new Promise<RemoteCommandStreams | undefined>((resolve) => (resolveStreams = resolve));
  const http = createServer();
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void upgradeToChannels(req, socket, head, query).then(resolveStreams);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const client = new WebSocket(`ws://127.0.0.1:${port}/exec`, protocols);
  const received: { channel: number; data: string }[] = [];
  client.on('message', (raw: Buffer) => {
    const msg = decodeChannelMessage(client.protocol, raw);
    if (msg) received.push({ channel: msg.channel, data: msg.data.toString() });
  });
  const closed = new Promise<number>((resolve) => client.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    client.on('open', () => resolve());
    client.on('error', reject);
  });
  const server = (await streams)!;
  const stop = async () => {
    client.terminate();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  };
  return { client, server, received, closed, stop };
}

async function readAll(r: NodeJS.ReadableStream): Promise<string> {
  let out = '';
  for await (const c of r) out += c.toString();
  return out;
}

test('v5: stdin ends on the CLOSE signal, output and a JSON status precede a normal close', async () => {
  const s = await openSession(['v5.channel.k8s.io'], { stdin: true, stdout: true, stderr: true, tty: false });
  assert.equal(s.client.protocol, 'v5.channel.k8s.io');
  s.client.send(Buffer.from([0, ...Buffer.from('foo\n')]));
  s.client.send(Buffer.from([255, 0]));
  assert.equal(await readAll(s.server.stdin), 'foo\n');
  s.server.stdout.write('out');
  s.server.stderr.write('err');
  await s.server.finish(exitStatus(7));
  assert.equal(await s.closed, 1000);
  assert.deepEqual(s.received, [
    { channel: 1, data: '' },
    { channel: 1, data: 'out' },
    { channel: 2, data: 'err' },
    { channel: 3, data: JSON.stringify(exitStatus(7)) },
  ]);
  assert.equal(s.server.signal.aborted, false, 'a finished session is not aborted by its own close');
  await s.stop();
});

test('v4 base64: text messages both ways, and stdin ends only with the connection', async () => {
  const s = await openSession(['v4.base64.channel.k8s.io'], { stdin: true, stdout: true, stderr: false, tty: false });
  s.client.send('0' + Buffer.from('abc').toString('base64'));
  s.client.send(Buffer.from([255, 0])); // not a v4 signal: ignored
  const chunk = await new Promise<Buffer>((resolve) => s.server.stdin.once('data', resolve));
  assert.equal(chunk.toString(), 'abc');
  s.server.stderr.write('dropped: stderr was not requested');
  await s.server.finish(successStatus());
  await s.closed;
  assert.deepEqual(s.received, [
    { channel: 1, data: '' },
    { channel: 3, data: '{"metadata":{},"status":"Success"}' },
  ]);
  await s.stop();
});

test('pre-v4: success sends nothing on the error channel, failure sends the message text', async () => {
  for (const [status, want] of [
    [successStatus(), []],
    [exitStatus(1, ['false']), [{ channel: 3, data: exitStatus(1, ['false']).message }]],
  ] as const) {
    const s = await openSession(['channel.k8s.io'], { stdin: false, stdout: false, stderr: true, tty: false });
    await s.server.finish(status);
    await s.closed;
    assert.deepEqual(s.received, [{ channel: 2, data: '' }, ...want]);
    await s.stop();
  }
});

test('resize messages on channel 4 reach the resize iterable when a TTY was requested', async () => {
  const s = await openSession(['v5.channel.k8s.io'], { stdin: true, stdout: true, stderr: false, tty: true });
  s.client.send(Buffer.concat([Buffer.from([4]), Buffer.from('{"Width":100,"Height":30}')]));
  s.client.send(Buffer.concat([Buffer.from([4]), Buffer.from('{"Width":90,"Height":20}')]));
  const sizes: TerminalSize[] = [];
  for await (const size of s.server.resize) {
    sizes.push(size);
    if (sizes.length === 2) break;
  }
  assert.deepEqual(sizes, [
    { width: 100, height: 30 },
    { width: 90, height: 20 },
  ]);
  await s.server.finish(successStatus());
  await s.stop();
});

test('a client that goes away aborts the session signal and ends stdin', async () => {
  const s = await openSession(['v5.channel.k8s.io'], { stdin: true, stdout: true, stderr: false, tty: false });
  const aborted = new Promise<void>((resolve) => s.server.signal.addEventListener('abort', () => resolve()));
  s.client.terminate();
  await aborted;
  assert.equal(await readAll(s.server.stdin), '');
  await s.server.finish(successStatus());
  await s.stop();
});

test('unsupported subprotocols are refused with a 400 Status before the upgrade', async () => {
  const http = createServer();
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void upgradeToChannels(req, socket, head, { stdin: false, stdout: true, stderr: false, tty: false });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}/`, ['v9.channel.k8s.io']);
  client.on('error', () => undefined);
  const status = await new Promise<number>((resolve) =>
    client.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
  );
  assert.equal(status, 400);
  client.terminate();
  await new Promise<void>((resolve) => http.close(() => resolve()));
});
