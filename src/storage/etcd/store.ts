/**
 * EtcdStore: the Store contract on etcd 3.4, through the etcd3 client's raw KV, Lease and Watch RPCs.
 *
 * Every write is one etcd transaction whose compare encodes the precondition (absent for create, mod revision
 * for update and delete); the failure branch reads the key back so a conflict costs no extra round trip.
 */
import type { Etcd3, ICompare, IKeyValue, IRangeRequest, IRangeResponse, ITxnRequest, ITxnResponse } from 'etcd3';
import { CompareResult, CompareTarget } from 'etcd3';
import { REGISTRY_PREFIX } from '../interface.js';
import type {
  DeleteResult,
  KeyValue,
  ListOptions,
  ListResult,
  Store,
  UpdateFunc,
  Watch,
  WriteOptions,
} from '../interface.js';
import { StorageError, isStorageError, conflict, expired, futureRevision, keyExists, keyNotFound } from '../errors.js';
import { decodeContinue, encodeContinue, keyAfter, prefixEnd, validateKey, validatePrefix } from '../keys.js';
import {
  createEtcdClient,
  isCompactedError,
  isFutureRevisionError,
  isLeaseNotFoundError,
  keyBytes,
  toKeyValue,
  toStorageError,
} from './client.js';
import { LeaseManager, MAX_TTL_SECONDS } from './lease-manager.js';
import { openEtcdWatch } from './watcher.js';
import { WatchQueue } from '../watch-queue.js';

/** Options for {@link openEtcdStore}; every field has a default. */
export interface EtcdStoreOptions {
  /** Deadline of each unary etcd call in ms (default 5000): an unresponsive etcd fails calls with Unavailable. */
  requestTimeoutMs?: number;
  /** How long openEtcdStore waits for etcd to answer its first request, in ms (default 5000). */
  dialTimeoutMs?: number;
  /**
   * Events a watch buffers for a consumer that does not keep up (default 10000). When exceeded the watch fails
   * with Unavailable and the caller re-lists and watches again, as Kubernetes clients do after a watch ends.
   */
  watchCapacity?: number;
  /** How long a watch keeps reconnecting a broken stream before failing with Unavailable (default 15000 ms). */
  watchReconnectTimeoutMs?: number;
  /** Ask etcd to compact physically (wait for the space to be freed) in compact() (default false). */
  physicalCompaction?: boolean;
  /** Wall clock in ms, for lease reuse and watch reconnect timing (default Date.now). */
  clock?: { now(): number };
}

/**
 * Opens an EtcdStore on `endpoints` (`http://host:port`) and checks that etcd answers. Fails with
 * Unavailable, naming the endpoints, if it does not within `dialTimeoutMs`.
 */
export async function openEtcdStore(endpoints: string[], options: EtcdStoreOptions = {}): Promise<EtcdStore> {
  if (endpoints.length === 0) throw new StorageError('Unavailable', 'no etcd endpoints given');
  const client = createEtcdClient(endpoints, { requestTimeoutMs: options.requestTimeoutMs ?? 5_000 });
  const store = new EtcdStore(client, endpoints, options);
  try {
    await client.kv.range(
      { key: keyBytes(REGISTRY_PREFIX), count_only: true },
      { deadline: Date.now() + (options.dialTimeoutMs ?? 5_000) },
    );
  } catch (err) {
    await store.close();
    throw toStorageError(err, endpoints);
  }
  return store;
}

type TxnOutcome = { ok: KeyValue } | { current: KeyValue | undefined };

/**
 * A Store on etcd. Safe for concurrent use; each method is a single etcd request (guaranteedUpdate: one per
 * attempt, list: one per page) except writes with a TTL, which may first grant a shared lease.
 *
 * Compaction follows the Store contract, which is one revision stricter than etcd: after compact(r) etcd still
 * serves reads at r, but this store rejects reads at or below the newest compacted revision it knows of with
 * Expired, and watches that would need an event at or below it.
 */
