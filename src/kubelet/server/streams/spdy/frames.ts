/**
 * SPDY/3.1 frame codec: pure functions between frames and bytes. Header blocks stay compressed here (the
 * zlib context is per connection and lives in `header-compression.ts`); `encodeHeaderBlock` and
 * `decodeHeaderBlock` convert between headers and the uncompressed name/value block.
 *
 * Wire layout (all integers big-endian):
 * - control frame: `1 | version(15) | type(16)`, `flags(8) | length(24)`, payload
 * - data frame:    `0 | stream-id(31)`, `flags(8) | length(24)`, payload
 */

/** The only protocol version this codec speaks. */
export const SPDY_VERSION = 3;

/** Control frame type numbers. */
export const ControlType = {
  SYN_STREAM: 1,
  SYN_REPLY: 2,
  RST_STREAM: 3,
  SETTINGS: 4,
  PING: 6,
  GOAWAY: 7,
  HEADERS: 8,
  WINDOW_UPDATE: 9,
} as const;

/** FIN on DATA, SYN_STREAM, SYN_REPLY and HEADERS: the sender will send nothing more on the stream. */
export const FLAG_FIN = 0x01;
/** UNIDIRECTIONAL on SYN_STREAM: the receiver must not send on the stream. */
export const FLAG_UNIDIRECTIONAL = 0x02;
/** CLEAR_SETTINGS on SETTINGS. */
export const FLAG_SETTINGS_CLEAR = 0x01;

/** RST_STREAM status codes. */
export const RstStatus = {
  PROTOCOL_ERROR: 1,
  INVALID_STREAM: 2,
  REFUSED_STREAM: 3,
  UNSUPPORTED_VERSION: 4,
  CANCEL: 5,
  INTERNAL_ERROR: 6,
  FLOW_CONTROL_ERROR: 7,
  STREAM_IN_USE: 8,
  STREAM_ALREADY_CLOSED: 9,
  FRAME_TOO_LARGE: 11,
} as const;

/** GOAWAY status codes. */
export const GoAwayStatus = { OK: 0, PROTOCOL_ERROR: 1, INTERNAL_ERROR: 2 } as const;

/** SETTINGS ids (only INITIAL_WINDOW_SIZE matters to this implementation). */
export const SettingId = { MAX_CONCURRENT_STREAMS: 4, INITIAL_WINDOW_SIZE: 7 } as const;

/** The largest payload a frame's 24-bit length can describe. */
export const MAX_FRAME_PAYLOAD = 0xffffff;

/** One SETTINGS entry. */
export interface SettingEntry {
  flags: number;
  id: number;
  value: number;
}

/** A decoded frame. Header blocks (`headerBlock`) are still zlib-compressed. */
export type Frame =
  | { type: 'DATA'; streamId: number; flags: number; data: Buffer }
  | {
      type: 'SYN_STREAM';
      version: number;
      streamId: number;
      associatedStreamId: number;
      priority: number;
      slot: number;
      flags: number;
      headerBlock: Buffer;
    }
  | { type: 'SYN_REPLY'; version: number; streamId: number; flags: number; headerBlock: Buffer }
  | { type: 'RST_STREAM'; version: number; streamId: number; status: number }
  | { type: 'SETTINGS'; version: number; flags: number; entries: SettingEntry[] }
  | { type: 'PING'; version: number; id: number }
  | { type: 'GOAWAY'; version: number; lastGoodStreamId: number; status: number }
  | { type: 'HEADERS'; version: number; streamId: number; flags: number; headerBlock: Buffer }
  | { type: 'WINDOW_UPDATE'; version: number; streamId: number; delta: number }
  | { type: 'UNKNOWN'; version: number; controlType: number; flags: number; payload: Buffer };

/** The payload of a frame contradicts the spec (wrong length for its type, stream id 0 where forbidden, …). */
export class SpdyProtocolError extends Error {
  override readonly name = 'SpdyProtocolError';
}

/** Headers as SPDY carries them: lowercase names, each with one or more values. */
export type SpdyHeaders = Record<string, string[]>;

/** The first value of header `name` (compared case-insensitively), or `''`. */
export function headerValue(headers: SpdyHeaders, name: string): string {
  return headers[name.toLowerCase()]?.[0] ?? '';
}

const STREAM_ID_MASK = 0x7fffffff;

// A flags byte over a 24-bit field, as an unsigned word (bitwise `|` in JS would yield a negative int32).
const byteAndLength = (flags: number, length: number): number => (flags & 0xff) * 0x1000000 + (length & 0xffffff);

