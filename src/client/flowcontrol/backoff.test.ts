import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { ExponentialBackoff } from './backoff.js';

test('backoff doubles up to the cap, jitters, and resets after a quiet period', () => {
  const cases: { name: string; random: number; steps: number; want: number[] }[] = [
    { name: 'no jitter drawn', random: 0, steps: 8, want: [800, 1600, 3200, 6400, 12800, 25600, 30000, 30000] },
    { name: 'full jitter doubles each delay', random: 1, steps: 3, want: [1600, 3200, 6400] },
  ];
  for (const c of cases) {
    const b = new ExponentialBackoff({ clock: new FakeClock(0), random: () => c.random });
    assert.deepEqual(
      Array.from({ length: c.steps }, () => b.next()),
      c.want,
      c.name,
    );
  }
  const clock = new FakeClock(0);
  const b = new ExponentialBackoff({ clock, random: () => 0 });
  b.next();
  b.next();
  clock.step(120_000);
  assert.equal(b.next(), 800);
});