export class EtcdStore implements Store {
  private readonly leases: LeaseManager;
  private readonly watches = new Set<Watch & { done: Promise<void> }>();
  private readonly now: () => number;
  /** Newest compacted revision known: from our compactions and from what etcd reported (a lower bound). */
  private compacted = 0;
  private closed = false;

  /** Use {@link openEtcdStore}; this constructor does not check that etcd is reachable. */
  constructor(
    private readonly client: Etcd3,
    private readonly endpoints: readonly string[],
    private readonly options: EtcdStoreOptions = {},
  ) {
    const clock = options.clock ?? { now: () => Date.now() };
    this.now = () => clock.now();
    this.leases = new LeaseManager({
      grant: async (id, ttl) => {
        await client.leaseClient.leaseGrant({ ID: id, TTL: ttl });
      },
      now: this.now,
    });
  }

  async get(key: string): Promise<KeyValue | undefined> {
    validateKey(key);
    const res = await this.range({ key: keyBytes(key) }, key);
    const kv = res.kvs[0];
    return kv ? toKeyValue(kv) : undefined;
  }

  async count(prefix: string): Promise<number> {
    validatePrefix(prefix);
    const res = await this.range({ key: keyBytes(prefix), range_end: keyBytes(prefixEnd(prefix)), count_only: true });
    return Number(res.count);
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListResult> {
    validatePrefix(prefix);
    let start = prefix;
    let revision = options.revision ?? 0;
    if (options.continue) {
      // The token pins the revision of the first page, so every page shows the same snapshot.
      const token = decodeContinue(options.continue, prefix);
      start = token.startKey;
      revision = token.revision;
    }
    if (revision < 0 || !Number.isInteger(revision)) {
      throw new StorageError('Internal', `invalid list revision ${revision}`);
    }
    if (revision > 0 && revision <= this.compacted) throw expired(revision, this.compacted);
    const limit = options.limit && options.limit > 0 ? options.limit : 0;
    const req: IRangeRequest = { key: keyBytes(start), range_end: keyBytes(prefixEnd(prefix)), revision, limit };
    let res: IRangeResponse;
    try {
      res = await this.range(req);
    } catch (err) {
      throw await this.revisionError(err, revision);
    }
    const listRevision = revision > 0 ? revision : Number(res.header.revision);
    const items = res.kvs.map(toKeyValue);
    const result: ListResult = { items, revision: listRevision };
    const last = items[items.length - 1];
    if (res.more && last) {
      result.continue = encodeContinue(listRevision, prefix, keyAfter(last.key));
      // etcd's count covers the whole requested range [start, end) at that revision, limit notwithstanding.
      result.remainingItemCount = Number(res.count) - items.length;
    }
    return result;
  }

  async create(key: string, value: string, options?: WriteOptions): Promise<KeyValue> {
    validateKey(key);
    const out = await this.tryCreate(key, value, normalizeTtl(options?.ttlSeconds, key));
    if ('ok' in out) return out.ok;
    throw keyExists(key);
  }

  async update(key: string, value: string, expectedModRevision: number, options?: WriteOptions): Promise<KeyValue> {
    validateKey(key);
    const out = await this.tryUpdate(key, value, expectedModRevision, normalizeTtl(options?.ttlSeconds, key));
    if ('ok' in out) return out.ok;
    if (!out.current) throw keyNotFound(key);
    throw conflict(key, expectedModRevision, out.current.modRevision);
  }

  async delete(key: string, expectedModRevision?: number): Promise<DeleteResult> {
    validateKey(key);
    const k = keyBytes(key);
    const compare: ICompare[] = [{ key: k, target: CompareTarget.Version, result: CompareResult.Greater, version: 0 }];
    if (expectedModRevision !== undefined) {
      compare.push(modRevisionEquals(k, expectedModRevision));
    }
    const res = await this.txn(
      {
        compare,
        success: [{ request_delete_range: { key: k, prev_kv: true } }],
        failure: [{ request_range: { key: k } }],
      },
      key,
    );
    if (res.succeeded) {
      const prev = res.responses[0]?.response_delete_range.prev_kvs[0];
      if (!prev) throw keyNotFound(key);
      return { prev: toKeyValue(prev), revision: Number(res.header.revision) };
    }
    const current = res.responses[0]?.response_range.kvs[0];
    if (!current) throw keyNotFound(key);
    throw conflict(key, expectedModRevision ?? 0, Number(current.mod_revision));
  }

  async guaranteedUpdate(key: string, fn: UpdateFunc): Promise<KeyValue | undefined> {
    validateKey(key);
    let current = await this.get(key);
    for (;;) {
      const next = await fn(current);
      if (next === undefined) return current;
      const ttl = normalizeTtl(next.ttlSeconds, key);
      // A failed attempt returns the key as the transaction saw it, so a retry needs no extra read.
      const out = current
        ? await this.tryUpdate(key, next.value, current.modRevision, ttl)
        : await this.tryCreate(key, next.value, ttl);
      if ('ok' in out) return out.ok;
      current = out.current;
    }
  }

  watch(prefix: string, fromRevision: number): Watch {
    validatePrefix(prefix);
    if (this.closed) {
      const failed = new WatchQueue(1);
      failed.fail(new StorageError('Unavailable', `etcd at ${this.endpoints.join(', ')}: the store is closed`));
      return failed;
    }
    const w = openEtcdWatch(
      {
        client: this.client,
        endpoints: this.endpoints,
        capacity: this.options.watchCapacity ?? 10_000,
        reconnectTimeoutMs: this.options.watchReconnectTimeoutMs ?? 15_000,
        now: this.now,
        currentRevision: () => this.currentRevision(),
        knownCompacted: () => this.compacted,
        observeCompacted: (rev) => this.noteCompacted(rev),
      },
      prefix,
      fromRevision,
    );
    this.watches.add(w);
    void w.done.then(() => this.watches.delete(w));
    return w;
  }

  async compact(revision: number): Promise<void> {
    if (revision <= 0) return; // nothing is older than revision 1
    try {
      await this.client.kv.compact({ revision, physical: this.options.physicalCompaction ?? false });
    } catch (err) {
      // Compacting at or below etcd's compaction point is a no-op for the Store contract.
      if (!isCompactedError(err)) throw await this.revisionError(err, revision);
    }
    this.noteCompacted(revision);
  }

  async currentRevision(): Promise<number> {
    const res = await this.range({ key: keyBytes(REGISTRY_PREFIX), count_only: true });
    return Number(res.header.revision);
  }

  /**
   * etcd 3.4 has no call that returns its compaction revision, so find it: a read at the revision we know
   * answers in one round trip if nobody compacted further; otherwise binary-search the oldest readable
   * revision with cheap count-only reads (about log2(current - known) of them).
   */
  async compactedRevision(): Promise<number> {
    const readable = async (rev: number): Promise<boolean> => {
      try {
        await this.range({ key: keyBytes(REGISTRY_PREFIX), count_only: true, revision: rev });
        return true;
      } catch (err) {
        if (isStorageError(err, 'Expired')) return false;
        throw err;
      }
    };
    let lo = Math.max(this.compacted, 1);
    if (await readable(lo)) return this.compacted;
    let hi = await this.currentRevision(); // etcd never compacts past its current revision
    lo += 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (await readable(mid)) hi = mid;
      else lo = mid + 1;
    }
    this.noteCompacted(hi);
    return this.compacted;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const pending = [...this.watches];
    for (const w of pending) w.close();
    await Promise.all(pending.map((w) => w.done));
    this.client.close();
  }

