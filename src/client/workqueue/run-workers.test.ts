import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { flush } from '../testing/flush.js';
import { RateLimitingWorkQueue } from './rate-limiting-queue.js';
import { runWorkers } from './run-workers.js';

test('runWorkers forgets on success and retries failures with back-off', async () => {
  const clock = new FakeClock(0);
  const q = new RateLimitingWorkQueue<string>({ clock });
  const ac = new AbortController();
  const calls: string[] = [];
  let failuresLeft = 2;
  const done = runWorkers(
    q,
    2,
    async (key) => {
      calls.push(`${key}@${clock.now()}`);
      if (key === 'bad' && failuresLeft-- > 0) throw new Error('boom');
    },
    ac.signal,
  );
  q.add('ok');
  q.add('bad');
  await flush();
  assert.deepEqual(calls, ['ok@0', 'bad@0']);
  assert.equal(q.numRequeues('bad'), 1);
  clock.step(5);
  await flush();
  clock.step(10);
  await flush();
  assert.deepEqual(calls, ['ok@0', 'bad@0', 'bad@5', 'bad@15']);
  assert.equal(q.numRequeues('bad'), 0, 'forgotten after the success');
  assert.equal(q.numRequeues('ok'), 0);
  ac.abort();
  await done;
  assert.equal(q.shuttingDown(), true);
});

test('one key is never synced by two workers at once, and re-adds during a sync run once after it', async () => {
  const clock = new FakeClock(0);
  const q = new RateLimitingWorkQueue<string>({ clock });
  const ac = new AbortController();
  let running = 0;
  let maxRunning = 0;
  let syncs = 0;
  let release: (() => void) | undefined;
  const done = runWorkers(
    q,
    4,
    async () => {
      running++;
      syncs++;
      maxRunning = Math.max(maxRunning, running);
      if (syncs === 1) await new Promise<void>((r) => (release = r));
      running--;
    },
    ac.signal,
  );
  q.add('k');
  await flush();
  q.add('k');
  q.add('k');
  await flush();
  assert.equal(syncs, 1);
  release!();
  await flush();
  assert.equal(syncs, 2);
  assert.equal(maxRunning, 1);
  ac.abort();
  await done;
});

test('keys still queued when the signal aborts are not synced', async () => {
  const q = new RateLimitingWorkQueue<string>({ clock: new FakeClock(0) });
  const ac = new AbortController();
  ac.abort();
  q.add('late');
  const synced: string[] = [];
  await runWorkers(q, 1, async (k) => void synced.push(k), ac.signal);
  assert.deepEqual(synced, []);
});
