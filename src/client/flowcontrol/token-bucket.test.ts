import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { TokenBucket } from './token-bucket.js';

test('token bucket reservations: burst passes at once, then one token per 1/qps', () => {
  const cases: { name: string; qps: number; burst: number; calls: number; want: number[] }[] = [
    { name: 'burst of 2 at 10 qps', qps: 10, burst: 2, calls: 5, want: [0, 0, 100, 200, 300] },
    { name: 'burst of 1 at 4 qps', qps: 4, burst: 1, calls: 3, want: [0, 250, 500] },
    { name: 'unlimited', qps: Infinity, burst: 1, calls: 3, want: [0, 0, 0] },
  ];
  for (const c of cases) {
    const b = new TokenBucket({ qps: c.qps, burst: c.burst, clock: new FakeClock(0) });
    assert.deepEqual(
      Array.from({ length: c.calls }, () => b.reserve()),
      c.want,
      c.name,
    );
  }
});

test('token bucket refills with time up to burst', () => {
  const clock = new FakeClock(0);
  const b = new TokenBucket({ qps: 10, burst: 3, clock });
  assert.equal([b.tryAccept(), b.tryAccept(), b.tryAccept(), b.tryAccept()].filter(Boolean).length, 3);
  clock.step(100);
  assert.equal(b.tryAccept(), true);
  assert.equal(b.tryAccept(), false);
  clock.step(10_000);
  assert.equal([1, 2, 3, 4].map(() => b.tryAccept()).filter(Boolean).length, 3);
});

test('wait resolves in order as the clock passes, and an aborted wait returns its token', async () => {
  const clock = new FakeClock(0);
  const b = new TokenBucket({ qps: 10, burst: 1, clock });
  const order: string[] = [];
  await b.wait();
  const ac = new AbortController();
  const first = b.wait().then(() => order.push('first'));
  const aborted = b.wait(ac.signal).then(
    () => order.push('aborted resolved'),
    () => order.push('aborted rejected'),
  );
  ac.abort(new Error('stop'));
  await aborted;
  clock.step(100);
  await first;
  assert.deepEqual(order, ['aborted rejected', 'first']);
  // The refunded token means the next caller waits only one period more, not two.
  assert.equal(b.reserve(), 100);
});
