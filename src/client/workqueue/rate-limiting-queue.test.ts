import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { RateLimitingWorkQueue } from './rate-limiting-queue.js';

test('addRateLimited re-adds after a growing delay; forget starts over', async () => {
  const clock = new FakeClock(0);
  const q = new RateLimitingWorkQueue<string>({ clock });
  const readyAfter = async (): Promise<number> => {
    const start = clock.now();
    q.addRateLimited('k');
    while (q.len() === 0) clock.step(1);
    const k = (await q.get())!;
    q.done(k);
    return clock.now() - start;
  };
  assert.deepEqual([await readyAfter(), await readyAfter(), await readyAfter()], [5, 10, 20]);
  assert.equal(q.numRequeues('k'), 3);
  q.forget('k');
  assert.equal(await readyAfter(), 5);
});
