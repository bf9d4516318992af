import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpdyConnection, type SpdyConnectionOptions } from './connection.js';
import { FLAG_FIN, FLAG_UNIDIRECTIONAL, GoAwayStatus, RstStatus } from './frames.js';
import type { SpdyStream } from './stream.js';
import { duplexPair, TestSpdyPeer } from './test-peer.js';

function setup(options: Partial<SpdyConnectionOptions> = {}) {
  const [serverSide, clientSide] = duplexPair();
  const streams: SpdyStream[] = [];
  const waiters: ((s: SpdyStream) => void)[] = [];
  const conn = new SpdyConnection(serverSide, {
    onStream: (s) => {
      const w = waiters.shift();
      if (w) w(s);
      else streams.push(s);
    },
    ...options,
  });
  const peer = new TestSpdyPeer(clientSide);
  const nextStream = () =>
    streams.length > 0
      ? Promise.resolve(streams.shift()!)
      : new Promise<SpdyStream>((resolve) => waiters.push(resolve));
  return { conn, peer, nextStream, serverSide, clientSide };
}

async function readAll(s: SpdyStream): Promise<string> {
  let out = '';
  for await (const chunk of s) out += (chunk as Buffer).toString();
  return out;
}

test('a SYN_STREAM becomes a stream with its headers, and reply() sends SYN_REPLY', async () => {
  const { conn, peer, nextStream } = setup();
  await peer.synStream(1, { streamtype: ['stdout'], port: ['80'] });
  const s = await nextStream();
  assert.equal(s.id, 1);
  assert.equal(s.header('streamType'), 'stdout');
  assert.equal(s.header('PORT'), '80');
  await s.reply({ 'x-answer': ['yes'] });
  const reply = await peer.next((f) => f.type === 'SYN_REPLY');
  assert.deepEqual(
    { id: reply.type === 'SYN_REPLY' && reply.streamId, headers: reply.headers },
    { id: 1, headers: { 'x-answer': ['yes'] } },
  );
  conn.destroy();
  await conn.closed;
  peer.close();
});

test('data flows both ways and FIN half-closes each direction', async () => {
  const { conn, peer, nextStream } = setup();
  await peer.synStream(1, { streamtype: ['stdin'] });
  const s = await nextStream();
  void s.reply();
  peer.send({ type: 'DATA', streamId: 1, flags: 0, data: Buffer.from('hello ') });
  peer.send({ type: 'DATA', streamId: 1, flags: FLAG_FIN, data: Buffer.from('world') });
  assert.equal(await readAll(s), 'hello world');
  s.end('bye');
  assert.equal((await peer.readUntilFin(1)).toString(), 'bye');
  assert.equal(conn.openStreams, 0, 'a stream closed both ways is forgotten');
  conn.destroy();
  peer.close();
});

test('writing before reply() replies first, so SYN_REPLY precedes DATA', async () => {
  const { conn, peer, nextStream } = setup();
  await peer.synStream(3, { streamtype: ['stdout'] });
  const s = await nextStream();
  s.write('early');
  const first = await peer.next((f) => f.type === 'SYN_REPLY' || f.type === 'DATA');
  assert.equal(first.type, 'SYN_REPLY');
  const data = await peer.next((f) => f.type === 'DATA');
  assert.equal(data.type === 'DATA' && data.data.toString(), 'early');
  conn.destroy();
  peer.close();
});

test('large writes are split into frames no bigger than maxDataFrameSize', async () => {
  const { conn, peer, nextStream } = setup({ maxDataFrameSize: 1000 });
  await peer.synStream(1, {});
  const s = await nextStream();
  s.end(Buffer.alloc(4500, 'x'));
  const sizes: number[] = [];
  for (;;) {
    const f = await peer.next((x) => x.type === 'DATA');
    if (f.type !== 'DATA') continue;
    sizes.push(f.data.length);
    if (f.flags & FLAG_FIN) break;
  }
  assert.deepEqual(sizes, [1000, 1000, 1000, 1000, 500, 0]);
  conn.destroy();
  peer.close();
});

test("the peer's PINGs are echoed and our own PINGs resolve on the echo", async () => {
  const { conn, peer } = setup();
  peer.send({ type: 'PING', version: 3, id: 7 });
  const echo = await peer.next((f) => f.type === 'PING');
  assert.equal(echo.type === 'PING' && echo.id, 7);
  const pinged = conn.ping();
  const ours = await peer.next((f) => f.type === 'PING');
  assert.equal(ours.type === 'PING' && ours.id % 2, 0, 'server pings use even ids');
  if (ours.type === 'PING') peer.send(ours);
  await pinged;
  conn.destroy();
  peer.close();
});

test('RST_STREAM from the peer ends the stream and later writes are dropped', async () => {
  const { conn, peer, nextStream } = setup();
  await peer.synStream(1, {});
  const s = await nextStream();
  await s.reply();
  const reset = new Promise<number>((resolve) => s.once('reset', resolve));
  peer.send({ type: 'RST_STREAM', version: 3, streamId: 1, status: RstStatus.CANCEL });
  assert.equal(await reset, RstStatus.CANCEL);
  assert.equal(s.isReset, true);
  await new Promise<void>((resolve, reject) => s.write('ignored', (err) => (err ? reject(err) : resolve())));
  peer.send({ type: 'PING', version: 3, id: 1 });
  await peer.next((f) => f.type === 'PING');
  assert.equal(peer.pending().filter((f) => f.type === 'DATA').length, 0);
  conn.destroy();
  peer.close();
});

