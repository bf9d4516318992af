import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkQueue } from './queue.js';

test('queue deduplicates waiting keys and keeps FIFO order', async () => {
  const q = new WorkQueue<string>();
  for (const k of ['a', 'b', 'a', 'c', 'b']) q.add(k);
  assert.equal(q.len(), 3);
  assert.deepEqual([await q.get(), await q.get(), await q.get()], ['a', 'b', 'c']);
});

test('a key added while processing is deferred until done, never handed to two workers', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  const k = await q.get();
  assert.equal(k, 'a');
  q.add('a');
  q.add('a');
  assert.equal(q.len(), 0, 'not queued while processing');
  let second: string | undefined;
  const waiting = q.get().then((v) => (second = v));
  await Promise.resolve();
  assert.equal(second, undefined);
  q.done('a');
  await waiting;
  assert.equal(second, 'a');
  q.done('a');
  assert.equal(q.len(), 0, 'the two re-adds collapsed into one');
});

test('get waits for an add; shutDown wakes waiters with undefined after the queue drains', async () => {
  const q = new WorkQueue<string>();
  const got = q.get();
  q.add('x');
  assert.equal(await got, 'x');
  q.add('y');
  const waiter = q.get();
  q.shutDown();
  assert.equal(await waiter, 'y', 'already queued keys are still handed out');
  assert.equal(await q.get(), undefined);
  q.add('z');
  assert.equal(q.len(), 0, 'adds after shutdown are ignored');
  assert.equal(q.shuttingDown(), true);
});

test('shutDownWithDrain resolves only when processing keys are done', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  const k = (await q.get())!;
  let drained = false;
  const p = q.shutDownWithDrain().then(() => (drained = true));
  await Promise.resolve();
  assert.equal(drained, false);
  q.done(k);
  await p;
  assert.equal(drained, true);
});
