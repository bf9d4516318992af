import { decodeFrame, type Frame } from './frames.js';

/**
 * Splits a byte stream into SPDY frames. Bytes arrive in arbitrary chunks (TCP segments, WebSocket messages);
 * `push` returns every frame completed by the chunk, keeping any partial frame for the next call.
 *
 * Not thread-safe in any meaningful sense: one reader per connection, fed in arrival order.
 */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  /** Appends `chunk` and returns the frames it completes, in order. Throws `SpdyProtocolError` on bad input. */
  push(chunk: Buffer): Frame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Frame[] = [];
    for (;;) {
      const decoded = decodeFrame(this.pending);
      if (!decoded) break;
      frames.push(decoded.frame);
      this.pending = this.pending.subarray(decoded.size);
    }
    // Keep a copy of the remainder only, so a huge chunk is not retained for a tiny tail.
    if (this.pending.length > 0 && this.pending.byteOffset !== 0) this.pending = Buffer.from(this.pending);
    return frames;
  }

  /** Bytes held back as the start of an incomplete frame. */
  get buffered(): number {
    return this.pending.length;
  }
}
