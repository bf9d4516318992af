import type { Duplex } from 'node:stream';
import { realClock, type Clock } from '../../../../util/clock.js';
import { silentLogger, type Logger } from '../../../../util/log.js';
import { FrameReader } from './frame-reader.js';
import {
  decodeHeaderBlock,
  encodeFrame,
  encodeHeaderBlock,
  FLAG_FIN,
  FLAG_UNIDIRECTIONAL,
  GoAwayStatus,
  RstStatus,
  SettingId,
  SPDY_VERSION,
  type Frame,
  type SpdyHeaders,
} from './frames.js';
import { HeaderCompressor, HeaderDecompressor } from './header-compression.js';
import { drainedOrClosed, finishedOrClosed } from './socket-waits.js';
import { SpdyStream, type SpdyStreamOwner } from './stream.js';

/** SPDY/3.1's initial stream and session window. */
export const DEFAULT_WINDOW = 64 * 1024;

/** Options for {@link SpdyConnection}. */
export interface SpdyConnectionOptions {
  /** Called for every stream the peer opens; the callee must `reply()` or `reset()` it. */
  onStream: (stream: SpdyStream) => void;
  /**
   * Block sends when the peer's flow-control window is used up. Off by default: spdystream, the Go SPDY
   * library behind kubectl, client-go and the API server proxy, neither sends WINDOW_UPDATE nor honours
   * windows, so enforcing them would stall every stream after 64 KiB. Windows are tracked either way, and
   * WINDOW_UPDATE is always sent for consumed data.
   */
  enforceSendWindow?: boolean;
  /** Largest DATA payload sent in one frame (default 32 KiB). */
  maxDataFrameSize?: number;
  /** How long {@link SpdyConnection.close} waits for the peer to close the socket before destroying it. */
  closeTimeoutMs?: number;
  clock?: Clock;
  logger?: Logger;
}

/**
 * The server side of one SPDY/3.1 session over any byte Duplex (an upgraded TCP socket, or a WebSocket tunnel).
 *
 * Frames are handled strictly in arrival order (header blocks share one zlib context per direction), and
 * frames are written in call order through one send queue. Peer PINGs are echoed; GOAWAY stops new streams;
 * the `closed` promise resolves once the underlying socket has closed and every stream has been ended.
 * Only peer-initiated streams are supported (Kubernetes servers never open streams).
 */
export class SpdyConnection implements SpdyStreamOwner {
  private readonly reader = new FrameReader();
  private readonly compressor = new HeaderCompressor();
  private readonly decompressor = new HeaderDecompressor();
  private readonly streams = new Map<number, SpdyStream>();
  private readonly pausedBy = new Set<SpdyStream>();
  private readonly windowWaiters = new Set<() => void>();
  private readonly pingWaiters = new Map<number, () => void>();
  // Consumed bytes not yet acknowledged with WINDOW_UPDATE; a WeakMap so a forgotten stream takes its count along.
  private readonly streamUnacked = new WeakMap<SpdyStream, number>();
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly maxDataFrame: number;
  private recvChain: Promise<void> = Promise.resolve();
  private sendChain: Promise<void> = Promise.resolve();
  private lastRemoteStreamId = 0;
  private nextPingId = 2;
  private initialSendWindow = DEFAULT_WINDOW;
  private sessionSendWindow = DEFAULT_WINDOW;
  private sessionUnacked = 0;
  private goneAwayRemote = false;
  private goneAwayLocal = false;
  private remoteEnded = false;
  private socketClosed = false;
  private resolveClosed!: () => void;

  /** Resolves when the socket has closed. Never rejects. */
  readonly closed: Promise<void>;

  constructor(
    private readonly socket: Duplex,
    private readonly options: SpdyConnectionOptions,
  ) {
    this.clock = options.clock ?? realClock;
    this.logger = options.logger ?? silentLogger;
    this.maxDataFrame = options.maxDataFrameSize ?? 32 * 1024;
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    socket.on('data', (chunk: Buffer) => this.onSocketData(chunk));
    socket.on('end', () => this.enqueueReceive(async () => this.onSocketEnd()));
    socket.on('error', (err: Error) => this.logger.debug('spdy socket error', { err }));
    socket.on('close', () => this.onSocketClose());
  }