  private noteCompacted(revision: number): void {
    if (revision > this.compacted) this.compacted = revision;
  }

  private async tryCreate(key: string, value: string, ttl: number): Promise<TxnOutcome> {
    const k = keyBytes(key);
    const res = await this.withLease(ttl, key, (lease) =>
      this.txn(
        {
          compare: [{ key: k, target: CompareTarget.Create, result: CompareResult.Equal, create_revision: 0 }],
          success: [{ request_put: { key: k, value: Buffer.from(value, 'utf8'), lease } }],
          failure: [{ request_range: { key: k } }],
        },
        key,
      ),
    );
    if (!res.succeeded) return { current: firstKv(res) };
    const rev = Number(res.header.revision);
    return { ok: { key, value, createRevision: rev, modRevision: rev, ttl } };
  }

  private async tryUpdate(key: string, value: string, expected: number, ttl: number): Promise<TxnOutcome> {
    const k = keyBytes(key);
    const res = await this.withLease(ttl, key, (lease) =>
      this.txn(
        {
          // version > 0: without it a compare of mod revision 0 would succeed on an absent key and create it.
          compare: [
            { key: k, target: CompareTarget.Version, result: CompareResult.Greater, version: 0 },
            modRevisionEquals(k, expected),
          ],
          success: [{ request_put: { key: k, value: Buffer.from(value, 'utf8'), lease, prev_kv: true } }],
          failure: [{ request_range: { key: k } }],
        },
        key,
      ),
    );
    if (!res.succeeded) return { current: firstKv(res) };
    const rev = Number(res.header.revision);
    const prev = res.responses[0]?.response_put.prev_kv;
    const createRevision = prev ? Number(prev.create_revision) : rev;
    return { ok: { key, value, createRevision, modRevision: rev, ttl } };
  }

