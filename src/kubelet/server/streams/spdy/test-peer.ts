/**
 * Test support: an in-memory socket pair and a minimal SPDY client speaking through our own codec, so the
 * server side can be driven frame by frame without a network.
 */
import { Duplex } from 'node:stream';
import { FrameReader } from './frame-reader.js';
import {
  decodeHeaderBlock,
  encodeFrame,
  encodeHeaderBlock,
  SPDY_VERSION,
  type Frame,
  type SpdyHeaders,
} from './frames.js';
import { HeaderCompressor, HeaderDecompressor } from './header-compression.js';

/** Two connected Duplexes: what one writes, the other reads. Ending one ends the other's readable side. */
export function duplexPair(): [Duplex, Duplex] {
  const make = (): Duplex & { peer?: Duplex } =>
    new Duplex({
      allowHalfOpen: true,
      read() {},
      write(chunk: Buffer, _enc, cb) {
        (this as Duplex & { peer?: Duplex }).peer!.push(chunk);
        cb();
      },
      final(cb) {
        (this as Duplex & { peer?: Duplex }).peer!.push(null);
        cb();
      },
      destroy(err, cb) {
        const peer = (this as Duplex & { peer?: Duplex }).peer!;
        if (!peer.destroyed) peer.destroy();
        cb(err);
      },
    });
  const a = make();
  const b = make();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

/** A received frame, with its header block inflated when it has one. */
export type PeerFrame = Frame & { headers?: SpdyHeaders };

/** A SPDY client for tests: sends frames, and queues every frame the server sends for `next()`. */
export class TestSpdyPeer {
  private readonly reader = new FrameReader();
  private readonly compressor = new HeaderCompressor();
  private readonly decompressor = new HeaderDecompressor();
  private readonly received: PeerFrame[] = [];
  private waiters: (() => void)[] = [];
  private chain: Promise<void> = Promise.resolve();
  ended = false;
  /** Errors met while decoding received frames. */
  readonly errors: unknown[] = [];

  constructor(readonly socket: Duplex) {
    socket.on('data', (chunk: Buffer) => {
      for (const f of this.reader.push(chunk)) {
        this.chain = this.chain
          .then(async () => {
            const frame: PeerFrame = { ...f };
            if ('headerBlock' in f)
              frame.headers = decodeHeaderBlock(await this.decompressor.decompress(f.headerBlock));
            this.received.push(frame);
            this.wake();
          })
          .catch((err: unknown) => {
            // Only happens once the test is tearing the peer down; record it for debugging.
            this.errors.push(err);
          });
      }
    });
    socket.on('end', () => {
      void this.chain.then(() => {
        this.ended = true;
        this.wake();
      });
    });
  }

  /** Opens stream `id` with `headers`. */
  async synStream(id: number, headers: SpdyHeaders, flags = 0): Promise<void> {
    const headerBlock = await this.compressor.compress(encodeHeaderBlock(headers));
    this.socket.write(
      encodeFrame({
        type: 'SYN_STREAM',
        version: SPDY_VERSION,
        streamId: id,
        associatedStreamId: 0,
        priority: 0,
        slot: 0,
        flags,
        headerBlock,
      }),
    );
  }

  /** Sends any frame without a header block. */
  send(frame: Frame): void {
    this.socket.write(encodeFrame(frame));
  }

  /** Resolves with the next received frame matching `match` (skipping others); rejects at end of stream. */
  async next(match: (f: PeerFrame) => boolean = () => true): Promise<PeerFrame> {
    for (;;) {
      const i = this.received.findIndex(match);
      if (i >= 0) return this.received.splice(i, 1)[0]!;
      if (this.ended) throw new Error('connection ended before the expected frame');
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Concatenated DATA payload of stream `id` until its FIN. */
  async readUntilFin(id: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (;;) {
      const f = await this.next((x) => x.type === 'DATA' && x.streamId === id);
      if (f.type !== 'DATA') continue;
      parts.push(f.data);
      if (f.flags & 1) return Buffer.concat(parts);
    }
  }

  /** Frames received and not yet taken by `next`. */
  pending(): readonly PeerFrame[] {
    return this.received;
  }

  close(): void {
    this.compressor.close();
    this.decompressor.close();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