function controlHeader(type: number, flags: number, length: number): Buffer {
  if (length > MAX_FRAME_PAYLOAD) throw new RangeError(`SPDY frame payload of ${length} bytes is too large`);
  const b = Buffer.alloc(8);
  b.writeUInt16BE(0x8000 | SPDY_VERSION, 0);
  b.writeUInt16BE(type, 2);
  b.writeUInt32BE(byteAndLength(flags, length), 4);
  return b;
}

function u32(...values: number[]): Buffer {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, 4 * i));
  return b;
}

/** Encodes one frame. Header blocks must already be compressed. */
export function encodeFrame(frame: Frame): Buffer {
  switch (frame.type) {
    case 'DATA': {
      if (frame.data.length > MAX_FRAME_PAYLOAD) throw new RangeError('SPDY DATA payload too large');
      const head = Buffer.alloc(8);
      head.writeUInt32BE(frame.streamId & STREAM_ID_MASK, 0);
      head.writeUInt32BE(byteAndLength(frame.flags, frame.data.length), 4);
      return Buffer.concat([head, frame.data]);
    }
    case 'SYN_STREAM': {
      const body = Buffer.alloc(10);
      body.writeUInt32BE(frame.streamId & STREAM_ID_MASK, 0);
      body.writeUInt32BE(frame.associatedStreamId & STREAM_ID_MASK, 4);
      body.writeUInt8((frame.priority & 0x7) << 5, 8);
      body.writeUInt8(frame.slot & 0xff, 9);
      const len = body.length + frame.headerBlock.length;
      return Buffer.concat([controlHeader(ControlType.SYN_STREAM, frame.flags, len), body, frame.headerBlock]);
    }
    case 'SYN_REPLY':
    case 'HEADERS': {
      const type = frame.type === 'SYN_REPLY' ? ControlType.SYN_REPLY : ControlType.HEADERS;
      const len = 4 + frame.headerBlock.length;
      return Buffer.concat([
        controlHeader(type, frame.flags, len),
        u32(frame.streamId & STREAM_ID_MASK),
        frame.headerBlock,
      ]);
    }
    case 'RST_STREAM':
      return Buffer.concat([
        controlHeader(ControlType.RST_STREAM, 0, 8),
        u32(frame.streamId & STREAM_ID_MASK, frame.status),
      ]);
    case 'SETTINGS': {
      const body = Buffer.alloc(4 + 8 * frame.entries.length);
      body.writeUInt32BE(frame.entries.length, 0);
      frame.entries.forEach((e, i) => {
        body.writeUInt32BE(byteAndLength(e.flags, e.id & 0xffffff), 4 + 8 * i);
        body.writeUInt32BE(e.value >>> 0, 8 + 8 * i);
      });
      return Buffer.concat([controlHeader(ControlType.SETTINGS, frame.flags, body.length), body]);
    }
    case 'PING':
      return Buffer.concat([controlHeader(ControlType.PING, 0, 4), u32(frame.id)]);
    case 'GOAWAY':
      return Buffer.concat([
        controlHeader(ControlType.GOAWAY, 0, 8),
        u32(frame.lastGoodStreamId & STREAM_ID_MASK, frame.status),
      ]);
    case 'WINDOW_UPDATE':
      return Buffer.concat([
        controlHeader(ControlType.WINDOW_UPDATE, 0, 8),
        u32(frame.streamId & STREAM_ID_MASK, frame.delta & STREAM_ID_MASK),
      ]);
    case 'UNKNOWN':
      return Buffer.concat([controlHeader(frame.controlType, frame.flags, frame.payload.length), frame.payload]);
  }
}

function expectLength(name: string, got: number, want: number): void {
  if (got !== want) throw new SpdyProtocolError(`${name} frame has length ${got}, want ${want}`);
}

function nonZeroStream(name: string, id: number): number {
  if (id === 0) throw new SpdyProtocolError(`${name} frame on stream 0`);
  return id;
}

/**
 * Decodes the frame at the start of `buf`. Returns `undefined` while `buf` holds less than a whole frame, so an
 * incremental reader can wait for more bytes. Throws {@link SpdyProtocolError} for a malformed frame.
 */
export function decodeFrame(buf: Buffer): { frame: Frame; size: number } | undefined {
  if (buf.length < 8) return undefined;
  const length = buf.readUInt32BE(4) & 0xffffff;
  const size = 8 + length;
  if (buf.length < size) return undefined;
  const flags = buf[4]!;
  const p = buf.subarray(8, size);
  const first = buf.readUInt32BE(0);
  if ((first & 0x80000000) === 0) {
    const streamId = nonZeroStream('DATA', first & STREAM_ID_MASK);
    return { frame: { type: 'DATA', streamId, flags, data: Buffer.from(p) }, size };
  }
  const version = (first >>> 16) & 0x7fff;
  const type = first & 0xffff;
  return { frame: decodeControl(version, type, flags, p), size };
}