  /** Number of streams not yet closed in both directions. */
  get openStreams(): number {
    return this.streams.size;
  }

  /** Sends a PING and resolves when the peer echoes it. */
  ping(): Promise<void> {
    const id = this.nextPingId;
    this.nextPingId = (this.nextPingId + 2) & 0x7fffffff || 2;
    const echoed = new Promise<void>((resolve) => this.pingWaiters.set(id, resolve));
    void this.enqueueSend(() => encodeFrame({ type: 'PING', version: SPDY_VERSION, id }));
    return echoed;
  }

  /**
   * Graceful shutdown: ends our side of every open stream, sends GOAWAY, flushes and half-closes the socket,
   * then waits (up to `closeTimeoutMs`, default 5 s) for the peer to close before destroying it.
   */
  async close(): Promise<void> {
    if (!this.goneAwayLocal && !this.socketClosed) {
      this.goneAwayLocal = true;
      for (const s of this.streams.values()) if (!s.writableEnded) s.end();
      await Promise.all([...this.streams.values()].map((s) => (s.writableFinished ? undefined : finishedOrClosed(s))));
      const last = this.lastRemoteStreamId;
      await this.enqueueSend(() =>
        encodeFrame({ type: 'GOAWAY', version: SPDY_VERSION, lastGoodStreamId: last, status: GoAwayStatus.OK }),
      );
      this.socket.end();
    }
    const timer = this.clock.setTimeout(() => this.socket.destroy(), this.options.closeTimeoutMs ?? 5000);
    await this.closed;
    this.clock.clearTimeout(timer);
  }

  /** Tears the connection down at once (no GOAWAY). */
  destroy(): void {
    this.socket.destroy();
  }

  // ---- SpdyStreamOwner ----

  sendReply(stream: SpdyStream, headers: SpdyHeaders, fin: boolean): Promise<void> {
    return this.enqueueSend(async () =>
      encodeFrame({
        type: 'SYN_REPLY',
        version: SPDY_VERSION,
        streamId: stream.id,
        flags: fin ? FLAG_FIN : 0,
        headerBlock: await this.compressor.compress(encodeHeaderBlock(headers)),
      }),
    );
  }

  async sendData(stream: SpdyStream, data: Buffer, fin: boolean): Promise<void> {
    let off = 0;
    do {
      const allowed = await this.sendAllowance(stream, data.length - off);
      const chunk = data.subarray(off, off + allowed);
      off += chunk.length;
      stream.sendWindow -= chunk.length;
      this.sessionSendWindow -= chunk.length;
      const last = fin && off >= data.length;
      await this.enqueueSend(() =>
        encodeFrame({ type: 'DATA', streamId: stream.id, flags: last ? FLAG_FIN : 0, data: chunk }),
      );
    } while (off < data.length && !this.socketClosed);
  }

  sendReset(stream: SpdyStream, status: number): Promise<void> {
    this.forget(stream);
    return this.enqueueSend(() =>
      encodeFrame({ type: 'RST_STREAM', version: SPDY_VERSION, streamId: stream.id, status }),
    );
  }

  consumed(stream: SpdyStream, bytes: number): void {
    // Acknowledge in batches of half a window, as SPDY implementations customarily do.
    const pending = (this.streamUnacked.get(stream) ?? 0) + bytes;
    if (pending >= DEFAULT_WINDOW / 2) {
      this.streamUnacked.delete(stream);
      this.sendWindowUpdate(stream.id, pending);
    } else this.streamUnacked.set(stream, pending);
    this.sessionUnacked += bytes;
    if (this.sessionUnacked >= DEFAULT_WINDOW / 2) {
      this.sendWindowUpdate(0, this.sessionUnacked);
      this.sessionUnacked = 0;
    }
  }

