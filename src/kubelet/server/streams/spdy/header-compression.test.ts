import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spdy3Dictionary } from './dictionary.js';
import { decodeHeaderBlock, encodeHeaderBlock } from './frames.js';
import { HeaderCompressor, HeaderDecompressor } from './header-compression.js';

test('the dictionary is byte-identical to the SPDY/3 spec', () => {
  const dict = spdy3Dictionary();
  assert.equal(dict.length, 1423);
  assert.equal(
    createHash('sha256').update(dict).digest('hex'),
    '51d27341373f923f3cd88e1eb7162aeaa3723d7585ff2399201dc06498407f02',
  );
});

test('the first compressed block announces the spec dictionary by its Adler-32', async () => {
  const c = new HeaderCompressor();
  const out = await c.compress(encodeHeaderBlock({ streamtype: ['error'] }));
  c.close();
  assert.equal(out[1]! & 0x20, 0x20, 'FDICT flag set');
  assert.equal(out.readUInt32BE(2), 0xe3c6a7c2);
  assert.equal(out.subarray(-4).toString('hex'), '0000ffff', 'each block ends with a sync flush');
});

test('blocks share one compression context per direction, in order', async () => {
  const c = new HeaderCompressor();
  const d = new HeaderDecompressor();
  const blocks = [
    { streamtype: ['error'], port: ['80'], requestid: ['0'] },
    { streamtype: ['data'], port: ['80'], requestid: ['0'] },
    { streamtype: ['data'], port: ['80'], requestid: ['1'] },
  ];
  // Compress all before decompressing any: calls must still resolve in call order.
  const compressed = await Promise.all(blocks.map((b) => c.compress(encodeHeaderBlock(b))));
  assert.ok(compressed[2]!.length < compressed[0]!.length, 'later blocks reuse the earlier ones');
  for (const [i, block] of compressed.entries()) {
    assert.deepEqual(decodeHeaderBlock(await d.decompress(block)), blocks[i]);
  }
  c.close();
  d.close();
});

test('a corrupt block is rejected, and so is everything after it', async () => {
  const d = new HeaderDecompressor();
  await assert.rejects(d.decompress(Buffer.from('not zlib at all')));
  await assert.rejects(d.decompress(Buffer.from([0x78, 0xbb])));
  d.close();
});
