import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../util/clock.js';
import { collectSpdyExecStreams, expectedExecStreams } from './spdy-remote-command.js';
import { SpdyConnection } from './spdy/connection.js';
import { FLAG_FIN } from './spdy/frames.js';
import { duplexPair, TestSpdyPeer } from './spdy/test-peer.js';
import { exitStatus, successStatus } from './status.js';

test('the expected streams depend on the options and on resize support (v3+)', () => {
  const cases: { protocol: string; tty: boolean; want: string[] }[] = [
    { protocol: 'v4.channel.k8s.io', tty: false, want: ['error', 'stdin', 'stdout'] },
    { protocol: 'v4.channel.k8s.io', tty: true, want: ['error', 'stdin', 'stdout', 'resize'] },
    { protocol: 'v3.channel.k8s.io', tty: true, want: ['error', 'stdin', 'stdout', 'resize'] },
    { protocol: 'v2.channel.k8s.io', tty: true, want: ['error', 'stdin', 'stdout'] },
  ];
  for (const c of cases) {
    const got = expectedExecStreams(c.protocol, { stdin: true, stdout: true, stderr: false, tty: c.tty });
    assert.deepEqual([...got], c.want, `${c.protocol} tty=${c.tty}`);
  }
});

function start(protocol: string, opts = { stdin: true, stdout: true, stderr: true, tty: false }, clock?: FakeClock) {
  const [serverSide, clientSide] = duplexPair();
  const peer = new TestSpdyPeer(clientSide);
  const streams = collectSpdyExecStreams(
    (onStream) => new SpdyConnection(serverSide, { onStream, clock }),
    protocol,
    opts,
    { clock, streamCreationTimeoutMs: 1000 },
  );
  return { peer, streams, clientSide };
}

test('v4: streams are answered one by one, and finish sends the JSON status then GOAWAY', async () => {
  const { peer, streams, clientSide } = start('v4.channel.k8s.io');
  const types = ['error', 'stdin', 'stdout', 'stderr'];
  for (const [i, type] of types.entries()) {
    // Like client-go: wait for each SYN_REPLY before opening the next stream.
    await peer.synStream(2 * i + 1, { streamtype: [type] });
    await peer.next((f) => f.type === 'SYN_REPLY');
  }
  const s = await streams;
  peer.send({ type: 'DATA', streamId: 3, flags: FLAG_FIN, data: Buffer.from('input') });
  let stdin = '';
  for await (const c of s.stdin) stdin += c.toString();
  assert.equal(stdin, 'input');
  s.stdout.write('out');
  s.stderr.write('err');
  const finished = s.finish(exitStatus(3));
  assert.equal((await peer.readUntilFin(5)).toString(), 'out');
  assert.equal((await peer.readUntilFin(7)).toString(), 'err');
  assert.deepEqual(JSON.parse((await peer.readUntilFin(1)).toString()), exitStatus(3));
  await peer.next((f) => f.type === 'GOAWAY');
  clientSide.destroy();
  await finished;
  peer.close();
});

test('v2: a successful command leaves the error stream empty', async () => {
  const { peer, streams, clientSide } = start('v2.channel.k8s.io', {
    stdin: false,
    stdout: true,
    stderr: false,
    tty: false,
  });
  await peer.synStream(1, { streamtype: ['error'] });
  await peer.synStream(3, { streamtype: ['stdout'] });
  const s = await streams;
  const finished = s.finish(successStatus());
  assert.equal((await peer.readUntilFin(1)).length, 0);
  clientSide.destroy();
  await finished;
  peer.close();
});

test('streams of an unknown or duplicate type are refused', async () => {
  const { peer, streams, clientSide } = start('v4.channel.k8s.io', {
    stdin: false,
    stdout: true,
    stderr: false,
    tty: false,
  });
  await peer.synStream(1, { streamtype: ['error'] });
  await peer.synStream(3, { streamtype: ['error'] });
  await peer.synStream(5, { streamtype: ['bogus'] });
  await peer.synStream(7, { streamtype: ['stdout'] });
  await streams;
  const resets = [await peer.next((f) => f.type === 'RST_STREAM'), await peer.next((f) => f.type === 'RST_STREAM')];
  assert.deepEqual(
    resets.map((f) => f.type === 'RST_STREAM' && f.streamId),
    [3, 5],
  );
  clientSide.destroy();
  peer.close();
});

test('a client that never opens all streams times out and is dropped', async () => {
  const clock = new FakeClock(0);
  const { peer, streams } = start(
    'v4.channel.k8s.io',
    { stdin: false, stdout: true, stderr: false, tty: false },
    clock,
  );
  await peer.synStream(1, { streamtype: ['error'] });
  await peer.next((f) => f.type === 'SYN_REPLY');
  clock.step(1000);
  await assert.rejects(streams, /timed out waiting for client to create streams/);
  peer.close();
});
