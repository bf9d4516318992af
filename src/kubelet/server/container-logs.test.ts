import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { FakeClock } from '../../util/clock.js';
import { settle } from '../../testing/wait-for.js';
import { fixedNanoTime, parseLogLine, parseLogOptions, readContainerLogs, type LogOptions } from './container-logs.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'k8ts-logs-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LOG = [
  '2026-11-22T10:00:00.1Z stdout F one',
  '2026-11-22T10:00:01.000000002Z stderr F two',
  '2026-11-22T10:00:02Z stdout P thr',
  '2026-11-22T10:00:02.5Z stdout F ee',
  '2026-11-22T10:00:03.123456789Z stdout F four',
  '',
].join('\n');

const base: LogOptions = { tail: -1, bytes: -1, sinceMs: 0, follow: false, timestamps: false, previous: false };

async function read(text: string, opts: Partial<LogOptions>): Promise<string> {
  const path = join(dir, `log-${Math.random().toString(36).slice(2)}.log`);
  await writeFile(path, text);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await readContainerLogs(path, { ...base, ...opts }, out);
  return Buffer.concat(chunks).toString();
}

describe('parseLogOptions', () => {
  const now = Date.parse('2026-11-22T10:00:10Z');
  const cases: { name: string; query: string; want?: Partial<LogOptions>; code?: number }[] = [
    { name: 'defaults read everything', query: '', want: base },
    {
      name: 'flags and numbers',
      query: 'follow=true&timestamps=1&previous=true&tailLines=5&limitBytes=10',
      want: { follow: true, timestamps: true, previous: true, tail: 5, bytes: 10 },
    },
    { name: 'legacy tail', query: 'tail=3', want: { tail: 3 } },
    { name: 'tail=all means everything', query: 'tail=all&tailLines=3', want: { tail: -1 } },
    { name: 'sinceSeconds counts back from now', query: 'sinceSeconds=4', want: { sinceMs: now - 4000 } },
    {
      name: 'sinceTime',
      query: 'sinceTime=2026-11-22T10:00:02Z',
      want: { sinceMs: Date.parse('2026-11-22T10:00:02Z') },
    },
    { name: 'negative tail is invalid', query: 'tailLines=-1', code: 422 },
    { name: 'sinceSeconds below 1 is invalid', query: 'sinceSeconds=0', code: 422 },
    { name: 'limitBytes below 1 is invalid', query: 'limitBytes=0', code: 422 },
    { name: 'both since forms are invalid', query: 'sinceSeconds=1&sinceTime=2026-11-22T10:00:02Z', code: 422 },
    { name: 'a non-number does not decode', query: 'tailLines=x', code: 400 },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const q = new URLSearchParams(c.query);
      if (c.code) {
        assert.throws(
          () => parseLogOptions(q, now),
          (err: { status?: { code?: number } }) => err.status?.code === c.code,
        );
      } else {
        assert.deepEqual(parseLogOptions(q, now), { ...base, ...c.want });
      }
    });
  }
});

test('parseLogLine keeps the newline of full records and drops it from partial ones', () => {
  const full = parseLogLine(Buffer.from('2026-11-22T10:00:00Z stdout F hi\n'));
  assert.equal(full?.log.toString(), 'hi\n');
  assert.equal(full?.stream, 'stdout');
  const partial = parseLogLine(Buffer.from('2026-11-22T10:00:00Z stderr P:x hi\n'));
  assert.equal(partial?.log.toString(), 'hi');
  assert.equal(parseLogLine(Buffer.from('garbage\n')), undefined);
  assert.equal(parseLogLine(Buffer.from('2026-11-22T10:00:00Z stdin F hi\n')), undefined);
});

test('fixedNanoTime pads the fraction to nine digits', () => {
  assert.equal(fixedNanoTime('2026-11-22T10:00:00.1Z'), '2026-11-22T10:00:00.100000000Z');
  assert.equal(fixedNanoTime('2026-11-22T10:00:00Z'), '2026-11-22T10:00:00.000000000Z');
  assert.equal(fixedNanoTime('2026-11-22T10:00:00.123456789+02:00'), '2026-11-22T10:00:00.123456789+02:00');
});

