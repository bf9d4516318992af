/**
 * Store.watch on etcd, on a raw gRPC Watch stream per watch.
 *
 * etcd3's Watcher is not used because its guarantees are not ours: it resumes after a disconnect from the last
 * response header's revision + 1, and etcd stamps catch-up responses with the store's current revision even
 * when it sends the backlog in several batches, so a reconnect can silently skip events; and its cancel
 * handling drops the compact_revision etcd reports. Here the resume point is the last delivered event, and a
 * compacted start fails the watch with Expired.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Etcd3, IDuplexStream, IEvent, IWatchRequest, IWatchResponse } from 'etcd3';
import type { Watch, WatchEvent } from '../interface.js';
import { StorageError, expired } from '../errors.js';
import { prefixEnd } from '../keys.js';
import { WatchQueue } from '../watch-queue.js';
import { keyBytes, toStorageError, isUnreachableError } from './client.js';

/** What a watch needs from its store. */
export interface EtcdWatchContext {
  readonly client: Etcd3;
  readonly endpoints: readonly string[];
  /** Events buffered for a slow consumer before the watch fails with Unavailable. */
  readonly capacity: number;
  /** How long a broken stream is retried before the watch fails with Unavailable. */
  readonly reconnectTimeoutMs: number;
  now(): number;
  currentRevision(): Promise<number>;
  /** Newest revision known to be compacted (Store semantics: history up to and including it is gone). */
  knownCompacted(): number;
  /** Records the compaction revision etcd reported. */
  observeCompacted(revision: number): void;
}

type Session = IDuplexStream<IWatchRequest, IWatchResponse>;
/** How a stream session ended: a terminal failure, or a transient one worth reconnecting after. */
type SessionEnd = { fatal: unknown } | { transient: unknown };

/**
 * Opens a watch on `prefix` (already validated) from `fromRevision`. Events arrive in revision order exactly
 * once; a broken stream is reopened after the last delivered revision for up to reconnectTimeoutMs.
 *
 * `fromRevision` 0 means "from the current revision", read asynchronously after this returns: a write racing
 * with the call may land before that read and not be seen. Callers that need an exact start pass a revision.
 */
export function openEtcdWatch(
  ctx: EtcdWatchContext,
  prefix: string,
  fromRevision: number,
): Watch & { done: Promise<void> } {
  const w = new EtcdWatch(ctx, prefix);
  const queue = new WatchQueue(ctx.capacity, () => w.stop());
  const done = w.run(queue, fromRevision);
  return Object.assign(queue, { done });
}

