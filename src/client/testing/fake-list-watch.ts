/**
 * A scriptable {@link ListerWatcher} for reflector, informer and controller tests: lists answer from a
 * programmable handler, each watch is a {@link FakeWatch} the test feeds by hand, and every call is recorded.
 */
import { expired } from '../../apimachinery/errors.js';
import type { ListerWatcher } from '../informer/list-watch.js';
import type { KubeObject, ListOptions, ObjectList, WatchEvent } from '../rest/types.js';

type Item<T> = { ev: WatchEvent<T> } | { end: true } | { err: unknown };

/**
 * One watch stream under test control. Contract: events are yielded in `emit` order; `end()` finishes the
 * iteration, `fail(err)` makes it throw; aborting the watch's signal ends it like a real client does.
 */
export class FakeWatch<T> implements AsyncIterable<WatchEvent<T>> {
  private readonly items: Item<T>[] = [];
  private wake: (() => void) | undefined;
  /** True once the consumer stopped iterating (return/throw) or the signal aborted. */
  closed = false;

  constructor(readonly options: ListOptions) {
    options.signal?.addEventListener('abort', () => this.end(), { once: true });
  }

  emit(ev: WatchEvent<T>): this {
    this.items.push({ ev });
    this.poke();
    return this;
  }
  added(obj: T): this {
    return this.emit({ type: 'ADDED', object: obj });
  }
  modified(obj: T): this {
    return this.emit({ type: 'MODIFIED', object: obj });
  }
  deleted(obj: T): this {
    return this.emit({ type: 'DELETED', object: obj });
  }
  bookmark(resourceVersion: string): this {
    return this.emit({ type: 'BOOKMARK', object: { metadata: { resourceVersion } } as T });
  }
  /** The ERROR event an API server sends for a too old resourceVersion. */
  expire(message = 'too old resource version'): this {
    return this.emit({ type: 'ERROR', object: expired(message).status });
  }
  end(): void {
    this.items.push({ end: true });
    this.poke();
  }
  fail(err: unknown): void {
    this.items.push({ err });
    this.poke();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<WatchEvent<T>> {
    try {
      for (;;) {
        while (this.items.length === 0) await new Promise<void>((r) => (this.wake = r));
        const item = this.items.shift()!;
        if ('end' in item) return;
        if ('err' in item) throw item.err;
        yield item.ev;
      }
    } finally {
      this.closed = true;
    }
  }

  private poke(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
}

/** Answers one list call: a page, or throw to fail it. */
export type ListHandler<T> = (options: ListOptions, call: number) => ObjectList<T>;

/** A {@link ListerWatcher} whose lists and watches the test scripts; calls are recorded in order. */
export class FakeListerWatcher<T extends KubeObject> implements ListerWatcher<T> {
  readonly listCalls: ListOptions[] = [];
  readonly watches: FakeWatch<T>[] = [];
  /** Errors thrown by the next watch calls instead of opening a stream (429, connection refused...). */
  readonly watchErrors: unknown[] = [];
  private waiters: Array<() => void> = [];

  constructor(public listHandler: ListHandler<T>) {}

  /** A handler that always answers with `items` at `resourceVersion`. */
  static of<T extends KubeObject>(items: T[], resourceVersion: string): FakeListerWatcher<T> {
    return new FakeListerWatcher<T>(() => ({ metadata: { resourceVersion }, items }));
  }

  async list(options: ListOptions): Promise<ObjectList<T>> {
    const { signal: _signal, ...recorded } = options;
    this.listCalls.push(recorded);
    this.notify();
    return this.listHandler(recorded, this.listCalls.length - 1);
  }

  watch(options: ListOptions): AsyncIterable<WatchEvent<T>> {
    const err = this.watchErrors.shift();
    const w = new FakeWatch<T>(options);
    this.watches.push(w);
    this.notify();
    if (err !== undefined) w.fail(err);
    return w;
  }

  /** The newest watch. */
  get current(): FakeWatch<T> {
    const w = this.watches.at(-1);
    if (!w) throw new Error('no watch opened yet');
    return w;
  }

  /** Resolves once `n` watches have been opened. */
  untilWatches(n: number): Promise<void> {
    return this.until(() => this.watches.length >= n);
  }

  /** Resolves once `n` lists have been made. */
  untilLists(n: number): Promise<void> {
    return this.until(() => this.listCalls.length >= n);
  }

  private async until(cond: () => boolean): Promise<void> {
    while (!cond()) await new Promise<void>((r) => this.waiters.push(r));
  }

  private notify(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }
}
