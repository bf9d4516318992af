import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  leaseSpecToRecord,
  rawRecord,
  recordToLeaseSpec,
  type LeaderElectionRecord,
  type LeaseSpec,
} from './lease-lock.js';

test('records and lease specs convert both ways with MicroTime timestamps', () => {
  const t = Date.UTC(2026, 0, 2, 3, 4, 5, 123);
  const cases: { name: string; record: LeaderElectionRecord; spec: LeaseSpec }[] = [
    {
      name: 'held',
      record: {
        holderIdentity: 'a',
        leaseDurationSeconds: 15,
        acquireTime: t,
        renewTime: t + 2000,
        leaderTransitions: 3,
      },
      spec: {
        holderIdentity: 'a',
        leaseDurationSeconds: 15,
        acquireTime: '2026-01-02T03:04:05.123000Z',
        renewTime: '2026-01-02T03:04:07.123000Z',
        leaseTransitions: 3,
      },
    },
    {
      name: 'released (empty holder is written, not omitted)',
      record: { holderIdentity: '', leaseDurationSeconds: 1, acquireTime: t, renewTime: t, leaderTransitions: 0 },
      spec: {
        holderIdentity: '',
        leaseDurationSeconds: 1,
        acquireTime: '2026-01-02T03:04:05.123000Z',
        renewTime: '2026-01-02T03:04:05.123000Z',
        leaseTransitions: 0,
      },
    },
  ];
  for (const c of cases) {
    assert.deepEqual(recordToLeaseSpec(c.record), c.spec, c.name);
    assert.deepEqual(leaseSpecToRecord(c.spec), c.record, c.name);
  }
});

test('missing spec fields read as zero; microsecond precision is accepted', () => {
  assert.deepEqual(leaseSpecToRecord(undefined), {
    holderIdentity: '',
    leaseDurationSeconds: 0,
    acquireTime: 0,
    renewTime: 0,
    leaderTransitions: 0,
  });
  assert.equal(
    leaseSpecToRecord({ renewTime: '2026-01-02T03:04:05.123456Z', holderIdentity: null }).renewTime,
    Date.UTC(2026, 0, 2, 3, 4, 5, 123),
  );
  const r = leaseSpecToRecord({ holderIdentity: 'x' });
  assert.equal(rawRecord(r), rawRecord({ ...r }));
  assert.notEqual(rawRecord(r), rawRecord({ ...r, renewTime: 1 }));
});