  /** Runs `write` with a lease for `ttl` ('0' = none), retrying once with a new lease if etcd lost the old. */
  private async withLease<T>(ttl: number, key: string, write: (lease: string) => Promise<T>): Promise<T> {
    if (ttl === 0) return write('0');
    for (let attempt = 0; ; attempt++) {
      let lease: string;
      try {
        lease = await this.leases.leaseFor(ttl);
      } catch (err) {
        throw toStorageError(err, this.endpoints, key);
      }
      try {
        return await write(lease);
      } catch (err) {
        const cause = (err as { cause?: unknown }).cause;
        if (attempt > 0 || !isLeaseNotFoundError(cause)) throw err;
        this.leases.invalidate(lease);
      }
    }
  }

  private async txn(req: ITxnRequest, key: string): Promise<ITxnResponse> {
    try {
      return await this.client.kv.txn(req);
    } catch (err) {
      throw toStorageError(err, this.endpoints, key);
    }
  }

  /**
   * A read, retried on another endpoint when one is unreachable. Reads are safe to retry; writes are not
   * (their outcome is unknown after a failure), so they are never retried here.
   */
  private async range(req: IRangeRequest, key?: string): Promise<IRangeResponse> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.client.kv.range(req);
      } catch (err) {
        const mapped = toStorageError(err, this.endpoints, key);
        if (mapped.code !== 'Unavailable' || attempt >= this.endpoints.length - 1 || this.closed) throw mapped;
      }
    }
  }

  /** Turns etcd's compacted / future-revision refusal of a read at `revision` into Expired / FutureRevision. */
  private async revisionError(err: unknown, revision: number): Promise<StorageError> {
    const cause = (err as { cause?: unknown }).cause ?? err;
    if (isCompactedError(cause)) {
      // etcd compacted past `revision`, so at least revision + 1 is gone.
      this.noteCompacted(revision + 1);
      return expired(revision, this.compacted);
    }
    if (isFutureRevisionError(cause)) return futureRevision(revision, await this.currentRevision());
    return toStorageError(err, this.endpoints);
  }
}

function modRevisionEquals(key: Buffer, revision: number): ICompare {
  return { key, target: CompareTarget.Mod, result: CompareResult.Equal, mod_revision: revision };
}

function firstKv(res: ITxnResponse): KeyValue | undefined {
  const kv: IKeyValue | undefined = res.responses[0]?.response_range.kvs[0];
  return kv ? toKeyValue(kv) : undefined;
}

/** Whole seconds, rounded up so a key never lives shorter than asked; 0 or absent means no TTL. */
function normalizeTtl(ttlSeconds: number | undefined, key: string): number {
  if (ttlSeconds === undefined || ttlSeconds === 0) return 0;
  if (!Number.isFinite(ttlSeconds) || ttlSeconds < 0 || ttlSeconds > MAX_TTL_SECONDS) {
    throw new StorageError('Internal', `invalid TTL ${ttlSeconds} for ${key}`, key);
  }
  return Math.ceil(ttlSeconds);
}
