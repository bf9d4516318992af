import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareGoStrings, goFormatFloat, goFormatScalar, goQuote } from './go-format.js';

test('goQuote escapes like strconv.Quote', () => {
  const cases: { name: string; input: string; want: string }[] = [
    { name: 'plain', input: 'web-1', want: '"web-1"' },
    { name: 'empty', input: '', want: '""' },
    { name: 'quote and backslash', input: 'a"b\\c', want: '"a\\"b\\\\c"' },
    { name: 'named escapes', input: '\n\t\r\x07\b\f\v', want: '"\\n\\t\\r\\a\\b\\f\\v"' },
    { name: 'other control bytes as \\x', input: '\x00\x1b\x7f', want: '"\\x00\\x1b\\x7f"' },
    { name: 'printable unicode kept', input: 'héllo 世界 🙂', want: '"héllo 世界 🙂"' },
    { name: 'non-printable unicode as \\u', input: '\u00a0\u200b', want: '"\\u00a0\\u200b"' },
  ];
  for (const c of cases) assert.equal(goQuote(c.input), c.want, c.name);
});

test('goFormatFloat matches fmt %v of float64', () => {
  const cases: { input: number; want: string }[] = [
    { input: 0.5, want: '0.5' },
    { input: -1.25, want: '-1.25' },
    { input: 0.0001, want: '0.0001' },
    { input: 0.00001, want: '1e-05' },
    { input: 123456.5, want: '123456.5' },
    { input: 1234567.5, want: '1.2345675e+06' },
    { input: 1e21, want: '1e+21' },
    { input: NaN, want: 'NaN' },
    { input: -Infinity, want: '-Inf' },
  ];
  for (const c of cases) assert.equal(goFormatFloat(c.input), c.want, String(c.input));
});

test('goFormatScalar prints integers whole and other scalars as Go does', () => {
  assert.equal(goFormatScalar(-1), '-1');
  assert.equal(goFormatScalar(1e21), '1000000000000000000000');
  assert.equal(goFormatScalar(2.5), '2.5');
  assert.equal(goFormatScalar(true), 'true');
  assert.equal(goFormatScalar(10n), '10');
});

test('compareGoStrings orders by code point, not UTF-16 unit', () => {
  assert.ok(compareGoStrings('a', 'b') < 0);
  assert.ok(compareGoStrings('ab', 'a') > 0);
  assert.equal(compareGoStrings('x', 'x'), 0);
  // U+FF5E sorts before U+1F600 by code point although its UTF-16 unit is larger than the high surrogate.
  assert.ok(compareGoStrings('\uff5e', '\u{1f600}') < 0);
  assert.deepEqual(['b', 'B', 'a', '_'].sort(compareGoStrings), ['B', '_', 'a', 'b']);
});
