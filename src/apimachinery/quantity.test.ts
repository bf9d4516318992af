import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERR_FORMAT_WRONG, ERR_SUFFIX, Quantity, QuantityParseError, parseQuantity } from './quantity.js';

const q = (s: string): Quantity => parseQuantity(s);

test('parse then print gives the canonical form', () => {
  const cases: { input: string; want: string; format?: string }[] = [
    { input: '0', want: '0', format: 'DecimalSI' },
    { input: '1000m', want: '1' },
    { input: '0.1', want: '100m' },
    { input: '1.5', want: '1500m' },
    { input: '1.08', want: '1080m' },
    { input: '100m', want: '100m' },
    { input: '1.5Gi', want: '1536Mi', format: 'BinarySI' },
    { input: '1Ki', want: '1Ki' },
    { input: '1024Mi', want: '1Gi' },
    { input: '1024Ki', want: '1Mi' },
    { input: '8Ki', want: '8Ki' },
    { input: '300Mi', want: '300Mi' },
    { input: '1000M', want: '1G' },
    { input: '1000000k', want: '1G' },
    { input: '0.001T', want: '1G' },
    { input: '1e9', want: '1e9', format: 'DecimalExponent' },
    { input: '.001e12', want: '1e9' },
    { input: '0.001e0', want: '1e-3' },
    { input: '1000e-12', want: '1e-9' },
    { input: '1E3', want: '1E3' },
    { input: '1.2e3', want: '1200' },
    { input: '50k', want: '50k' },
    { input: '1.5k', want: '1500' },
    { input: '1080000000n', want: '1080m' },
    { input: '.001Ki', want: '1024m', format: 'BinarySI' },
    { input: '.000001Ki', want: '1024u' },
    { input: '.000000001Ki', want: '1024n' },
    { input: '.000000000001Ki', want: '2n' },
    { input: '3.001n', want: '4n' },
    { input: '0.0000000001', want: '1n' },
    { input: '0.00000012345', want: '124n' },
    { input: '-0.1', want: '-100m' },
    { input: '-1.5Gi', want: '-1536Mi' },
    { input: '9Ei', want: '9223372036854775807' },
    { input: '5', want: '5' },
    { input: '1025', want: '1025' },
    { input: '1234567M', want: '1234567M' },
    { input: '2P', want: '2P' },
    { input: '1E', want: '1E' },
    { input: '12E', want: '12E' },
    // Upstream keeps text verbatim when its digits are already in canonical shape, even with odd spelling.
    { input: '+1', want: '+1' },
    { input: '1.', want: '1.' },
    { input: '1.G', want: '1.G' },
    { input: '100.035k', want: '100.035k' },
    { input: '10.035M', want: '10.035M' },
    { input: '3Ki', want: '3Ki' },
  ];
  for (const c of cases) {
    const got = q(c.input);
    assert.equal(got.toString(), c.want, c.input);
    assert.equal(JSON.stringify({ v: got }), JSON.stringify({ v: c.want }), `${c.input} (JSON)`);
    if (c.format) assert.equal(got.format, c.format, `${c.input} format`);
  }
});

test('9Ei saturates at the largest int64', () => {
  assert.equal(q('9Ei').value(), Number(2n ** 63n - 1n));
  assert.ok(q('9223372036854775807Ki').equal(q('9Ei')));
});

test('invalid quantities are rejected with upstream messages', () => {
  const cases: { input: string; want: string }[] = [
    { input: '', want: ERR_FORMAT_WRONG },
    { input: '1.1.M', want: ERR_FORMAT_WRONG },
    { input: '1+1.0M', want: ERR_FORMAT_WRONG },
    { input: 'aoeu', want: ERR_FORMAT_WRONG },
    { input: '-3.01e-', want: ERR_SUFFIX },
    { input: ' 1', want: ERR_FORMAT_WRONG },
    { input: '1 ', want: ERR_FORMAT_WRONG },
    { input: '0.1mi', want: ERR_SUFFIX },
    { input: '0.1am', want: ERR_FORMAT_WRONG },
    { input: '.5i', want: ERR_SUFFIX },
    { input: '1i', want: ERR_SUFFIX },
    { input: '-3.01i', want: ERR_SUFFIX },
    { input: '1e99999999999999999999', want: ERR_SUFFIX },
  ];
  for (const c of cases) {
    assert.throws(
      () => q(c.input),
      (e: unknown) => e instanceof QuantityParseError && e.message === c.want,
      JSON.stringify(c.input),
    );
  }
  assert.equal(
    ERR_FORMAT_WRONG,
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  );
});

test('cmp compares values across formats', () => {
  const cases: { a: string; b: string; want: number }[] = [
    { a: '1Gi', b: '1024Mi', want: 0 },
    { a: '1G', b: '1Gi', want: -1 },
    { a: '500m', b: '0.5', want: 0 },
    { a: '1', b: '999m', want: 1 },
    { a: '-1', b: '1', want: -1 },
    { a: '0', b: '-0', want: 0 },
    { a: '1e100', b: '1', want: 1 },
    { a: '-1e100', b: '-1', want: -1 },
    { a: '1n', b: '0', want: 1 },
  ];
  for (const c of cases) assert.equal(q(c.a).cmp(q(c.b)), c.want, `${c.a} vs ${c.b}`);
});

test('add and sub sum exactly and keep the receiver format unless it is zero', () => {
  assert.equal(q('100m').add(q('900m')).toString(), '1');
  assert.equal(q('1Gi').add(q('512Mi')).toString(), '1536Mi');
  assert.equal(q('1').sub(q('250m')).toString(), '750m');
  assert.equal(q('1Gi').sub(q('2Gi')).toString(), '-1Gi');
  assert.equal(q('0').add(q('1Ki')).toString(), '1Ki');
  assert.equal(q('0').add(q('1Ki')).format, 'BinarySI');
  assert.equal(q('1k').add(q('1Ki')).format, 'DecimalSI');
  assert.equal(q('0.1').add(q('0.2')).toString(), '300m');
  assert.equal(q('3').neg().toString(), '-3');
});

test('value and toMilli round away from zero', () => {
  const cases: { input: string; value: number; milli: number }[] = [
    { input: '1500m', value: 2, milli: 1500 },
    { input: '1', value: 1, milli: 1000 },
    { input: '1n', value: 1, milli: 1 },
    { input: '-1500m', value: -2, milli: -1500 },
    { input: '1Ki', value: 1024, milli: 1024000 },
    { input: '0', value: 0, milli: 0 },
  ];
  for (const c of cases) {
    assert.equal(q(c.input).value(), c.value, `${c.input} value`);
    assert.equal(q(c.input).toMilli(), c.milli, `${c.input} milli`);
  }
});

test('toNumber approximates as a float', () => {
  assert.equal(q('1.5').toNumber(), 1.5);
  assert.equal(q('100m').toNumber(), 0.1);
  assert.equal(q('2Gi').toNumber(), 2 * 1024 ** 3);
  assert.equal(q('1e3').toNumber(), 1000);
});

test('constructors', () => {
  assert.equal(Quantity.fromMilli(250).toString(), '250m');
  assert.equal(Quantity.fromMilli(2000).toString(), '2');
  assert.equal(Quantity.fromValue(2048, 'BinarySI').toString(), '2Ki');
  assert.equal(Quantity.fromValue(100, 'BinarySI').toString(), '100');
  assert.equal(Quantity.fromScaled(5, 6).toString(), '5M');
  assert.equal(Quantity.fromValue(0).isZero(), true);
  assert.equal(q('-2').sign(), -1);
});