  pauseFor(stream: SpdyStream): void {
    this.pausedBy.add(stream);
    this.socket.pause();
  }

  resumeFor(stream: SpdyStream): void {
    if (!this.pausedBy.delete(stream) || this.pausedBy.size > 0) return;
    this.socket.resume();
  }

  streamClosed(stream: SpdyStream): void {
    this.forget(stream);
  }

  // ---- receiving ----

  private onSocketData(chunk: Buffer): void {
    let frames: Frame[];
    try {
      frames = this.reader.push(chunk);
    } catch (err) {
      this.protocolError(err);
      return;
    }
    for (const frame of frames) this.enqueueReceive(() => this.handleFrame(frame));
  }

  private enqueueReceive(task: () => Promise<void>): void {
    this.recvChain = this.recvChain.then(task).catch((err: unknown) => this.protocolError(err));
  }

  private async handleFrame(frame: Frame): Promise<void> {
    if (frame.type !== 'DATA' && frame.version !== SPDY_VERSION) {
      throw new Error(`unsupported SPDY version ${frame.version}`);
    }
    switch (frame.type) {
      case 'SYN_STREAM': {
        // Always inflate, even for a stream we refuse: the zlib context must see every block.
        const headers = decodeHeaderBlock(await this.decompressor.decompress(frame.headerBlock));
        return this.onSynStream(frame.streamId, frame.flags, headers);
      }
      case 'SYN_REPLY':
      case 'HEADERS': {
        const headers = decodeHeaderBlock(await this.decompressor.decompress(frame.headerBlock));
        if (frame.type === 'HEADERS')
          this.streams.get(frame.streamId)?.onHeaders(headers, (frame.flags & FLAG_FIN) !== 0);
        return;
      }
      case 'DATA': {
        const stream = this.streams.get(frame.streamId);
        // Data for a stream we no longer track (reset, or closed both ways) is dropped, as spdystream does;
        // replying with RST_STREAM to every in-flight frame after a reset would only add noise.
        if (stream && !stream.onData(frame.data, (frame.flags & FLAG_FIN) !== 0)) {
          stream.reset(RstStatus.STREAM_ALREADY_CLOSED);
        }
        return;
      }
      case 'RST_STREAM': {
        const stream = this.streams.get(frame.streamId);
        if (stream) {
          this.forget(stream);
          stream.onReset(frame.status);
        }
        return;
      }
      case 'SETTINGS':
        for (const e of frame.entries) if (e.id === SettingId.INITIAL_WINDOW_SIZE) this.setInitialWindow(e.value);
        return;
      case 'PING':
        // Our pings carry even ids; an odd id is the peer's and must be echoed unchanged.
        if (frame.id % 2 === 1) {
          void this.enqueueSend(() => encodeFrame(frame));
        } else {
          this.pingWaiters.get(frame.id)?.();
          this.pingWaiters.delete(frame.id);
        }
        return;
      case 'GOAWAY':
        this.goneAwayRemote = true;
        if (this.streams.size === 0) this.socket.end();
        return;
      case 'WINDOW_UPDATE':
        if (frame.streamId === 0) this.sessionSendWindow += frame.delta;
        else {
          const stream = this.streams.get(frame.streamId);
          if (stream) stream.sendWindow += frame.delta;
        }
        this.wakeWindowWaiters();
        return;
      case 'UNKNOWN':
        return;
    }
  }

  private onSynStream(id: number, flags: number, headers: SpdyHeaders): void {
    // Client-initiated ids are odd and strictly increasing (SPDY/3 section 2.3.2).
    if (id % 2 === 0 || id <= this.lastRemoteStreamId || this.streams.has(id)) {
      void this.enqueueSend(() =>
        encodeFrame({ type: 'RST_STREAM', version: SPDY_VERSION, streamId: id, status: RstStatus.PROTOCOL_ERROR }),
      );
      return;
    }
    this.lastRemoteStreamId = id;
    if (this.goneAwayRemote || this.goneAwayLocal) {
      void this.enqueueSend(() =>
        encodeFrame({ type: 'RST_STREAM', version: SPDY_VERSION, streamId: id, status: RstStatus.REFUSED_STREAM }),
      );
      return;
    }
    const stream = new SpdyStream(this, id, headers, {
      remoteFin: false,
      unidirectional: (flags & FLAG_UNIDIRECTIONAL) !== 0,
      sendWindow: this.initialSendWindow,
    });
    this.streams.set(id, stream);
    if ((flags & FLAG_FIN) !== 0) stream.onData(Buffer.alloc(0), true);
    this.options.onStream(stream);
  }

