import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  andSelectors,
  checkSupportedFields,
  escapeValue,
  everything,
  FieldSelectorError,
  nothing,
  oneTermEqualSelector,
  oneTermNotEqualSelector,
  parseFieldSelector,
  selectorFromSet,
  unescapeValue,
} from './selector.js';

test('parse and print', () => {
  const cases: { input: string; want: string }[] = [
    { input: '', want: '' },
    { input: 'a=b', want: 'a=b' },
    { input: 'a==b', want: 'a=b' },
    { input: 'a!=b', want: 'a!=b' },
    { input: 'x=a,y=b,z=c', want: 'x=a,y=b,z=c' },
    { input: 'z=c,x=a', want: 'x=a,z=c' },
    { input: 'x=a,,y=b', want: 'x=a,y=b' },
    { input: 'metadata.name=web,status.phase!=Running', want: 'metadata.name=web,status.phase!=Running' },
    { input: 'x=a\\,b', want: 'x=a\\,b' },
    { input: 'x=a\\=b\\\\', want: 'x=a\\=b\\\\' },
    { input: 'x=', want: 'x=' },
    { input: '=x', want: '=x' },
  ];
  for (const c of cases) assert.equal(parseFieldSelector(c.input).toString(), c.want, c.input);
});

test('requirements expose fields, operators and unescaped values', () => {
  assert.deepEqual(parseFieldSelector('spec.nodeName==n1,metadata.name!=a\\,b').requirements(), [
    { field: 'metadata.name', operator: '!=', value: 'a,b' },
    { field: 'spec.nodeName', operator: '=', value: 'n1' },
  ]);
});

test('whitespace is part of names and values, as upstream', () => {
  assert.deepEqual(parseFieldSelector('a = b').requirements(), [{ field: 'a ', operator: '=', value: ' b' }]);
});

test('errors carry upstream messages', () => {
  const cases: { input: string; want: string }[] = [
    { input: 'a', want: "invalid selector: 'a'; can't understand 'a'" },
    { input: 'x=a,b', want: "invalid selector: 'x=a,b'; can't understand 'b'" },
    { input: 'x=a=b', want: 'invalid field selector: unescaped character in value: 61' },
    { input: 'x=a\\b', want: 'invalid field selector: invalid escape sequence: \\b' },
    { input: 'x=a\\', want: 'invalid field selector: invalid escape sequence: \\' },
  ];
  for (const c of cases) {
    assert.throws(
      () => parseFieldSelector(c.input),
      (e: unknown) => e instanceof FieldSelectorError && e.message === c.want,
      c.input,
    );
  }
});

test('matches treats missing fields as empty strings', () => {
  const fields = { 'metadata.name': 'web', 'status.phase': 'Running' };
  const cases: { selector: string; want: boolean }[] = [
    { selector: '', want: true },
    { selector: 'metadata.name=web', want: true },
    { selector: 'metadata.name=db', want: false },
    { selector: 'status.phase!=Running', want: false },
    { selector: 'status.phase!=Pending', want: true },
    { selector: 'spec.nodeName=', want: true },
    { selector: 'spec.nodeName!=', want: false },
    { selector: 'metadata.name=web,status.phase=Running', want: true },
    { selector: 'metadata.name=web,status.phase=Failed', want: false },
  ];
  for (const c of cases) assert.equal(parseFieldSelector(c.selector).matches(fields), c.want, c.selector);
});

test('escapeValue and unescapeValue round trip', () => {
  for (const v of ['', 'plain', 'a,b', 'a=b', 'a\\b', '\\,=']) {
    assert.equal(unescapeValue(escapeValue(v)), v);
  }
  assert.equal(escapeValue('a,b=c\\'), 'a\\,b\\=c\\\\');
});

test('everything, nothing and the constructors', () => {
  assert.ok(everything().isEmpty());
  assert.ok(everything().matches({}));
  assert.ok(!nothing().isEmpty());
  assert.ok(!nothing().matches({}));
  assert.ok(nothing().selectsNothing());
  assert.equal(oneTermEqualSelector('a', 'b,c').toString(), 'a=b\\,c');
  assert.equal(oneTermNotEqualSelector('a', 'b').toString(), 'a!=b');
  assert.equal(selectorFromSet({ a: '1', b: '2' }).toString(), 'a=1,b=2');
  assert.equal(andSelectors(oneTermEqualSelector('a', '1'), oneTermNotEqualSelector('b', '2')).toString(), 'a=1,b!=2');
  assert.ok(andSelectors(oneTermEqualSelector('a', '1'), nothing()).selectsNothing());
});

test('requiresExactMatch only for = terms', () => {
  const s = parseFieldSelector('spec.nodeName=n1,status.phase!=Failed');
  assert.equal(s.requiresExactMatch('spec.nodeName'), 'n1');
  assert.equal(s.requiresExactMatch('status.phase'), undefined);
});

test('transform rewrites terms and drops those mapped to nothing', () => {
  const s = parseFieldSelector('a=1,b=2', (f, v) => (f === 'b' ? ['', ''] : [`x.${f}`, v + '0']));
  assert.equal(s.toString(), 'x.a=10');
  assert.throws(
    () =>
      parseFieldSelector('bad=1', (f) => {
        throw new FieldSelectorError(`field label not supported: ${f}`);
      }),
    { message: 'field label not supported: bad' },
  );
});

test('checkSupportedFields rejects unknown field labels with upstream wording', () => {
  const supported = ['metadata.name', 'metadata.namespace', 'spec.nodeName'];
  checkSupportedFields(parseFieldSelector('metadata.name=a,spec.nodeName=n'), supported);
  assert.throws(() => checkSupportedFields(parseFieldSelector('metadata.name=a,foo=bar'), supported), {
    name: 'FieldSelectorError',
    message: 'field label not supported: foo',
  });
});
