import { Duplex } from 'node:stream';
import { WebSocket, type RawData } from 'ws';

/**
 * A byte stream carried in WebSocket binary messages, the way kubectl 1.31+ tunnels SPDY for port-forward
 * (client-go tools/portforward TunnelingConnection): message boundaries mean nothing, writes become one
 * binary message each, and ending the stream sends a normal (1000) close, which the Go side reads as EOF.
 *
 * Backpressure: incoming messages pause the WebSocket when the readable buffer is full; writes complete when
 * `ws` has handed the frame to the socket.
 */
export class WebSocketTunnel extends Duplex {
  constructor(private readonly ws: WebSocket) {
    super({ allowHalfOpen: false });
    ws.on('message', (raw: RawData, isBinary: boolean) => {
      if (!isBinary) {
        // TunnelingConnection treats a text message as a protocol violation; so do we.
        this.destroy(new Error('text message on a SPDY tunnel'));
        return;
      }
      const buf = Buffer.isBuffer(raw) ? raw : Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw);
      if (!this.push(buf)) ws.pause();
    });
    ws.on('close', () => {
      this.push(null);
      if (!this.writableFinished) this.destroy();
    });
    ws.on('error', (err) => this.destroy(err));
  }

  override _read(): void {
    this.ws.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.ws.readyState !== WebSocket.OPEN) return cb(new Error('websocket is closed'));
    this.ws.send(chunk, { binary: true }, (err) => cb(err ?? null));
  }

  override _final(cb: (err?: Error | null) => void): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000);
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (this.ws.readyState !== WebSocket.CLOSED) this.ws.terminate();
    cb(err);
  }
}
