/**
 * The etcd3 client as EtcdStore uses it: connection options that fail fast instead of hanging or retrying
 * writes, the mapping of etcd/gRPC failures onto StorageError, and KeyValue conversion.
 */
import {
  Etcd3,
  isRecoverableError,
  ClientClosedError,
  GRPCDeadlineExceededError,
  GRPCUnavailableError,
  type IKeyValue,
  type IOptions,
} from 'etcd3';
import { circuitBreaker, ConsecutiveBreaker, handleWhen, isBrokenCircuitError, noop } from 'cockatiel';
import type { KeyValue } from '../interface.js';
import { StorageError, isStorageError } from '../errors.js';
import { ttlOfLease } from './lease-manager.js';

/** Connection settings for {@link createEtcdClient}. */
export interface EtcdClientOptions {
  /** Deadline for every unary call (not watch streams), in ms. Default 5000. */
  requestTimeoutMs?: number;
}

/**
 * Builds an etcd3 client for `endpoints` (e.g. `http://127.0.0.1:2379`).
 *
 * etcd3's defaults do not suit a storage backend: its global policy retries every "recoverable" error three
 * times, writes included, although a write that failed with UNAVAILABLE may already have been applied (a
 * retried create would then report KeyExists for its own key); and its per-host circuit breaker rejects every
 * call for 5 s after three failures, which with one endpoint turns a 1 s etcd restart into 5 s of errors.
 * So: no automatic retries (EtcdStore retries only reads), a circuit breaker only when there are other
 * endpoints to fall over to, and a deadline on every unary call so nothing waits forever.
 */
export function createEtcdClient(endpoints: string[], options: EtcdClientOptions = {}): Etcd3 {
  const requestTimeoutMs = options.requestTimeoutMs ?? 5_000;
  const clientOptions: IOptions = {
    hosts: endpoints,
    grpcOptions: {
      // etcd's own clients use MaxInt32; gRPC's 4 MiB default would fail large lists.
      'grpc.max_receive_message_length': 2 ** 31 - 1,
      // Detect a silently dead peer on long-lived watch streams; etcd rejects pings more often than every 5 s.
      'grpc.keepalive_time_ms': 30_000,
      'grpc.keepalive_timeout_ms': 10_000,
    },
    defaultCallOptions: (ctx) => (ctx.isStream ? {} : { deadline: Date.now() + requestTimeoutMs }),
    faultHandling: {
      host: () =>
        endpoints.length > 1
          ? circuitBreaker(handleWhen(isRecoverableError), { halfOpenAfter: 1_000, breaker: new ConsecutiveBreaker(2) })
          : noop,
      global: noop,
    },
  };
  return new Etcd3(clientOptions);
}

const COMPACTED = 'required revision has been compacted';
const FUTURE = 'required revision is a future revision';

/** True when etcd refused a read or watch because its revision was compacted. */
export const isCompactedError = (err: unknown): boolean => err instanceof Error && err.message.includes(COMPACTED);
/** True when etcd refused a read because its revision is newer than the store's. */
export const isFutureRevisionError = (err: unknown): boolean => err instanceof Error && err.message.includes(FUTURE);
/** True when etcd did not know a lease a write referenced (it expired or was revoked). */
export const isLeaseNotFoundError = (err: unknown): boolean =>
  err instanceof Error && err.message.includes('requested lease not found');

/** Errors that mean "etcd could not be reached or did not answer", as opposed to a refused request. */
export function isUnreachableError(err: unknown): boolean {
  return (
    err instanceof GRPCUnavailableError ||
    err instanceof GRPCDeadlineExceededError ||
    err instanceof ClientClosedError ||
    isBrokenCircuitError(err) ||
    (err instanceof Error &&
      /etcdserver: (request timed out|leader changed|no leader|too many requests)|14 UNAVAILABLE|4 DEADLINE_EXCEEDED/.test(
        err.message,
      ))
  );
}

/**
 * Translates anything an etcd call threw into a StorageError. Compaction and future-revision errors are
 * normally handled by the caller, which knows the revision involved; this is the fallback.
 */
export function toStorageError(err: unknown, endpoints: readonly string[], key?: string): StorageError {
  if (isStorageError(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  const where = `etcd at ${endpoints.join(', ')}`;
  if (err instanceof ClientClosedError) {
    return new StorageError('Unavailable', `${where}: the store is closed`, key, { cause: err });
  }
  if (isUnreachableError(err)) {
    return new StorageError('Unavailable', `${where} is unreachable: ${message}`, key, { cause: err });
  }
  if (isCompactedError(err)) return new StorageError('Expired', message, key, { cause: err });
  if (isFutureRevisionError(err)) return new StorageError('FutureRevision', message, key, { cause: err });
  return new StorageError('Internal', `${where} failed: ${message}`, key, { cause: err });
}

/** A key as etcd3 encodes it (UTF-8 bytes). */
export const keyBytes = (key: string): Buffer => Buffer.from(key, 'utf8');

/** Converts an etcd key-value to ours; the TTL comes from the lease ID, see lease-manager.ts. */
export function toKeyValue(kv: IKeyValue): KeyValue {
  return {
    key: kv.key.toString('utf8'),
    value: kv.value.toString('utf8'),
    createRevision: Number(kv.create_revision),
    modRevision: Number(kv.mod_revision),
    ttl: ttlOfLease(kv.lease),
  };
}
