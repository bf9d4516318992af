import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import {
  BucketRateLimiter,
  defaultControllerRateLimiter,
  ItemExponentialFailureRateLimiter,
  MaxOfRateLimiter,
} from './rate-limiters.js';

test('exponential failure limiter: 5 ms doubling per failure up to 1000 s; forget resets', () => {
  const rl = new ItemExponentialFailureRateLimiter<string>();
  assert.deepEqual(
    [1, 2, 3, 4, 5].map(() => rl.when('a')),
    [5, 10, 20, 40, 80],
  );
  assert.equal(rl.numRequeues('a'), 5);
  assert.equal(rl.when('b'), 5, 'per item');
  for (let i = 0; i < 40; i++) rl.when('a');
  assert.equal(rl.when('a'), 1_000_000);
  rl.forget('a');
  assert.equal(rl.numRequeues('a'), 0);
  assert.equal(rl.when('a'), 5);
});

test('max-of limiter takes the longest delay and records the failure everywhere', () => {
  const clock = new FakeClock(0);
  const rl = new MaxOfRateLimiter<string>(
    new ItemExponentialFailureRateLimiter<string>(1, 1000),
    new BucketRateLimiter<string>({ qps: 1, burst: 1, clock }),
  );
  assert.equal(rl.when('a'), 1);
  assert.equal(rl.when('a'), 1000, 'the bucket is empty: 1 s');
  assert.equal(rl.numRequeues('a'), 2);
  rl.forget('a');
  assert.equal(rl.numRequeues('a'), 0);
});

test('default controller limiter: per-item back-off until the overall bucket (burst 100) runs dry', () => {
  const rl = defaultControllerRateLimiter<string>(new FakeClock(0));
  const delays = Array.from({ length: 101 }, (_, i) => rl.when(`k${i}`));
  assert.deepEqual(delays.slice(0, 100), Array(100).fill(5));
  assert.equal(delays[100], 100, 'the 101st retry waits for a token at 10 QPS');
});
