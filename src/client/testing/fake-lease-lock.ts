/**
 * In-memory leader election locks for tests: several {@link FakeLock}s share one {@link FakeLeaseStore},
 * which versions the record like the API does (a stale update fails with Conflict) and can be told to fail.
 */
import { conflict, internal } from '../../apimachinery/errors.js';
import type { LeaderElectionRecord, ResourceLock } from '../leaderelection/lease-lock.js';
import { rawRecord } from '../leaderelection/lease-lock.js';

const GR = { group: 'coordination.k8s.io', resource: 'leases' };

/** The one stored record plus a version, and a log of every write. */
export class FakeLeaseStore {
  record: LeaderElectionRecord | undefined;
  version = 0;
  /** While true every call fails (an unreachable API server). */
  failing = false;
  readonly writes: { by: string; op: 'create' | 'update'; record: LeaderElectionRecord }[] = [];
}

/** A {@link ResourceLock} on a {@link FakeLeaseStore}. */
export class FakeLock implements ResourceLock {
  private seenVersion: number | undefined;

  constructor(
    readonly store: FakeLeaseStore,
    private readonly id: string,
  ) {}

  identity(): string {
    return this.id;
  }

  describe(): string {
    return 'fake/lease';
  }

  async get(): Promise<{ record: LeaderElectionRecord; raw: string } | undefined> {
    if (this.store.failing) throw internal(new Error('unreachable'));
    if (!this.store.record) return undefined;
    this.seenVersion = this.store.version;
    const record = { ...this.store.record };
    return { record, raw: rawRecord(record) };
  }

  async create(record: LeaderElectionRecord): Promise<void> {
    if (this.store.failing) throw internal(new Error('unreachable'));
    if (this.store.record) throw conflict(GR, 'lease', 'already exists');
    this.write('create', record);
  }

  async update(record: LeaderElectionRecord): Promise<void> {
    if (this.store.failing) throw internal(new Error('unreachable'));
    if (this.seenVersion === undefined) throw new Error('lease not initialized, call get or create first');
    if (this.seenVersion !== this.store.version) throw conflict(GR, 'lease');
    this.write('update', record);
  }

  private write(op: 'create' | 'update', record: LeaderElectionRecord): void {
    this.store.record = { ...record };
    this.store.version++;
    this.seenVersion = this.store.version;
    this.store.writes.push({ by: this.id, op, record: { ...record } });
  }
}
