import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { BackOff, containerBackOffKey, crashLoopBackOffMessage, decideBackOff } from './backoff.js';

const pod = { metadata: { name: 'p', namespace: 'ns', uid: 'uid-1' } };

/**
 * Crash-loops a container: each instance runs `runMs`, exits, and is restarted as soon as the back-off
 * allows. Returns the delay (s) the kubelet announced before each restart after the first.
 */
function crashLoop(clock: FakeClock, backOff: BackOff, crashes: number, runMs = 1000): number[] {
  const delays: number[] = [];
  for (let i = 0; i < crashes; i++) {
    clock.step(runMs);
    const finishedAt = clock.now();
    let first = decideBackOff(backOff, pod, 'c', 'h1', finishedAt);
    if (first.inBackOff) delays.push(backOff.get(containerBackOffKey('uid-1', 'c', 'h1')) / 1000);
    while (first.inBackOff) {
      clock.step(1000);
      first = decideBackOff(backOff, pod, 'c', 'h1', finishedAt);
    }
  }
  return delays;
}

test('back-off doubles from 10s to a 5 minute cap: 10/20/40/80/160/300/300', () => {
  const clock = new FakeClock();
  const backOff = new BackOff({ clock });
  assert.deepEqual(crashLoop(clock, backOff, 8), [10, 20, 40, 80, 160, 300, 300]);
});

test('back-off resets after a container ran 10 minutes without failing', () => {
  const clock = new FakeClock();
  const backOff = new BackOff({ clock });
  crashLoop(clock, backOff, 5);
  assert.equal(backOff.get(containerBackOffKey('uid-1', 'c', 'h1')), 160_000);
  // A run of just under 10 minutes keeps the history.
  assert.deepEqual(crashLoop(clock, backOff, 1, 600_000), [160]);
  // Longer than that starts over: the next exit restarts at once, and the one after waits 10s.
  assert.deepEqual(crashLoop(clock, backOff, 1, 600_001), []);
  assert.deepEqual(crashLoop(clock, backOff, 1), [10]);
});

test('the CrashLoopBackOff decision carries upstream message and event', () => {
  const clock = new FakeClock();
  const backOff = new BackOff({ clock });
  assert.deepEqual(decideBackOff(backOff, pod, 'c', 'h1', clock.now()), { inBackOff: false });
  clock.step(1000);
  assert.deepEqual(decideBackOff(backOff, pod, 'c', 'h1', clock.now()), {
    inBackOff: true,
    reason: 'CrashLoopBackOff',
    message: 'back-off 10s restarting failed container=c pod=p_ns(uid-1)',
    event: { reason: 'BackOff', message: 'Back-off restarting failed container c in pod p_ns(uid-1)' },
  });
  assert.deepEqual(
    decideBackOff(backOff, pod, 'c', 'h2', clock.now()),
    { inBackOff: false },
    'a changed container has its own history',
  );
  assert.deepEqual(
    decideBackOff(backOff, pod, 'c', 'h1', undefined),
    { inBackOff: false },
    'never exited, never held back',
  );
});

test('crashLoopBackOffMessage formats the delay as Go does', () => {
  const cases: { ms: number; want: string }[] = [
    { ms: 40_000, want: 'back-off 40s restarting failed container=c pod=p_ns(uid-1)' },
    { ms: 80_000, want: 'back-off 1m20s restarting failed container=c pod=p_ns(uid-1)' },
    { ms: 300_000, want: 'back-off 5m0s restarting failed container=c pod=p_ns(uid-1)' },
  ];
  for (const c of cases) assert.equal(crashLoopBackOffMessage(c.ms, 'c', pod), c.want);
});

test('gc drops entries untouched for 10 minutes', () => {
  const clock = new FakeClock();
  const backOff = new BackOff({ clock });
  backOff.next('a', clock.now());
  clock.step(300_000);
  backOff.next('b', clock.now());
  clock.step(300_001);
  backOff.gc();
  assert.equal(backOff.get('a'), 0);
  assert.equal(backOff.get('b'), 10_000);
  assert.equal(backOff.size(), 1);
});

test('isInBackOffSinceUpdate counts from the last next(), as the image pull back-off does', () => {
  const clock = new FakeClock();
  const backOff = new BackOff({ clock });
  const cases = [
    { name: 'no history', step: 0, next: false, want: false },
    { name: 'right after the first failure', step: 0, next: true, want: true },
    { name: '9.999 s later', step: 9_999, next: false, want: true },
    { name: '10 s later', step: 1, next: false, want: false },
    { name: 'after the second failure: 20 s', step: 0, next: true, want: true },
    { name: '19.999 s later', step: 19_999, next: false, want: true },
    { name: '20 s later', step: 1, next: false, want: false },
  ];
  for (const c of cases) {
    clock.step(c.step);
    if (c.next) backOff.next('k', clock.now());
    assert.equal(backOff.isInBackOffSinceUpdate('k', clock.now()), c.want, c.name);
  }
});