  private setInitialWindow(value: number): void {
    const delta = value - this.initialSendWindow;
    this.initialSendWindow = value;
    for (const s of this.streams.values()) s.sendWindow += delta;
    this.wakeWindowWaiters();
  }

  // The peer will send nothing more (Go clients close both directions at once). Streams still writing may
  // finish; once none is left our side closes too, or the half-open socket would linger forever.
  private onSocketEnd(): void {
    this.remoteEnded = true;
    for (const s of [...this.streams.values()]) s.onData(Buffer.alloc(0), true);
    if (this.streams.size === 0) this.socket.end();
  }

  private onSocketClose(): void {
    this.socketClosed = true;
    for (const s of [...this.streams.values()]) s.onConnectionClosed();
    this.streams.clear();
    this.wakeWindowWaiters();
    for (const resolve of this.pingWaiters.values()) resolve();
    this.pingWaiters.clear();
    // Let queued frame handlers settle before the zlib contexts go away.
    void Promise.all([this.recvChain, this.sendChain]).finally(() => {
      this.compressor.close();
      this.decompressor.close();
      this.resolveClosed();
    });
  }

  private protocolError(err: unknown): void {
    if (this.socketClosed) return;
    this.logger.info('spdy protocol error, closing connection', { err });
    const last = this.lastRemoteStreamId;
    void this.enqueueSend(() =>
      encodeFrame({
        type: 'GOAWAY',
        version: SPDY_VERSION,
        lastGoodStreamId: last,
        status: GoAwayStatus.PROTOCOL_ERROR,
      }),
    ).finally(() => this.socket.destroy());
  }

  // ---- sending ----

  // Never rejects: a frame that cannot be sent means the socket is going away, which `closed` reports; callers
  // (stream writes, replies) must not turn that into 'error' events or unhandled rejections.
  private enqueueSend(build: () => Buffer | Promise<Buffer>): Promise<void> {
    const run = this.sendChain
      .then(async () => {
        if (this.socketClosed || this.socket.destroyed || this.socket.writableEnded) return;
        const buf = await build();
        if (this.socketClosed || this.socket.destroyed || this.socket.writableEnded) return;
        if (!this.socket.write(buf)) await drainedOrClosed(this.socket);
      })
      .catch((err: unknown) => this.logger.debug('spdy frame not sent', { err }));
    this.sendChain = run;
    return run;
  }

  private sendWindowUpdate(streamId: number, delta: number): void {
    void this.enqueueSend(() => encodeFrame({ type: 'WINDOW_UPDATE', version: SPDY_VERSION, streamId, delta }));
  }

  private async sendAllowance(stream: SpdyStream, want: number): Promise<number> {
    const cap = Math.min(want, this.maxDataFrame);
    if (!this.options.enforceSendWindow) return cap;
    for (;;) {
      const window = Math.min(stream.sendWindow, this.sessionSendWindow);
      if (window > 0 || cap === 0 || this.socketClosed || stream.isReset) return Math.min(cap, Math.max(window, 0));
      await new Promise<void>((resolve) => this.windowWaiters.add(resolve));
    }
  }

  private wakeWindowWaiters(): void {
    const waiters = [...this.windowWaiters];
    this.windowWaiters.clear();
    for (const wake of waiters) wake();
  }

  private forget(stream: SpdyStream): void {
    this.streams.delete(stream.id);
    this.resumeFor(stream);
    if ((this.goneAwayRemote || this.remoteEnded) && this.streams.size === 0) this.socket.end();
  }
}
