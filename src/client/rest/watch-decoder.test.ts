import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeWatchEvents } from './watch-decoder.js';

async function collect(chunks: string[]): Promise<string[]> {
  const out: string[] = [];
  const src = (async function* () {
    for (const c of chunks) yield Buffer.from(c);
  })();
  for await (const ev of decodeWatchEvents<{ metadata: { name: string } }>(src)) {
    out.push(ev.type === 'ERROR' ? `ERROR ${ev.object.code}` : `${ev.type} ${ev.object.metadata.name}`);
  }
  return out;
}

const a = '{"type":"ADDED","object":{"metadata":{"name":"a"}}}';
const b = '{"type":"MODIFIED","object":{"metadata":{"name":"ü"}}}';

test('watch decoder splits newline-delimited events wherever chunks break', async () => {
  const cases: { name: string; chunks: string[]; want: string[] }[] = [
    { name: 'one event per chunk', chunks: [`${a}\n`, `${b}\n`], want: ['ADDED a', 'MODIFIED ü'] },
    { name: 'two events in one chunk', chunks: [`${a}\n${b}\n`], want: ['ADDED a', 'MODIFIED ü'] },
    { name: 'event split across chunks', chunks: [a.slice(0, 10), `${a.slice(10)}\n`], want: ['ADDED a'] },
    {
      name: 'blank lines skipped, last line without newline',
      chunks: [`\n${a}\n\n`, b],
      want: ['ADDED a', 'MODIFIED ü'],
    },
    {
      name: 'error event',
      chunks: ['{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"code":410}}\n'],
      want: ['ERROR 410'],
    },
  ];
  for (const c of cases) assert.deepEqual(await collect(c.chunks), c.want, c.name);
});

test('watch decoder keeps multi-byte characters split between chunks intact', async () => {
  const bytes = Buffer.from(`${b}\n`);
  const cut = bytes.indexOf(0xc3) + 1;
  const src = (async function* () {
    yield bytes.subarray(0, cut);
    yield bytes.subarray(cut);
  })();
  const got: string[] = [];
  for await (const ev of decodeWatchEvents<{ metadata: { name: string } }>(src))
    got.push((ev.object as { metadata: { name: string } }).metadata.name);
  assert.deepEqual(got, ['ü']);
});

test('watch decoder rejects malformed events', async () => {
  const cases = ['{"type":"NOPE","object":{}}\n', '{"type":"ADDED"}\n', 'not json\n'];
  for (const c of cases) await assert.rejects(collect([c]), Error, c);
});
