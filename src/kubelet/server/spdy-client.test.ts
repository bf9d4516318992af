/**
 * The SPDY exec client against our own SPDY server side (streams/handlers serveExec), over a real socket.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import { AsyncQueue } from './streams/async-queue.js';
import { serveExec, type ExecRunner } from './streams/handlers.js';
import type { TerminalSize } from './streams/remote-command.js';
import { runSpdyExec } from './spdy-client.js';

let server: Server;
let base: string;
let runner: ExecRunner;

before(async () => {
  server = createServer((req, res) => void serveExec(req, res, { runner: (o, io) => runner(o, io) }));
  server.on(
    'upgrade',
    (req, socket, head: Buffer) => void serveExec(req, socket, { head, runner: (o, io) => runner(o, io) }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

function session(stdin: PassThrough) {
  let out = '';
  let err = '';
  const resize = new AsyncQueue<TerminalSize>();
  return {
    io: {
      stdin,
      stdout: new Writable({ write: (c: Buffer, _e, cb) => ((out += c.toString()), cb()) }),
      stderr: new Writable({ write: (c: Buffer, _e, cb) => ((err += c.toString()), cb()) }),
      resize,
      signal: new AbortController().signal,
    },
    out: () => out,
    err: () => err,
    resize,
  };
}

test('stdin reaches the command and its EOF ends it; output and the exit code come back', async () => {
  runner = async (_o, io) => {
    let input = '';
    for await (const c of io.stdin) input += String(c);
    io.stdout.write(input.toUpperCase());
    io.stderr.write('warn\n');
    return { exitCode: 5 };
  };
  const stdin = new PassThrough();
  const s = session(stdin);
  const done = runSpdyExec(`${base}/exec/t?stdin=1&stdout=1&stderr=1`, { stdin: true, tty: false }, s.io);
  stdin.end('piped\n');
  assert.deepEqual(await done, { exitCode: 5 });
  assert.equal(s.out(), 'PIPED\n');
  assert.equal(s.err(), 'warn\n');
});

test('a tty session sends resize events and succeeds with exit 0', async () => {
  runner = async (_o, io) => {
    for await (const size of io.resize) {
      io.stdout.write(`${size.width}x${size.height}`);
      break;
    }
    return { exitCode: 0 };
  };
  const stdin = new PassThrough();
  const s = session(stdin);
  const done = runSpdyExec(`${base}/exec/t?stdin=1&stdout=1&tty=1`, { stdin: true, tty: true }, s.io);
  s.resize.push({ width: 100, height: 30 });
  assert.deepEqual(await done, { exitCode: 0 });
  assert.equal(s.out(), '100x30');
  stdin.end();
});

test('a refused upgrade rejects', async () => {
  runner = async () => ({ exitCode: 0 });
  const s = session(new PassThrough());
  // No stream flags in the query: the server answers 400 instead of upgrading.
  await assert.rejects(
    runSpdyExec(`${base}/exec/t`, { stdin: true, tty: false }, s.io),
    /refused the upgrade: HTTP\/1.1 400/,
  );
});