test('streams with even or non-increasing ids are refused with PROTOCOL_ERROR', async () => {
  const { conn, peer, nextStream } = setup();
  await peer.synStream(5, {});
  await nextStream();
  for (const id of [2, 3, 5]) {
    await peer.synStream(id, {});
    const rst = await peer.next((f) => f.type === 'RST_STREAM');
    assert.deepEqual(rst.type === 'RST_STREAM' && [rst.streamId, rst.status], [id, RstStatus.PROTOCOL_ERROR]);
  }
  // The zlib context stayed in step: a valid stream after the refused ones still decodes.
  await peer.synStream(7, { ok: ['yes'] });
  assert.equal((await nextStream()).header('ok'), 'yes');
  conn.destroy();
  peer.close();
});

test('SYN_STREAM with FIN ends the readable side; UNIDIRECTIONAL forbids sending', async () => {
  const { conn, peer, nextStream } = setup();
  await peer.synStream(1, {}, FLAG_FIN | FLAG_UNIDIRECTIONAL);
  const s = await nextStream();
  assert.equal(await readAll(s), '');
  s.end('never sent');
  await new Promise((resolve) => s.once('finish', resolve));
  peer.send({ type: 'PING', version: 3, id: 1 });
  await peer.next((f) => f.type === 'PING');
  assert.equal(peer.pending().filter((f) => f.type === 'DATA').length, 0);
  conn.destroy();
  peer.close();
});

test('consumed data is acknowledged with WINDOW_UPDATE for the stream and the session', async () => {
  const { conn, peer, nextStream } = setup();
  await peer.synStream(1, {});
  const s = await nextStream();
  await s.reply();
  const total = 40 * 1024;
  for (let sent = 0; sent < total; sent += 8192)
    peer.send({ type: 'DATA', streamId: 1, flags: 0, data: Buffer.alloc(8192) });
  let read = 0;
  s.on('data', (c: Buffer) => (read += c.length));
  const streamUpdate = await peer.next((f) => f.type === 'WINDOW_UPDATE' && f.streamId === 1);
  const sessionUpdate = await peer.next((f) => f.type === 'WINDOW_UPDATE' && f.streamId === 0);
  assert.ok(streamUpdate.type === 'WINDOW_UPDATE' && streamUpdate.delta >= 32 * 1024);
  assert.ok(sessionUpdate.type === 'WINDOW_UPDATE' && sessionUpdate.delta >= 32 * 1024);
  assert.ok(read >= 32 * 1024);
  conn.destroy();
  peer.close();
});

test('with enforceSendWindow, sending stops at the window and resumes on WINDOW_UPDATE', async () => {
  const { conn, peer, nextStream } = setup({ enforceSendWindow: true });
  peer.send({ type: 'SETTINGS', version: 3, flags: 0, entries: [{ flags: 0, id: 7, value: 1000 }] });
  await peer.synStream(1, {});
  const s = await nextStream();
  const done = new Promise<void>((resolve) => s.end(Buffer.alloc(2500), () => resolve()));
  let received = 0;
  const take = async () => {
    const f = await peer.next((x) => x.type === 'DATA');
    if (f.type === 'DATA') received += f.data.length;
  };
  await take();
  assert.equal(received, 1000);
  // Nothing more may arrive until the window opens again.
  peer.send({ type: 'PING', version: 3, id: 1 });
  await peer.next((f) => f.type === 'PING');
  assert.equal(peer.pending().filter((f) => f.type === 'DATA').length, 0);
  peer.send({ type: 'WINDOW_UPDATE', version: 3, streamId: 1, delta: 5000 });
  await take();
  await take();
  await done;
  assert.equal(received, 2500);
  conn.destroy();
  peer.close();
});

test('close() ends open streams, sends GOAWAY naming the last stream, and half-closes the socket', async () => {
  const { conn, peer, nextStream, clientSide } = setup();
  await peer.synStream(1, {});
  const s = await nextStream();
  await s.reply();
  const closing = conn.close();
  assert.equal((await peer.readUntilFin(1)).length, 0);
  const goaway = await peer.next((f) => f.type === 'GOAWAY');
  assert.deepEqual(goaway.type === 'GOAWAY' && [goaway.lastGoodStreamId, goaway.status], [1, GoAwayStatus.OK]);
  clientSide.end();
  clientSide.destroy();
  await closing;
  peer.close();
});

test('a garbage frame makes the connection send GOAWAY PROTOCOL_ERROR and close', async () => {
  const { conn, peer, clientSide } = setup();
  clientSide.write(Buffer.from('80030006000000080000000100000002', 'hex'));
  const goaway = await peer.next((f) => f.type === 'GOAWAY');
  assert.equal(goaway.type === 'GOAWAY' && goaway.status, GoAwayStatus.PROTOCOL_ERROR);
  await conn.closed;
  peer.close();
});

test('when the peer ends the socket, our side ends once no stream is left', async () => {
  const { conn, peer, nextStream, clientSide } = setup();
  await peer.synStream(1, {});
  const s = await nextStream();
  await s.reply();
  clientSide.end();
  let ended = false;
  s.resume();
  await new Promise((resolve) => s.once('end', resolve));
  clientSide.once('end', () => (ended = true));
  // The stream can still finish its output before the socket closes.
  s.end('last words');
  assert.equal((await peer.readUntilFin(1)).toString(), 'last words');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(ended, true);
  clientSide.destroy();
  await conn.closed;
  peer.close();
});
