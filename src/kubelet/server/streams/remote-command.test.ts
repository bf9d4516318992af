import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AsyncQueue } from './async-queue.js';
import { parseExecRequest, ResizeDecoder, type ExecRequest, type TerminalSize } from './remote-command.js';

test('parseExecRequest reads the exec query as kubectl and the API server send it', () => {
  const cases: { name: string; query: string; want: ExecRequest }[] = [
    {
      name: 'kubectl exec p -- echo hi',
      query: 'command=echo&command=hi&container=c&stderr=true&stdout=true',
      want: { command: ['echo', 'hi'], container: 'c', stdin: false, stdout: true, stderr: true, tty: false },
    },
    {
      name: 'kubelet style flags',
      query: 'command=cat&input=1&stdin=1&output=1&stdout=1',
      want: { command: ['cat'], container: '', stdin: true, stdout: true, stderr: false, tty: false },
    },
    {
      name: 'a TTY drops stderr',
      query: 'command=sh&stdin=true&stdout=true&stderr=true&tty=true',
      want: { command: ['sh'], container: '', stdin: true, stdout: true, stderr: false, tty: true },
    },
  ];
  for (const c of cases) assert.deepEqual(parseExecRequest(new URL(`http://x/exec?${c.query}`)), c.want, c.name);
  assert.throws(() => parseExecRequest(new URL('http://x/exec?command=ls')), /at least 1 of stdin, stdout, stderr/);
});

test('ResizeDecoder yields sizes from JSON objects split anywhere', async () => {
  const q = new AsyncQueue<TerminalSize>();
  const d = new ResizeDecoder(q);
  const wire =
    '{"Width":80,"Height":24}\n{"Width":120,"Height":40}\n{"width":1,"height":2}{bad}{"Width":5,"Height":6}\n';
  for (let i = 0; i < wire.length; i += 7) d.write(Buffer.from(wire.slice(i, i + 7)));
  q.end();
  const got: TerminalSize[] = [];
  for await (const s of q) got.push(s);
  assert.deepEqual(got, [
    { width: 80, height: 24 },
    { width: 120, height: 40 },
    { width: 1, height: 2 },
    { width: 5, height: 6 },
  ]);
});

test('AsyncQueue hands items to a waiting consumer and finishes after end', async () => {
  const q = new AsyncQueue<number>();
  const it = q[Symbol.asyncIterator]();
  const first = it.next();
  q.push(1);
  q.push(2);
  q.end();
  q.push(3);
  assert.deepEqual(await first, { value: 1, done: false });
  assert.deepEqual(await it.next(), { value: 2, done: false });
  assert.equal((await it.next()).done, true);
});
