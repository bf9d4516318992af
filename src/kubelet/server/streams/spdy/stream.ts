import { Duplex } from 'node:stream';
import { RstStatus, type SpdyHeaders } from './frames.js';

/**
 * What a {@link SpdyStream} needs from its connection. Implemented by `SpdyConnection`; kept as an interface so
 * the stream's life-cycle rules can be read (and tested) on their own.
 */
export interface SpdyStreamOwner {
  /** Sends SYN_REPLY; resolves once the frame is handed to the socket. */
  sendReply(stream: SpdyStream, headers: SpdyHeaders, fin: boolean): Promise<void>;
  /** Sends `data` as DATA frames (splitting for frame size and flow control); `fin` marks the last one. */
  sendData(stream: SpdyStream, data: Buffer, fin: boolean): Promise<void>;
  /** Sends RST_STREAM. */
  sendReset(stream: SpdyStream, status: number): Promise<void>;
  /** The stream's consumer has taken `bytes` more out of its buffer (for WINDOW_UPDATE). */
  consumed(stream: SpdyStream, bytes: number): void;
  /** The stream's buffer is full: stop reading the socket until {@link resumeFor}. */
  pauseFor(stream: SpdyStream): void;
  /** The stream wants data again. */
  resumeFor(stream: SpdyStream): void;
  /** Both directions are closed: forget the stream. */
  streamClosed(stream: SpdyStream): void;
}

/**
 * One SPDY stream as a Node Duplex: the readable side carries the peer's DATA, the writable side sends DATA.
 *
 * Life cycle: the peer opens it with SYN_STREAM; the server answers with {@link reply} (writing first replies
 * implicitly); `end()` sends FIN (half-close); a FIN from the peer ends the readable side; RST_STREAM from
 * either side ends both and emits `'reset'` with the status. Writes after a reset are discarded instead of
 * failing, because a reset stream is a normal end for a Kubernetes stream (kubectl resets its port-forward
 * streams) and the producer (a container's output) should keep draining rather than error out.
 */
export class SpdyStream extends Duplex {
  private repliedFlag = false;
  private replyPromise: Promise<void> | undefined;
  private localFin = false;
  private remoteFin = false;
  private resetFlag = false;
  private receivedBytes = 0;
  private acknowledgedBytes = 0;
  private forgotten = false;

  /** Bytes the peer still lets us send (SPDY/3.1 per-stream send window). */
  sendWindow: number;

  constructor(
    private readonly owner: SpdyStreamOwner,
    /** The stream id the peer chose (odd: client-initiated). */
    readonly id: number,
    /** The SYN_STREAM headers (lowercase names); HEADERS frames add to them. */
    readonly headers: SpdyHeaders,
    options: { remoteFin: boolean; unidirectional: boolean; sendWindow: number },
  ) {
    super({ allowHalfOpen: true, autoDestroy: false });
    this.sendWindow = options.sendWindow;
    if (options.unidirectional) this.localFin = true;
    if (options.remoteFin) this.markRemoteFin();
  }

  /** Whether SYN_REPLY was sent. */
  get replied(): boolean {
    return this.repliedFlag;
  }

  /** Whether either side reset the stream. */
  get isReset(): boolean {
    return this.resetFlag;
  }

  /** The first value of header `name` (case-insensitive), or `''`. */
  header(name: string): string {
    return this.headers[name.toLowerCase()]?.[0] ?? '';
  }

  /** Sends SYN_REPLY (once; later calls return the first call's promise). `fin` half-closes our side too. */
  reply(headers: SpdyHeaders = {}, fin = false): Promise<void> {
    if (this.replyPromise) return this.replyPromise;
    this.repliedFlag = true;
    if (fin) this.localFin = true;
    this.replyPromise = this.resetFlag ? Promise.resolve() : this.owner.sendReply(this, headers, fin);
    if (fin) {
      this.end();
      this.maybeForget();
    }
    return this.replyPromise;
  }

  /** Sends RST_STREAM and ends both directions. Idempotent. */
  reset(status: number = RstStatus.CANCEL): void {
    if (this.resetFlag) return;
    const wasOpen = !(this.localFin && this.remoteFin);
    this.onReset(status);
    if (wasOpen) void this.owner.sendReset(this, status);
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.resetFlag || this.localFin) return cb();
    this.ensureReplied()
      .then(() => (this.resetFlag ? undefined : this.owner.sendData(this, chunk, false)))
      .then(() => cb(), cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    if (this.resetFlag || this.localFin) return cb();
    this.localFin = true;
    this.ensureReplied()
      .then(() => (this.resetFlag ? undefined : this.owner.sendData(this, Buffer.alloc(0), true)))
      .then(() => {
        this.maybeForget();
        cb();
      }, cb);
  }

  override _read(): void {
    this.acknowledge();
    this.owner.resumeFor(this);
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.localFin = this.remoteFin = true;
    this.maybeForget();
    cb(err);
  }

  /** @internal Connection → stream: a DATA frame's payload arrived. Returns false if it must be refused. */
  onData(data: Buffer, fin: boolean): boolean {
    if (this.resetFlag) return true;
    if (this.remoteFin) return false;
    if (data.length > 0) {
      this.receivedBytes += data.length;
      if (this.push(data)) this.acknowledge();
      else this.owner.pauseFor(this);
    }
    if (fin) this.markRemoteFin();
    return true;
  }

  /** @internal Connection → stream: HEADERS added headers. */
  onHeaders(headers: SpdyHeaders, fin: boolean): void {
    for (const [name, values] of Object.entries(headers)) (this.headers[name] ??= []).push(...values);
    this.emit('headers', headers);
    if (fin) this.markRemoteFin();
  }

  /** @internal Connection → stream: RST_STREAM arrived (or we sent one). */
  onReset(status: number): void {
    if (this.resetFlag) return;
    this.resetFlag = true;
    this.localFin = true;
    this.markRemoteFin();
    this.emit('reset', status);
  }

  /** @internal Connection → stream: the connection is gone; nothing more will arrive or leave. */
  onConnectionClosed(): void {
    this.localFin = true;
    this.markRemoteFin();
    this.forgotten = true;
    if (!this.writableFinished) this.emit('reset', RstStatus.CANCEL);
  }

  // Data counts as consumed once it sits in a buffer below the high-water mark: Node calls _read exactly
  // when the buffer drains below it, and never reports finer-grained consumption. Bytes held past a full
  // buffer are acknowledged on the next _read, so a window-respecting peer is throttled by our reader.
  private acknowledge(): void {
    const bytes = this.receivedBytes - this.acknowledgedBytes;
    if (bytes <= 0) return;
    this.acknowledgedBytes += bytes;
    this.owner.consumed(this, bytes);
  }

  private markRemoteFin(): void {
    if (this.remoteFin) return;
    this.remoteFin = true;
    if (!this.destroyed) this.push(null);
    this.maybeForget();
  }

  private ensureReplied(): Promise<void> {
    return this.replyPromise ?? this.reply();
  }

  private maybeForget(): void {
    if (this.forgotten || !this.localFin || !this.remoteFin) return;
    this.forgotten = true;
    this.owner.streamClosed(this);
  }
}
