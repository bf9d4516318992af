/**
 * Leases for keys written with a TTL.
 *
 * One lease per write would cost an extra round trip per write and leave etcd tracking one lease per Event
 * object. Instead writes with the same TTL share a lease for a short reuse window: the lease is granted for
 * ttl + window seconds and handed out for `window` seconds, so each key lives between ttl and ttl + window
 * seconds — the same trade-off Kubernetes makes (at most 5% of the TTL, at most a minute).
 *
 * The requested TTL is encoded in the low 32 bits of the lease ID we choose at grant time, so any client (and
 * this one after a restart) can tell the TTL a key was written with from the key alone, without an extra
 * LeaseTimeToLive call. This relies on every lease attached to keys under /registry/ being granted here.
 */
import { randomInt } from 'node:crypto';

const TTL_BITS = 32n;
const TTL_MASK = (1n << TTL_BITS) - 1n;

/** The TTL (seconds) a key was written with, decoded from its lease ID; 0 for no lease. */
export function ttlOfLease(lease: string | number | undefined): number {
  if (lease === undefined || lease === '0' || lease === 0) return 0;
  return Number(BigInt(lease) & TTL_MASK);
}

/** A fresh lease ID carrying `ttlSeconds`; the random high bits make collisions between clients unlikely. */
export function newLeaseId(ttlSeconds: number): string {
  // 30 random bits keep the ID positive (etcd lease IDs are int64 and 0 means "server picks").
  const high = BigInt(randomInt(1, 2 ** 30));
  return ((high << TTL_BITS) | BigInt(ttlSeconds)).toString();
}

/** Largest TTL the ID encoding can carry (about 136 years). */
export const MAX_TTL_SECONDS = Number(TTL_MASK);

export interface LeaseManagerOptions {
  /** Grants lease `id` for `ttlSeconds` in etcd; rejects on failure. */
  grant(id: string, ttlSeconds: number): Promise<void>;
  /** Milliseconds since the epoch; injected so tests can control reuse. */
  now(): number;
  /** Upper bound of the reuse window in seconds. Default 60. */
  maxReuseSeconds?: number;
  /** Reuse window as a fraction of the TTL. Default 0.05. */
  reuseFraction?: number;
}

interface SharedLease {
  id: Promise<string>;
  /** Until when (ms) new writes may attach to this lease. */
  reuseUntil: number;
  /** The ID once granted. */
  granted?: string;
}

/**
 * Hands out lease IDs for TTL writes. Safe for concurrent use: concurrent writes with the same TTL wait for the
 * same grant instead of each granting their own.
 */
export class LeaseManager {
  private readonly shared = new Map<number, SharedLease>();
  private readonly maxReuseSeconds: number;
  private readonly reuseFraction: number;

  constructor(private readonly options: LeaseManagerOptions) {
    this.maxReuseSeconds = options.maxReuseSeconds ?? 60;
    this.reuseFraction = options.reuseFraction ?? 0.05;
  }

  /** A lease that keeps a key alive for at least `ttlSeconds` (a positive integer) from now. */
  leaseFor(ttlSeconds: number): Promise<string> {
    const window = Math.min(this.maxReuseSeconds, Math.floor(ttlSeconds * this.reuseFraction));
    if (window < 1) {
      // Lease granularity is one second: a window under that is not worth sharing.
      return this.grantNew(ttlSeconds, ttlSeconds);
    }
    const now = this.options.now();
    const cur = this.shared.get(ttlSeconds);
    if (cur && now < cur.reuseUntil) return cur.id;
    const entry: SharedLease = { id: this.grantNew(ttlSeconds, ttlSeconds + window), reuseUntil: now + window * 1000 };
    this.shared.set(ttlSeconds, entry);
    entry.id.then(
      (id) => {
        entry.granted = id;
      },
      () => {
        // A failed grant must not be handed out to later writes.
        if (this.shared.get(ttlSeconds) === entry) this.shared.delete(ttlSeconds);
      },
    );
    return entry.id;
  }

  /** Forgets `leaseId` (etcd no longer knows it), so the next write with its TTL grants a new one. */
  invalidate(leaseId: string): void {
    const ttl = ttlOfLease(leaseId);
    if (this.shared.get(ttl)?.granted === leaseId) this.shared.delete(ttl);
  }

  private async grantNew(requestedTtl: number, grantTtl: number): Promise<string> {
    // A chosen ID can collide with an existing lease ("lease already exists"): try a few fresh ones.
    for (let attempt = 0; ; attempt++) {
      const id = newLeaseId(requestedTtl);
      try {
        await this.options.grant(id, grantTtl);
        return id;
      } catch (err) {
        if (attempt >= 3 || !(err instanceof Error) || !err.message.includes('lease already exists')) throw err;
      }
    }
  }
}
