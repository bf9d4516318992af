import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCriLog, parseCriLogLine } from './log-format.js';

test('parseCriLogLine reads CRI log records with trimmed fractions', () => {
  const cases = [
    {
      input: '2026-11-22T10:00:00.123456789Z stdout F hello',
      want: { stream: 'stdout', full: true, message: 'hello', timeMs: Date.UTC(2026, 10, 22, 10, 0, 0, 123) },
    },
    {
      input: '2026-11-22T10:00:00.1Z stderr P part',
      want: { stream: 'stderr', full: false, message: 'part', timeMs: Date.UTC(2026, 10, 22, 10, 0, 0, 100) },
    },
    {
      input: '2026-11-22T10:00:00Z stdout F ',
      want: { stream: 'stdout', full: true, message: '', timeMs: Date.UTC(2026, 10, 22, 10) },
    },
    {
      input: '2026-11-22T10:00:00.5+01:00 stdout F a b  c',
      want: { stream: 'stdout', full: true, message: 'a b  c', timeMs: Date.UTC(2026, 10, 22, 9, 0, 0, 500) },
    },
  ];
  for (const c of cases) {
    const got = parseCriLogLine(c.input);
    assert.ok(got, c.input);
    assert.deepEqual({ stream: got.stream, full: got.full, message: got.message, timeMs: got.timeMs }, c.want, c.input);
  }
  for (const bad of ['', 'hello', '2026-11-22T10:00:00Z stdin F x', '2026-11-22 10:00:00Z stdout F x']) {
    assert.equal(parseCriLogLine(bad), undefined, bad);
  }
});

test('parseCriLog joins partial records per stream and skips junk', () => {
  const text = [
    '2026-11-22T10:00:00.1Z stdout P ab',
    '2026-11-22T10:00:00.2Z stderr F err',
    '2026-11-22T10:00:00.3Z stdout F cd',
    'garbage',
    '2026-11-22T10:00:00.4Z stdout F next',
    '',
  ].join('\n');
  assert.deepEqual(
    parseCriLog(text).map((r) => [r.stream, r.message]),
    [
      ['stderr', 'err'],
      ['stdout', 'abcd'],
      ['stdout', 'next'],
    ],
  );
});
