import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock, realClock } from './clock.js';

test('FakeClock fires timers in due order as step passes them, with now() at each due time', () => {
  const clock = new FakeClock(1000);
  const fired: [string, number][] = [];
  clock.setTimeout(() => fired.push(['b', clock.now()]), 20);
  clock.setTimeout(() => fired.push(['a', clock.now()]), 10);
  clock.setTimeout(() => fired.push(['c', clock.now()]), 30);
  clock.step(25);
  assert.deepEqual(fired, [
    ['a', 1010],
    ['b', 1020],
  ]);
  assert.equal(clock.now(), 1025);
  clock.step(5);
  assert.deepEqual(fired.at(-1), ['c', 1030]);
  assert.equal(clock.pendingTimers(), 0);
});

test('FakeClock intervals fire once per period and stop when cleared', () => {
  const clock = new FakeClock(0);
  let n = 0;
  const t = clock.setInterval(() => n++, 100);
  clock.step(350);
  assert.equal(n, 3);
  clock.clearInterval(t);
  clock.step(1000);
  assert.equal(n, 3);
  assert.equal(clock.pendingTimers(), 0);
});

test('FakeClock cleared timeouts never fire; timers set by callbacks fire within the same step', () => {
  const clock = new FakeClock(0);
  const fired: string[] = [];
  const t = clock.setTimeout(() => fired.push('cleared'), 10);
  clock.clearTimeout(t);
  clock.setTimeout(() => {
    fired.push('first');
    clock.setTimeout(() => fired.push('chained'), 5);
  }, 10);
  clock.step(20);
  assert.deepEqual(fired, ['first', 'chained']);
});

test('FakeClock sleep resolves after step and rejects on abort', async () => {
  const clock = new FakeClock(0);
  let done = false;
  const p = clock.sleep(50).then(() => (done = true));
  clock.step(49);
  await Promise.resolve();
  assert.equal(done, false);
  clock.step(1);
  await p;
  assert.equal(done, true);
  const ac = new AbortController();
  const aborted = clock.sleep(50, ac.signal);
  ac.abort(new Error('stop'));
  await assert.rejects(aborted, /stop/);
  assert.equal(clock.pendingTimers(), 0);
});

test('realClock tells the time and runs timers', async () => {
  const before = Date.now();
  assert.ok(realClock.now() >= before);
  await realClock.sleep(1);
  let fired = false;
  const t = realClock.setTimeout(() => (fired = true), 1);
  realClock.clearTimeout(t);
  await realClock.sleep(5);
  assert.equal(fired, false);
});