function decodeControl(version: number, type: number, flags: number, p: Buffer): Frame {
  switch (type) {
    case ControlType.SYN_STREAM:
      if (p.length < 10) throw new SpdyProtocolError(`SYN_STREAM frame has length ${p.length}, want at least 10`);
      return {
        type: 'SYN_STREAM',
        version,
        streamId: nonZeroStream('SYN_STREAM', p.readUInt32BE(0) & STREAM_ID_MASK),
        associatedStreamId: p.readUInt32BE(4) & STREAM_ID_MASK,
        priority: p[8]! >> 5,
        slot: p[9]!,
        flags,
        headerBlock: Buffer.from(p.subarray(10)),
      };
    case ControlType.SYN_REPLY:
    case ControlType.HEADERS: {
      const name = type === ControlType.SYN_REPLY ? 'SYN_REPLY' : 'HEADERS';
      if (p.length < 4) throw new SpdyProtocolError(`${name} frame has length ${p.length}, want at least 4`);
      const streamId = nonZeroStream(name, p.readUInt32BE(0) & STREAM_ID_MASK);
      return { type: name, version, streamId, flags, headerBlock: Buffer.from(p.subarray(4)) };
    }
    case ControlType.RST_STREAM:
      expectLength('RST_STREAM', p.length, 8);
      return {
        type: 'RST_STREAM',
        version,
        streamId: nonZeroStream('RST_STREAM', p.readUInt32BE(0) & STREAM_ID_MASK),
        status: p.readUInt32BE(4),
      };
    case ControlType.SETTINGS: {
      if (p.length < 4) throw new SpdyProtocolError(`SETTINGS frame has length ${p.length}, want at least 4`);
      const n = p.readUInt32BE(0);
      expectLength('SETTINGS', p.length, 4 + 8 * n);
      const entries: SettingEntry[] = [];
      for (let i = 0; i < n; i++) {
        const word = p.readUInt32BE(4 + 8 * i);
        entries.push({ flags: word >>> 24, id: word & 0xffffff, value: p.readUInt32BE(8 + 8 * i) });
      }
      return { type: 'SETTINGS', version, flags, entries };
    }
    case ControlType.PING:
      expectLength('PING', p.length, 4);
      return { type: 'PING', version, id: p.readUInt32BE(0) };
    case ControlType.GOAWAY:
      expectLength('GOAWAY', p.length, 8);
      return {
        type: 'GOAWAY',
        version,
        lastGoodStreamId: p.readUInt32BE(0) & STREAM_ID_MASK,
        status: p.readUInt32BE(4),
      };
    case ControlType.WINDOW_UPDATE:
      expectLength('WINDOW_UPDATE', p.length, 8);
      return {
        type: 'WINDOW_UPDATE',
        version,
        streamId: p.readUInt32BE(0) & STREAM_ID_MASK,
        delta: p.readUInt32BE(4) & STREAM_ID_MASK,
      };
    default:
      // The spec says to ignore unknown control frames, so they are surfaced rather than rejected.
      return { type: 'UNKNOWN', version, controlType: type, flags, payload: Buffer.from(p) };
  }
}

/**
 * Encodes headers as an uncompressed SPDY/3 name/value block: a 32-bit pair count, then for each pair a 32-bit
 * length and the name, a 32-bit length and the values joined by NUL. Names are lowercased because Go's framer
 * (which every Kubernetes client uses) rejects a frame with an uppercase name.
 */
export function encodeHeaderBlock(headers: SpdyHeaders): Buffer {
  const entries = Object.entries(headers).filter(([, values]) => values.length > 0);
  const parts: Buffer[] = [u32(entries.length)];
  for (const [name, values] of entries) {
    const n = Buffer.from(name.toLowerCase(), 'utf8');
    const v = Buffer.from(values.join('\0'), 'utf8');
    parts.push(u32(n.length), n, u32(v.length), v);
  }
  return Buffer.concat(parts);
}

/** Decodes an uncompressed name/value block; names are lowercased, NUL-separated values split. */
export function decodeHeaderBlock(block: Buffer): SpdyHeaders {
  const fail = () => new SpdyProtocolError('truncated SPDY header block');
  if (block.length < 4) throw fail();
  const count = block.readUInt32BE(0);
  const headers: SpdyHeaders = {};
  let off = 4;
  const field = (): string => {
    if (off + 4 > block.length) throw fail();
    const len = block.readUInt32BE(off);
    off += 4;
    if (off + len > block.length) throw fail();
    const s = block.toString('utf8', off, off + len);
    off += len;
    return s;
  };
  for (let i = 0; i < count; i++) {
    const name = field().toLowerCase();
    const values = field().split('\0');
    (headers[name] ??= []).push(...values);
  }
  return headers;
}
