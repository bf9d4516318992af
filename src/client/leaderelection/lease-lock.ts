/**
 * The lock leader election runs on (client-go tools/leaderelection/resourcelock): a coordination.k8s.io/v1
 * Lease whose spec records who leads and until when.
 */
import { rfc3339Micro, type ObjectMeta } from '../../apimachinery/meta.js';
import { isNotFound } from '../../apimachinery/errors.js';
import type { ResourceClient } from '../rest/resource-client.js';
import type { KubeObject } from '../rest/types.js';

/** coordination.k8s.io/v1 LeaseSpec; times are MicroTime (`2026-01-02T03:04:05.123456Z`). */
export interface LeaseSpec {
  holderIdentity?: string | null;
  leaseDurationSeconds?: number | null;
  acquireTime?: string | null;
  renewTime?: string | null;
  leaseTransitions?: number | null;
  strategy?: string | null;
  preferredHolder?: string | null;
}

/** coordination.k8s.io/v1 Lease. */
export interface Lease extends KubeObject {
  metadata: ObjectMeta;
  spec?: LeaseSpec;
}

/** Who leads and since when, independent of the object that stores it. Times are ms since the epoch (0: unset). */
export interface LeaderElectionRecord {
  holderIdentity: string;
  leaseDurationSeconds: number;
  acquireTime: number;
  renewTime: number;
  leaderTransitions: number;
}

/**
 * Storage for a {@link LeaderElectionRecord} with optimistic concurrency.
 *
 * Contract: `get` resolves `undefined` when the lock object does not exist and remembers the version it read;
 * `update` writes over exactly that version (a concurrent writer makes it fail with Conflict), so `get` or
 * `create` must come first. `raw` is a canonical text of the record: equal texts mean nothing changed.
 * One elector per lock instance; calls never overlap.
 */
export interface ResourceLock {
  identity(): string;
  describe(): string;
  get(signal?: AbortSignal): Promise<{ record: LeaderElectionRecord; raw: string } | undefined>;
  create(record: LeaderElectionRecord, signal?: AbortSignal): Promise<void>;
  update(record: LeaderElectionRecord, signal?: AbortSignal): Promise<void>;
}

const parseTime = (t: string | null | undefined): number => (t ? Date.parse(t) || 0 : 0);

/** LeaseSpec → record (missing fields are zero, as in client-go). */
export function leaseSpecToRecord(spec: LeaseSpec | undefined): LeaderElectionRecord {
  return {
    holderIdentity: spec?.holderIdentity ?? '',
    leaseDurationSeconds: spec?.leaseDurationSeconds ?? 0,
    acquireTime: parseTime(spec?.acquireTime),
    renewTime: parseTime(spec?.renewTime),
    leaderTransitions: spec?.leaseTransitions ?? 0,
  };
}

/** Record → LeaseSpec; every field is written, even an empty holder (that is how a lease is released). */
export function recordToLeaseSpec(r: LeaderElectionRecord): LeaseSpec {
  return {
    holderIdentity: r.holderIdentity,
    leaseDurationSeconds: r.leaseDurationSeconds,
    acquireTime: rfc3339Micro(r.acquireTime),
    renewTime: rfc3339Micro(r.renewTime),
    leaseTransitions: r.leaderTransitions,
  };
}

/** Canonical text of a record, for change detection. */
export function rawRecord(r: LeaderElectionRecord): string {
  return JSON.stringify([r.holderIdentity, r.leaseDurationSeconds, r.acquireTime, r.renewTime, r.leaderTransitions]);
}

/** Options of {@link LeaseLock}. */
export interface LeaseLockOptions {
  /** A lease client scoped to the lease's namespace. */
  leases: ResourceClient<Lease>;
  name: string;
  /** This candidate's identity (hostname + a unique suffix, typically). */
  identity: string;
  /** Labels to set on the lease on create and keep on update. */
  labels?: Record<string, string>;
}

/** A {@link ResourceLock} on a Lease. */
export class LeaseLock implements ResourceLock {
  private lease: Lease | undefined;

  constructor(private readonly options: LeaseLockOptions) {
    if (!options.leases.namespace) throw new Error('LeaseLock needs a namespaced lease client');
  }

  identity(): string {
    return this.options.identity;
  }

  describe(): string {
    return `${this.options.leases.namespace}/${this.options.name}`;
  }

  async get(signal?: AbortSignal): Promise<{ record: LeaderElectionRecord; raw: string } | undefined> {
    try {
      this.lease = await this.options.leases.get(this.options.name, { signal });
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
    const record = leaseSpecToRecord(this.lease.spec);
    return { record, raw: rawRecord(record) };
  }

  async create(record: LeaderElectionRecord, signal?: AbortSignal): Promise<void> {
    const metadata: ObjectMeta = { name: this.options.name, namespace: this.options.leases.namespace };
    if (this.options.labels) metadata.labels = { ...this.options.labels };
    const lease: Lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata,
      spec: recordToLeaseSpec(record),
    };
    this.lease = await this.options.leases.create(lease, { signal });
  }

  async update(record: LeaderElectionRecord, signal?: AbortSignal): Promise<void> {
    if (!this.lease) throw new Error('lease not initialized, call get or create first');
    const metadata: ObjectMeta = { ...this.lease.metadata };
    if (this.options.labels) metadata.labels = { ...metadata.labels, ...this.options.labels };
    const next: Lease = { ...this.lease, metadata, spec: recordToLeaseSpec(record) };
    this.lease = await this.options.leases.update(next, { signal });
  }
}