class EtcdWatch {
  private stopped = false;
  /** Aborts a reconnect backoff when the watch is closed. */
  private readonly abort = new AbortController();
  private session: Session | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly ctx: EtcdWatchContext,
    private readonly prefix: string,
  ) {}

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.session?.cancel();
    this.wake?.();
  }

  /** Drives the watch until it is closed or fails; never rejects (failures go to the queue). */
  async run(queue: WatchQueue, fromRevision: number): Promise<void> {
    try {
      let last = fromRevision;
      if (last === 0) {
        last = await this.ctx.currentRevision();
      } else if (last < this.ctx.knownCompacted()) {
        throw expired(last, this.ctx.knownCompacted());
      }
      let outageSince: number | undefined;
      let backoffMs = 100;
      while (!this.stopped) {
        const end = await this.stream(
          last,
          queue,
          (rev) => {
            last = rev;
          },
          () => {
            outageSince = undefined;
            backoffMs = 100;
          },
        );
        if (this.stopped) return;
        if ('fatal' in end) throw end.fatal;
        outageSince ??= this.ctx.now();
        if (this.ctx.now() - outageSince >= this.ctx.reconnectTimeoutMs) {
          const why = end.transient instanceof Error ? end.transient.message : String(end.transient);
          throw new StorageError(
            'Unavailable',
            `etcd at ${this.ctx.endpoints.join(', ')} is unreachable: the watch on ${this.prefix} broke and did not ` +
              `reconnect within ${this.ctx.reconnectTimeoutMs} ms: ${why}`,
            undefined,
            { cause: end.transient },
          );
        }
        await sleep(backoffMs, undefined, { signal: this.abort.signal });
        backoffMs = Math.min(backoffMs * 2, 1_000);
      }
    } catch (err) {
      // After close() the queue ignores this (it may be the AbortError of an interrupted backoff).
      queue.fail(toStorageError(err, this.ctx.endpoints));
    }
  }

  /**
   * One gRPC stream from `after` + 1. Resolves when the stream ends; `onDelivered` records each delivered revision
   * so a reconnect resumes right after it, `onCreated` marks the stream healthy.
   */
  private async stream(
    after: number,
    queue: WatchQueue,
    onDelivered: (revision: number) => void,
    onCreated: () => void,
  ): Promise<SessionEnd> {
    let s: Session;
    try {
      s = await this.ctx.client.watchClient.watch();
    } catch (err) {
      return isUnreachableError(err) ? { transient: err } : { fatal: err };
    }
    this.session = s;
    if (this.stopped) s.cancel();
    return new Promise<SessionEnd>((resolve) => {
      let settled = false;
      const finish = (end: SessionEnd) => {
        if (settled) return;
        settled = true;
        this.wake = undefined;
        this.session = undefined;
        s.cancel();
        resolve(end);
      };
      this.wake = () => finish({ fatal: new StorageError('Internal', 'watch closed') });
      s.on('data', (res: IWatchResponse) => {
        if (settled) return;
        const compactRevision = Number(res.compact_revision);
        if (compactRevision > 0) {
          this.ctx.observeCompacted(compactRevision);
          finish({ fatal: expired(after, Math.max(compactRevision, this.ctx.knownCompacted())) });
          return;
        }
        if (res.canceled) {
          const reason = res.cancel_reason || 'no reason given';
          finish({ fatal: new StorageError('Internal', `etcd canceled the watch on ${this.prefix}: ${reason}`) });
          return;
        }
        if (res.created) onCreated();
        for (const ev of res.events) {
          queue.push(toWatchEvent(ev));
          onDelivered(Number(ev.kv.mod_revision));
        }
      });
      s.on('error', (err: Error) => finish(isPermanentStreamError(err) ? { fatal: err } : { transient: err }));
      s.on('end', () => finish({ transient: new Error('etcd closed the watch stream') }));
      s.write({
        create_request: {
          key: keyBytes(this.prefix),
          range_end: keyBytes(prefixEnd(this.prefix)),
          start_revision: after + 1,
          prev_kv: true,
        },
      });
    });
  }
}

/**
 * Stream errors that reconnecting cannot fix. Everything else (UNAVAILABLE, INTERNAL from a reset HTTP/2
 * stream, an unexpected end) is treated as a broken connection and retried until reconnectTimeoutMs.
 */
function isPermanentStreamError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  // INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED, UNIMPLEMENTED, UNAUTHENTICATED
  return typeof code === 'number' && [3, 5, 7, 12, 16].includes(code);
}

/** Maps an etcd event; for a DELETE, value and createRevision come from the previous key-value. */
export function toWatchEvent(ev: IEvent): WatchEvent {
  const kv = ev.kv;
  const prev = ev.prev_kv ?? undefined;
  const key = kv.key.toString('utf8');
  const revision = Number(kv.mod_revision);
  if (String(ev.type).toUpperCase() === 'DELETE') {
    const last = prev ? prev.value.toString('utf8') : '';
    return {
      type: 'DELETED',
      key,
      value: last,
      prevValue: last,
      revision,
      createRevision: Number(prev?.create_revision ?? 0),
    };
  }
  const createRevision = Number(kv.create_revision);
  const value = kv.value.toString('utf8');
  if (createRevision === revision) return { type: 'ADDED', key, value, revision, createRevision };
  const event: WatchEvent = { type: 'MODIFIED', key, value, revision, createRevision };
  if (prev) event.prevValue = prev.value.toString('utf8');
  return event;
}
