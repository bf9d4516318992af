import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { DelayingWorkQueue } from './delaying-queue.js';

test('addAfter adds each key when its delay has passed on the clock, earliest first', () => {
  const clock = new FakeClock(0);
  const q = new DelayingWorkQueue<string>(clock);
  q.addAfter('late', 300);
  q.addAfter('early', 100);
  q.addAfter('now', 0);
  assert.equal(q.len(), 1);
  clock.step(99);
  assert.equal(q.len(), 1);
  clock.step(1);
  assert.equal(q.len(), 2);
  assert.equal(q.waitingLen(), 1);
  clock.step(200);
  assert.equal(q.len(), 3);
  assert.equal(q.waitingLen(), 0);
  assert.equal(clock.pendingTimers(), 0);
});

test('a key waiting twice keeps the earlier deadline', async () => {
  const cases: { name: string; first: number; second: number; readyAt: number }[] = [
    { name: 'sooner second add wins', first: 500, second: 100, readyAt: 100 },
    { name: 'later second add is ignored', first: 100, second: 500, readyAt: 100 },
  ];
  for (const c of cases) {
    const clock = new FakeClock(0);
    const q = new DelayingWorkQueue<string>(clock);
    q.addAfter('k', c.first);
    q.addAfter('k', c.second);
    clock.step(c.readyAt - 1);
    assert.equal(q.len(), 0, c.name);
    clock.step(1);
    assert.equal(q.len(), 1, c.name);
    assert.equal(await q.get(), 'k');
    clock.step(1000);
    assert.equal(q.len(), 0, `${c.name}: added once`);
  }
});

test('shutDown drops waiting keys and cancels the timer', () => {
  const clock = new FakeClock(0);
  const q = new DelayingWorkQueue<string>(clock);
  q.addAfter('a', 100);
  q.shutDown();
  assert.equal(clock.pendingTimers(), 0);
  clock.step(200);
  assert.equal(q.len(), 0);
});
