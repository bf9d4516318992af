import type { Store } from '../../storage/interface.js';

/** The persisted state of one range: which offsets are taken, as a base64 bitmap (upstream's RangeAllocation). */
interface RangeState {
  range: string;
  data: string;
}

export class RangeFullError extends Error {
  override readonly name = 'RangeFullError';
}
export class AlreadyAllocatedError extends Error {
  override readonly name = 'AlreadyAllocatedError';
}

/**
 * Allocates offsets [first, size) of a range, persisted in one store key and updated with the store's
 * guaranteedUpdate, so concurrent API servers (and concurrent requests) never hand out the same offset and
 * allocations survive restarts.
 */
export class RangeAllocator {
  constructor(
    private readonly store: Store,
    private readonly key: string,
    private readonly rangeName: string,
    private readonly size: number,
    /** Offsets below this are never handed out dynamically (the network address, the kubernetes service). */
    private readonly first: number,
    /** Offsets at or above this are never handed out (the broadcast address). */
    private readonly end: number = size,
    private readonly random: (n: number) => number = (n) => Math.floor(Math.random() * n),
  ) {}

  private decode(value: string | undefined): Buffer {
    if (!value) return Buffer.alloc(Math.ceil(this.size / 8));
    const state = JSON.parse(value) as RangeState;
    if (state.range !== this.rangeName) {
      throw new Error(`the stored allocation at ${this.key} is for range ${state.range}, not ${this.rangeName}; changing the range of a running cluster is not supported`);
    }
    return Buffer.from(state.data, 'base64');
  }

  private encode(bits: Buffer): string {
    return JSON.stringify({ range: this.rangeName, data: bits.toString('base64') } satisfies RangeState);
  }

  private static has(bits: Buffer, i: number): boolean {
    return (bits[i >> 3]! & (1 << (i & 7))) !== 0;
  }

  /** Takes the given offset; AlreadyAllocatedError if it is taken. */
  async allocate(offset: number): Promise<void> {
    if (offset < 0 || offset >= this.size) throw new RangeError(`offset ${offset} is outside the range ${this.rangeName}`);
    await this.store.guaranteedUpdate(this.key, (cur) => {
      const bits = this.decode(cur?.value);
      if (RangeAllocator.has(bits, offset)) throw new AlreadyAllocatedError(`offset ${offset} of ${this.rangeName} is already allocated`);
      bits[offset >> 3]! |= 1 << (offset & 7);
      return { value: this.encode(bits) };
    });
  }

  /** Takes a free offset (random start, then a linear scan, as upstream); RangeFullError when none is left. */
  async allocateNext(): Promise<number> {
    let chosen = -1;
    await this.store.guaranteedUpdate(this.key, (cur) => {
      const bits = this.decode(cur?.value);
      const span = this.end - this.first;
      const start = this.random(span);
      chosen = -1;
      for (let k = 0; k < span; k++) {
        const i = this.first + ((start + k) % span);
        if (!RangeAllocator.has(bits, i)) {
          chosen = i;
          break;
        }
      }
      if (chosen < 0) throw new RangeFullError(`range ${this.rangeName} is full`);
      bits[chosen >> 3]! |= 1 << (chosen & 7);
      return { value: this.encode(bits) };
    });
    return chosen;
  }

  /** A free offset without taking it (dry-run). */
  async peekFree(): Promise<number> {
    const kv = await this.store.get(this.key);
    const bits = this.decode(kv?.value);
    for (let i = this.first; i < this.end; i++) if (!RangeAllocator.has(bits, i)) return i;
    throw new RangeFullError(`range ${this.rangeName} is full`);
  }

  async isAllocated(offset: number): Promise<boolean> {
    const kv = await this.store.get(this.key);
    return RangeAllocator.has(this.decode(kv?.value), offset);
  }

  /** Returns an offset to the pool; releasing a free offset is a no-op. */
  async release(offset: number): Promise<void> {
    if (offset < 0 || offset >= this.size) return;
    await this.store.guaranteedUpdate(this.key, (cur) => {
      const bits = this.decode(cur?.value);
      if (!RangeAllocator.has(bits, offset)) return undefined;
      bits[offset >> 3]! &= ~(1 << (offset & 7));
      return { value: this.encode(bits) };
    });
  }
}
