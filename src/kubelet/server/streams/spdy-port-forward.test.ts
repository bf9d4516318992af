import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, type Duplex } from 'node:stream';
import { FakeClock } from '../../../util/clock.js';
import { servePortForwardStreams, type PortDialer } from './spdy-port-forward.js';
import { SpdyConnection } from './spdy/connection.js';
import { FLAG_FIN, RstStatus } from './spdy/frames.js';
import { duplexPair, TestSpdyPeer } from './spdy/test-peer.js';

/** A backend that upper-cases what it receives and ends when its input ends. */
function upperCaseBackend(): Duplex {
  const [outside, inside] = duplexPair();
  inside.on('data', (c: Buffer) => inside.write(c.toString().toUpperCase()));
  inside.on('end', () => inside.end());
  return outside;
}

function start(dial: PortDialer, clock?: FakeClock) {
  const [serverSide, clientSide] = duplexPair();
  const peer = new TestSpdyPeer(clientSide);
  const conn = servePortForwardStreams((onStream) => new SpdyConnection(serverSide, { onStream, clock }), {
    dial,
    podDescription: 'p_default',
    clock,
    streamCreationTimeoutMs: 1000,
  });
  return { peer, conn };
}

async function openPair(peer: TestSpdyPeer, errorId: number, port: string, requestId: string): Promise<void> {
  await peer.synStream(errorId, { streamtype: ['error'], port: [port], requestid: [requestId] });
  await peer.next((f) => f.type === 'SYN_REPLY' && f.streamId === errorId);
  // kubectl half-closes the error stream at once: it only ever reads it.
  peer.send({ type: 'DATA', streamId: errorId, flags: FLAG_FIN, data: Buffer.alloc(0) });
  await peer.synStream(errorId + 2, { streamtype: ['data'], port: [port], requestid: [requestId] });
  await peer.next((f) => f.type === 'SYN_REPLY' && f.streamId === errorId + 2);
}

test('a stream pair is forwarded to the dialled port; the backend end closes data, then error', async () => {
  const dialled: number[] = [];
  const { peer, conn } = start((port) => {
    dialled.push(port);
    return upperCaseBackend();
  });
  await openPair(peer, 1, '80', '0');
  peer.send({ type: 'DATA', streamId: 3, flags: 0, data: Buffer.from('hello ') });
  peer.send({ type: 'DATA', streamId: 3, flags: FLAG_FIN, data: Buffer.from('world') });
  assert.equal((await peer.readUntilFin(3)).toString(), 'HELLO WORLD');
  assert.equal((await peer.readUntilFin(1)).length, 0, 'no error text');
  // A second request on the same connection works the same way.
  await openPair(peer, 5, '80', '1');
  peer.send({ type: 'DATA', streamId: 7, flags: FLAG_FIN, data: Buffer.from('again') });
  assert.equal((await peer.readUntilFin(7)).toString(), 'AGAIN');
  assert.deepEqual(dialled, [80, 80]);
  conn.destroy();
  peer.close();
});

test('a failed dial is reported as text on the error stream', async () => {
  const { peer, conn } = start(() => {
    throw new Error('connection refused');
  });
  await openPair(peer, 1, '81', '0');
  assert.equal(
    (await peer.readUntilFin(1)).toString(),
    'error forwarding port 81 to pod p_default: connection refused',
  );
  await peer.readUntilFin(3);
  conn.destroy();
  peer.close();
});

test('streams without a valid port or type are reset', async () => {
  const { peer, conn } = start(() => new PassThrough());
  const cases: { headers: Record<string, string[]> }[] = [
    { headers: { streamtype: ['data'], requestid: ['0'] } },
    { headers: { streamtype: ['data'], port: ['0'], requestid: ['0'] } },
    { headers: { streamtype: ['data'], port: ['http'], requestid: ['0'] } },
    { headers: { streamtype: ['stdin'], port: ['80'], requestid: ['0'] } },
  ];
  for (const [i, c] of cases.entries()) {
    await peer.synStream(2 * i + 1, c.headers);
    const rst = await peer.next((f) => f.type === 'RST_STREAM');
    assert.deepEqual(rst.type === 'RST_STREAM' && [rst.streamId, rst.status], [2 * i + 1, RstStatus.PROTOCOL_ERROR]);
  }
  conn.destroy();
  peer.close();
});

test('a request whose data stream never comes times out with an error message', async () => {
  const clock = new FakeClock(0);
  const { peer, conn } = start(() => new PassThrough(), clock);
  await peer.synStream(1, { streamtype: ['error'], port: ['80'], requestid: ['9'] });
  await peer.next((f) => f.type === 'SYN_REPLY');
  clock.step(1000);
  assert.equal((await peer.readUntilFin(1)).toString(), '(request=9) timed out waiting for streams');
  conn.destroy();
  peer.close();
});

test('a data stream reset by the client tears the backend connection down', async () => {
  const backend = upperCaseBackend();
  const { peer, conn } = start(() => backend);
  await openPair(peer, 1, '80', '0');
  const closed = new Promise<void>((resolve) => backend.once('close', () => resolve()));
  peer.send({ type: 'RST_STREAM', version: 3, streamId: 3, status: RstStatus.CANCEL });
  await closed;
  conn.destroy();
  peer.close();
});
