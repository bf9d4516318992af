import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WatchQueue } from './watch-queue.js';
import type { WatchEvent } from './interface.js';
import { isStorageError } from './errors.js';

const ev = (revision: number): WatchEvent => ({ type: 'ADDED', key: `/registry/x/${revision}`, value: 'v', revision, createRevision: revision });

test('events pushed before and after the consumer waits arrive in order', async () => {
  const q = new WatchQueue();
  q.push(ev(1));
  const it = q[Symbol.asyncIterator]();
  assert.equal((await it.next()).value?.revision, 1);
  const pending = it.next();
  q.push(ev(2));
  assert.equal((await pending).value?.revision, 2);
});

test('close ends iteration and calls onClose once', async () => {
  let closed = 0;
  const q = new WatchQueue(10, () => closed++);
  const it = q[Symbol.asyncIterator]();
  const pending = it.next();
  q.close();
  q.close();
  assert.equal((await pending).done, true);
  assert.equal(closed, 1);
  q.push(ev(1)); // ignored after close
  assert.equal((await it.next()).done, true);
});

test('fail delivers buffered events first, then the error', async () => {
  const q = new WatchQueue();
  q.push(ev(1));
  q.fail(new Error('boom'));
  const it = q[Symbol.asyncIterator]();
  assert.equal((await it.next()).value?.revision, 1);
  await assert.rejects(it.next(), /boom/);
});

test('a consumer that falls behind capacity is cut off with Unavailable', async () => {
  const q = new WatchQueue(2);
  q.push(ev(1));
  q.push(ev(2));
  q.push(ev(3));
  const got: number[] = [];
  await assert.rejects(
    (async () => {
      for await (const e of q) got.push(e.revision);
    })(),
    (e: unknown) => isStorageError(e, 'Unavailable'),
  );
  assert.deepEqual(got, [1, 2]);
});
