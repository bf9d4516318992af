/**
 * SPDY/3 header block compression. Each direction of a connection is ONE zlib stream primed with the SPDY/3
 * dictionary: every header block continues the previous one's compression state and ends with a sync flush,
 * so blocks must be compressed (and decompressed) strictly in wire order. Node's zlib streams are
 * asynchronous, so both classes serialise their calls through a promise chain.
 */
import zlib from 'node:zlib';
import { spdy3Dictionary } from './dictionary.js';

type ZlibStream = zlib.Deflate | zlib.Inflate;

/** Runs sync-flushed writes through one zlib stream in call order, collecting each write's output. */
class FlushedZlib {
  private tail: Promise<unknown> = Promise.resolve();
  private chunks: Buffer[] = [];
  private failure: Error | undefined;
  private rejectCurrent: ((err: Error) => void) | undefined;

  constructor(private readonly stream: ZlibStream) {
    stream.on('data', (c: Buffer) => this.chunks.push(c));
    stream.on('error', (err: Error) => {
      // zlib destroys itself on error, so the pending flush callback never runs: fail the block here.
      this.failure = err;
      this.rejectCurrent?.(err);
    });
  }

  run(input: Buffer): Promise<Buffer> {
    const result = this.tail.then(
      () =>
        new Promise<Buffer>((resolve, reject) => {
          if (this.failure) return reject(this.failure);
          this.chunks = [];
          this.rejectCurrent = reject;
          this.stream.write(input);
          // The flush callback runs after zlib has emitted everything the flush produced.
          this.stream.flush(zlib.constants.Z_SYNC_FLUSH, () => {
            this.rejectCurrent = undefined;
            if (this.failure) return reject(this.failure);
            const out = Buffer.concat(this.chunks);
            this.chunks = [];
            resolve(out);
          });
        }),
    );
    // A failed block poisons the context anyway; keep the chain alive so later calls reject promptly.
    this.tail = result.catch(() => undefined);
    return result;
  }

  close(): void {
    this.stream.close();
  }
}

/** Compresses outgoing header blocks for one connection. */
export class HeaderCompressor {
  private readonly z = new FlushedZlib(zlib.createDeflate({ dictionary: spdy3Dictionary() }));

  /** Compresses one uncompressed name/value block; calls resolve in call order. */
  compress(block: Buffer): Promise<Buffer> {
    return this.z.run(block);
  }

  close(): void {
    this.z.close();
  }
}

/** Decompresses incoming header blocks for one connection. */
export class HeaderDecompressor {
  private readonly z = new FlushedZlib(zlib.createInflate({ dictionary: spdy3Dictionary() }));

  /** Decompresses one compressed header block (as found in a frame); calls resolve in call order. */
  decompress(block: Buffer): Promise<Buffer> {
    return this.z.run(block);
  }

  close(): void {
    this.z.close();
  }
}