describe('readContainerLogs', () => {
  const cases: { name: string; opts: Partial<LogOptions>; want: string }[] = [
    { name: 'everything, partial records joined', opts: {}, want: 'one\ntwo\nthree\nfour\n' },
    { name: 'tail counts records from the end', opts: { tail: 2 }, want: 'ee\nfour\n' },
    { name: 'tail 0 writes nothing', opts: { tail: 0 }, want: '' },
    { name: 'tail beyond the file reads it all', opts: { tail: 100 }, want: 'one\ntwo\nthree\nfour\n' },
    { name: 'since skips older records', opts: { sinceMs: Date.parse('2026-11-22T10:00:02.2Z') }, want: 'ee\nfour\n' },
    { name: 'limitBytes cuts the output', opts: { bytes: 6 }, want: 'one\ntw' },
    {
      name: 'timestamps prefix every record with a fixed 9-digit fraction',
      opts: { timestamps: true, tail: 3 },
      want: '2026-11-22T10:00:02.000000000Z thr2026-11-22T10:00:02.500000000Z ee\n2026-11-22T10:00:03.123456789Z four\n',
    },
    {
      name: 'limitBytes counts the timestamps too',
      opts: { timestamps: true, bytes: 35 },
      want: '2026-11-22T10:00:00.100000000Z one\n',
    },
  ];
  for (const c of cases) test(c.name, async () => assert.equal(await read(LOG, c.opts), c.want));

  test('an unterminated last record is still written', async () => {
    assert.equal(await read('2026-11-22T10:00:00Z stdout F a\n2026-11-22T10:00:01Z stdout F b', {}), 'a\nb');
  });

  /** A follow read of a one-record log on a fake clock, polling (no fs.watch) so that only clock steps move it. */
  async function follow(name: string, opts: { isRunning: () => Promise<boolean>; signal?: AbortSignal }) {
    const path = join(dir, `${name}.log`);
    await writeFile(path, '2026-11-22T10:00:00Z stdout F first\n');
    const clock = new FakeClock();
    const out = new PassThrough();
    let got = '';
    out.on('data', (c: Buffer) => (got += c.toString()));
    const done = readContainerLogs(path, { ...base, follow: true }, out, { clock, useWatch: false, ...opts });
    const waiting = () => settle('the reader to wait for more', () => clock.pendingTimers() > 0);
    return { path, clock, done, waiting, got: () => got };
  }

  test('follow streams new records until the container stops running', async () => {
    let running = true;
    const f = await follow('follow', { isRunning: async () => running });
    const untilWaiting = async () => {
      await f.waiting();
      assert.equal(f.clock.pendingTimers(), 1, 'the reader waits for more');
    };
    await untilWaiting();
    assert.equal(f.got(), 'first\n');
    await appendFile(f.path, '2026-11-22T10:00:01Z stdout F second\n');
    f.clock.step(1000);
    await untilWaiting();
    assert.equal(f.got(), 'first\nsecond\n');
    await appendFile(f.path, '2026-11-22T10:00:02Z stdout F last\n');
    running = false;
    f.clock.step(1000);
    await f.done;
    assert.equal(f.got(), 'first\nsecond\nlast\n');
  });

  test('follow ends when the client goes away', async () => {
    const ac = new AbortController();
    const f = await follow('abort', { isRunning: async () => true, signal: ac.signal });
    await f.waiting();
    ac.abort();
    await f.done;
    assert.equal(f.clock.pendingTimers(), 0);
  });

  test('follow ends when the client went away before the reader started waiting', async () => {
    const ac = new AbortController();
    // Aborted while the first read is in flight: the reader must not wait for an abort event that already fired.
    const f = await follow('abort-early', {
      isRunning: async () => {
        ac.abort();
        return true;
      },
      signal: ac.signal,
    });
    await f.done;
    assert.equal(f.clock.pendingTimers(), 0);
  });
});
