import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeFrame,
  decodeHeaderBlock,
  encodeFrame,
  encodeHeaderBlock,
  FLAG_FIN,
  SpdyProtocolError,
  type Frame,
} from './frames.js';
import { FrameReader } from './frame-reader.js';

const ROUND_TRIPS: { name: string; frame: Frame }[] = [
  { name: 'DATA', frame: { type: 'DATA', streamId: 5, flags: 0, data: Buffer.from('hello') } },
  {
    name: 'DATA with FIN and no payload',
    frame: { type: 'DATA', streamId: 0x7fffffff, flags: FLAG_FIN, data: Buffer.alloc(0) },
  },
  {
    name: 'SYN_STREAM',
    frame: {
      type: 'SYN_STREAM',
      version: 3,
      streamId: 1,
      associatedStreamId: 0,
      priority: 7,
      slot: 0,
      flags: 3,
      headerBlock: Buffer.from([1, 2, 3]),
    },
  },
  {
    name: 'SYN_REPLY',
    frame: { type: 'SYN_REPLY', version: 3, streamId: 3, flags: FLAG_FIN, headerBlock: Buffer.from([9]) },
  },
  { name: 'HEADERS', frame: { type: 'HEADERS', version: 3, streamId: 3, flags: 0, headerBlock: Buffer.from([7, 7]) } },
  { name: 'RST_STREAM', frame: { type: 'RST_STREAM', version: 3, streamId: 9, status: 5 } },
  {
    name: 'SETTINGS',
    frame: {
      type: 'SETTINGS',
      version: 3,
      flags: 1,
      entries: [
        { flags: 1, id: 7, value: 1 << 20 },
        { flags: 0, id: 4, value: 100 },
      ],
    },
  },
  { name: 'PING', frame: { type: 'PING', version: 3, id: 0xfffffffe } },
  { name: 'GOAWAY', frame: { type: 'GOAWAY', version: 3, lastGoodStreamId: 7, status: 2 } },
  { name: 'WINDOW_UPDATE', frame: { type: 'WINDOW_UPDATE', version: 3, streamId: 0, delta: 0x7fffffff } },
  {
    name: 'unknown control type',
    frame: { type: 'UNKNOWN', version: 3, controlType: 0x0a, flags: 0, payload: Buffer.from('x') },
  },
];

test('every frame type survives encode then decode unchanged', () => {
  for (const c of ROUND_TRIPS) {
    const bytes = encodeFrame(c.frame);
    const decoded = decodeFrame(bytes);
    assert.ok(decoded, c.name);
    assert.equal(decoded.size, bytes.length, c.name);
    assert.deepEqual(decoded.frame, c.frame, c.name);
  }
});

test('frames have the SPDY/3 wire layout', () => {
  const cases: { name: string; frame: Frame; hex: string }[] = [
    { name: 'PING', frame: { type: 'PING', version: 3, id: 1 }, hex: '80030006' + '00000004' + '00000001' },
    {
      name: 'DATA FIN',
      frame: { type: 'DATA', streamId: 3, flags: FLAG_FIN, data: Buffer.from('ab') },
      hex: '00000003' + '01000002' + '6162',
    },
    {
      name: 'RST_STREAM',
      frame: { type: 'RST_STREAM', version: 3, streamId: 1, status: 3 },
      hex: '80030003' + '00000008' + '00000001' + '00000003',
    },
    {
      name: 'WINDOW_UPDATE',
      frame: { type: 'WINDOW_UPDATE', version: 3, streamId: 1, delta: 0x8000 },
      hex: '80030009' + '00000008' + '00000001' + '00008000',
    },
    {
      name: 'SYN_REPLY with FIN',
      frame: { type: 'SYN_REPLY', version: 3, streamId: 1, flags: FLAG_FIN, headerBlock: Buffer.alloc(0) },
      hex: '80030002' + '01000004' + '00000001',
    },
  ];
  for (const c of cases) assert.equal(encodeFrame(c.frame).toString('hex'), c.hex, c.name);
});

test('decodeFrame waits for a whole frame', () => {
  const bytes = encodeFrame({ type: 'DATA', streamId: 1, flags: 0, data: Buffer.from('payload') });
  for (let n = 0; n < bytes.length; n++) assert.equal(decodeFrame(bytes.subarray(0, n)), undefined, `prefix ${n}`);
});

test('decodeFrame rejects malformed frames', () => {
  const cases: { name: string; hex: string }[] = [
    { name: 'PING of 8 bytes', hex: '80030006' + '00000008' + '0000000100000002' },
    { name: 'RST_STREAM on stream 0', hex: '80030003' + '00000008' + '00000000' + '00000001' },
    { name: 'DATA on stream 0', hex: '00000000' + '00000001' + '61' },
    { name: 'SETTINGS count beyond payload', hex: '80030004' + '0000000c' + '00000002' + '0000000700000001' },
    { name: 'SYN_STREAM shorter than its fixed part', hex: '80030001' + '00000004' + '00000001' },
  ];
  for (const c of cases) assert.throws(() => decodeFrame(Buffer.from(c.hex, 'hex')), SpdyProtocolError, c.name);
});

test('header blocks carry lowercase names and NUL-joined values', () => {
  const block = encodeHeaderBlock({ StreamType: ['error'], port: ['80'], multi: ['a', 'b'], empty: [] });
  assert.equal(block.readUInt32BE(0), 3);
  assert.deepEqual(decodeHeaderBlock(block), { streamtype: ['error'], port: ['80'], multi: ['a', 'b'] });
  assert.ok(block.includes(Buffer.from('a\0b')));
  assert.throws(() => decodeHeaderBlock(block.subarray(0, block.length - 1)), SpdyProtocolError);
});

test('FrameReader reassembles frames split at every byte boundary', () => {
  const frames: Frame[] = [
    { type: 'PING', version: 3, id: 1 },
    { type: 'DATA', streamId: 1, flags: 0, data: Buffer.from('abc') },
    { type: 'GOAWAY', version: 3, lastGoodStreamId: 1, status: 0 },
  ];
  const bytes = Buffer.concat(frames.map(encodeFrame));
  for (const step of [1, 2, 5, 7, bytes.length]) {
    const reader = new FrameReader();
    const got: Frame[] = [];
    for (let i = 0; i < bytes.length; i += step) got.push(...reader.push(bytes.subarray(i, i + step)));
    assert.deepEqual(got, frames, `step ${step}`);
    assert.equal(reader.buffered, 0);
  }
});
