import type { Watch, WatchEvent } from './interface.js';
import { StorageError } from './errors.js';

/**
 * A bounded, single-consumer event queue that is a `Watch`: producers `push` events (in revision order),
 * the consumer iterates. A consumer that falls more than `capacity` events behind is cut off with an
 * Unavailable error instead of letting memory grow without bound: the caller re-lists and watches again,
 * exactly as a Kubernetes client does after its watch ends.
 */
export class WatchQueue implements Watch {
  private readonly buffer: WatchEvent[] = [];
  private head = 0;
  private waiter: { resolve: (r: IteratorResult<WatchEvent>) => void; reject: (e: unknown) => void } | undefined;
  private failure: unknown;
  private closed = false;

  constructor(
    private readonly capacity = 10_000,
    /** Called once when the watch is closed or fails, to unsubscribe it from its source. */
    private readonly onClose?: () => void,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  push(ev: WatchEvent): void {
    if (this.closed) return;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      w.resolve({ value: ev, done: false });
      return;
    }
    if (this.buffer.length - this.head >= this.capacity) {
      this.fail(new StorageError('Unavailable', `watch consumer fell more than ${this.capacity} events behind; watch again`));
      return;
    }
    this.buffer.push(ev);
  }

  /** Ends the watch with an error; buffered events are still delivered first. */
  fail(err: unknown): void {
    if (this.closed) return;
    this.failure = err;
    this.finish();
    if (this.waiter && this.head >= this.buffer.length) {
      const w = this.waiter;
      this.waiter = undefined;
      w.reject(err);
    }
  }

  close(): void {
    if (this.closed) return;
    this.finish();
    this.buffer.length = 0;
    this.head = 0;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      w.resolve({ value: undefined, done: true });
    }
  }

  private finish(): void {
    this.closed = true;
    this.onClose?.();
  }

  private next(): Promise<IteratorResult<WatchEvent>> {
    if (this.head < this.buffer.length) {
      const value = this.buffer[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.buffer.length) {
        this.buffer.splice(0, this.head);
        this.head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchEvent> {
    return {
      next: () => this.next(),
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
