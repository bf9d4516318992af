import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { FakeLeaseStore, FakeLock } from '../testing/fake-lease-lock.js';
import { flush } from '../testing/flush.js';
import { LeaderElector, type LeaderElectionConfig } from './leader-elector.js';

interface Candidate {
  id: string;
  elector: LeaderElector;
  events: string[];
  leading: AbortSignal | undefined;
  abort: AbortController;
  done: Promise<void>;
}

function candidate(
  clock: FakeClock,
  store: FakeLeaseStore,
  id: string,
  extra: Partial<LeaderElectionConfig> = {},
): Candidate {
  const c = {
    id,
    events: [] as string[],
    leading: undefined as AbortSignal | undefined,
    abort: new AbortController(),
  } as Candidate;
  c.elector = new LeaderElector({
    lock: new FakeLock(store, id),
    clock,
    random: () => 0,
    callbacks: {
      onStartedLeading: (signal) => {
        c.leading = signal;
        c.events.push(`started@${clock.now()}`);
      },
      onStoppedLeading: () => c.events.push(`stopped@${clock.now()}`),
      onNewLeader: (who) => c.events.push(`leader=${who}`),
    },
    ...extra,
  });
  c.done = c.elector.run(c.abort.signal);
  return c;
}

/** Moves the clock in small steps, letting the electors' promise chains run in between. */
async function advance(clock: FakeClock, ms: number, stepMs = 250): Promise<void> {
  for (let t = 0; t < ms; t += stepMs) {
    clock.step(Math.min(stepMs, ms - t));
    await flush();
  }
}

test('the first candidate creates the lease and leads; the second waits', async () => {
  const clock = new FakeClock(0);
  const store = new FakeLeaseStore();
  const a = candidate(clock, store, 'a');
  await flush();
  const b = candidate(clock, store, 'b');
  await advance(clock, 6000);
  assert.equal(a.elector.isLeader(), true);
  assert.equal(b.elector.isLeader(), false);
  assert.equal(b.elector.getLeader(), 'a');
  assert.deepEqual([...a.events].sort(), ['leader=a', 'started@0'], 'both reported; their order is not specified');
  assert.deepEqual(b.events, ['leader=a']);
  assert.deepEqual(store.record && { ...store.record, renewTime: 0 }, {
    holderIdentity: 'a',
    leaseDurationSeconds: 15,
    acquireTime: 0,
    renewTime: 0,
    leaderTransitions: 0,
  });
  assert.ok(
    store.writes.filter((w) => w.by === 'a' && w.op === 'update').length >= 2,
    'the leader renews every retry period',
  );
  assert.equal(store.writes.filter((w) => w.by === 'b').length, 0);
  a.abort.abort();
  b.abort.abort();
  await Promise.all([a.done, b.done]);
});

test('when the leader disappears without releasing, another takes over once leaseDuration passes unrenewed', async () => {
  const clock = new FakeClock(0);
  const store = new FakeLeaseStore();
  const a = candidate(clock, store, 'a');
  await flush();
  const b = candidate(clock, store, 'b');
  await advance(clock, 4000);
  a.abort.abort();
  await a.done;
  const lastRenew = clock.now();
  assert.equal(a.leading?.aborted, true, 'the leader’s work is told to stop');
  assert.deepEqual(a.events.slice(-1), [`stopped@${lastRenew}`]);
  await advance(clock, 14_000);
  assert.equal(b.elector.isLeader(), false, 'the lease is still valid');
  await advance(clock, 4000);
  assert.equal(b.elector.isLeader(), true);
  assert.equal(store.record?.holderIdentity, 'b');
  assert.equal(store.record?.leaderTransitions, 1);
  assert.ok(b.events.includes('leader=b'));
  b.abort.abort();
  await b.done;
});

test('releaseOnCancel clears the lease so the next candidate leads at its next retry', async () => {
  const clock = new FakeClock(0);
  const store = new FakeLeaseStore();
  const a = candidate(clock, store, 'a', { releaseOnCancel: true });
  await flush();
  const b = candidate(clock, store, 'b');
  await advance(clock, 3000);
  a.abort.abort();
  await a.done;
  assert.equal(store.record?.holderIdentity, '');
  assert.equal(store.record?.leaseDurationSeconds, 1);
  const released = clock.now();
  await advance(clock, 2500);
  assert.equal(b.elector.isLeader(), true);
  assert.ok(clock.now() - released <= 2500);
  assert.equal(store.record?.leaderTransitions, 1);
  b.abort.abort();
  await b.done;
});

test('a leader that cannot renew within renewDeadline stops leading', async () => {
  const clock = new FakeClock(0);
  const store = new FakeLeaseStore();
  const a = candidate(clock, store, 'a');
  await advance(clock, 2000);
  store.failing = true;
  const failedAt = clock.now();
  await advance(clock, 13_000);
  await a.done;
  assert.equal(a.leading?.aborted, true);
  const stopped = Number(a.events.at(-1)!.split('@')[1]);
  assert.ok(stopped - failedAt <= 2000 + 10_000 + 250, `stopped ${stopped - failedAt} ms after the API went away`);
  assert.ok(stopped - failedAt >= 10_000);
});

test('onStoppedLeading runs even when leadership was never acquired (as upstream)', async () => {
  const clock = new FakeClock(0);
  const store = new FakeLeaseStore();
  store.failing = true;
  const a = candidate(clock, store, 'a');
  await advance(clock, 1000);
  a.abort.abort();
  await a.done;
  assert.deepEqual(a.events, ['stopped@1000']);
});

test('invalid timing is rejected', () => {
  const base = {
    lock: new FakeLock(new FakeLeaseStore(), 'x'),
    callbacks: { onStartedLeading() {}, onStoppedLeading() {} },
  };
  const cases: { name: string; cfg: Partial<LeaderElectionConfig>; want: RegExp }[] = [
    {
      name: 'lease not longer than renew',
      cfg: { leaseDurationMs: 10_000, renewDeadlineMs: 10_000 },
      want: /leaseDuration must be greater/,
    },
    {
      name: 'renew too close to retry',
      cfg: { renewDeadlineMs: 2000, retryPeriodMs: 2000 },
      want: /renewDeadline must be greater/,
    },
    { name: 'empty identity', cfg: { lock: new FakeLock(new FakeLeaseStore(), '') }, want: /identity is empty/ },
  ];
  for (const c of cases) assert.throws(() => new LeaderElector({ ...base, ...c.cfg }), c.want, c.name);
});
