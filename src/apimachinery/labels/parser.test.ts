import { test } from 'node:test';
import assert from 'node:assert/strict';
import { root } from '../field-errors.js';
import { parseToRequirements } from './parser.js';
import { LabelSelectorError, type Requirement } from './requirement.js';

const NAME_PART_ERR =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_ERR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const req = (key: string, operator: Requirement['operator'], values: string[] = []): Requirement => ({
  key,
  operator,
  values,
});

test('parses every operator into sorted requirements', () => {
  const cases: { input: string; want: Requirement[] }[] = [
    { input: '', want: [] },
    { input: '   ', want: [] },
    { input: 'x=a', want: [req('x', '=', ['a'])] },
    { input: 'x==a', want: [req('x', '==', ['a'])] },
    { input: 'x!=a', want: [req('x', '!=', ['a'])] },
    { input: 'x', want: [req('x', 'exists')] },
    { input: 'a ', want: [req('a', 'exists')] },
    { input: '!x', want: [req('x', '!')] },
    { input: 'x>1', want: [req('x', 'gt', ['1'])] },
    { input: 'x<7', want: [req('x', 'lt', ['7'])] },
    { input: 'x=', want: [req('x', '=', [''])] },
    { input: 'x= ,z= ', want: [req('x', '=', ['']), req('z', '=', [''])] },
    {
      input: 'x in (foo,,baz),y,z notin ()',
      want: [req('x', 'in', ['', 'baz', 'foo']), req('y', 'exists'), req('z', 'notin', [''])],
    },
    { input: 'x notin ( )', want: [req('x', 'notin', [''])] },
    { input: 'x notin (, a)', want: [req('x', 'notin', ['', 'a'])] },
    { input: 'x in (a,)', want: [req('x', 'in', ['', 'a'])] },
    { input: 'a in (x,y,notin, z,in)', want: [req('a', 'in', ['in', 'notin', 'x', 'y', 'z'])] },
    { input: 'notin=in', want: [req('notin', '=', ['in'])] },
    { input: 'in in (in)', want: [req('in', 'in', ['in'])] },
    { input: 'z=1,a=2,m', want: [req('a', '=', ['2']), req('m', 'exists'), req('z', '=', ['1'])] },
    { input: '\tx = a ,\n y != b', want: [req('x', '=', ['a']), req('y', '!=', ['b'])] },
    { input: 'example.com/tier in (b, a)', want: [req('example.com/tier', 'in', ['a', 'b'])] },
    { input: 'x in (b,a,b)', want: [req('x', 'in', ['a', 'b'])] },
  ];
  for (const c of cases) assert.deepEqual(parseToRequirements(c.input), c.want, JSON.stringify(c.input));
});

test('rejects malformed selectors with upstream messages', () => {
  const ops = 'in, notin, =, ==, !=, gt, lt';
  const cases: { input: string; want: string }[] = [
    { input: 'x=a b', want: "found 'b', expected: ',' or 'end of string'" },
    { input: 'x==a==b', want: "found '==', expected: ',' or 'end of string'" },
    { input: '!x=a', want: "found '=', expected: ',' or 'end of string'" },
    {
      input: 'x<a',
      want: `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`,
    },
    { input: 'x=a||y=b', want: `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${VALUE_ERR}` },
    { input: 'x,,y', want: "found ',', expected: identifier after ','" },
    { input: ',x,y', want: "found ',', expected: !, identifier, or 'end of string'" },
    { input: 'x nott in (y)', want: `unable to parse requirement: found 'nott', expected: ${ops}` },
    { input: 'a in (xyz),', want: "found '', expected: identifier after ','" },
    { input: 'a in (xyz)b notin ()', want: "found 'b', expected: ',' or 'end of string'" },
    { input: 'a in (xyz abc)', want: "unable to parse requirement: found 'abc', expected: ',' or ')'" },
    { input: 'a notin(', want: "unable to parse requirement: found '', expected: ',', ')' or identifier" },
    { input: 'a (', want: `unable to parse requirement: found '(', expected: ${ops}` },
    { input: '(', want: "found '(', expected: !, identifier, or 'end of string'" },
    { input: 'x in', want: "unable to parse requirement: found '' expected: '('" },
    { input: 'x in (a=b)', want: "unable to parse requirement: found '=', expected: ',' or ')'" },
    { input: 'x in (=)', want: "unable to parse requirement: found '=', expected: ',', ')' or identifier" },
    { input: 'x in (a,=)', want: "unable to parse requirement: found '=', expected: ',', or identifier" },
    { input: 'x=(', want: "unable to parse requirement: found '(', expected: identifier" },
    { input: '!', want: "unable to parse requirement: found '', expected: identifier" },
    { input: '!!x', want: "unable to parse requirement: found '!', expected: identifier" },
    { input: 'a@b', want: `unable to parse requirement: <nil>: Invalid value: "a@b": ${NAME_PART_ERR}` },
    { input: 'x=a@b', want: `unable to parse requirement: values[0][x]: Invalid value: "a@b": ${VALUE_ERR}` },
    {
      input: 'a/b/c',
      want: `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    },
  ];
  for (const c of cases) {
    assert.throws(
      () => parseToRequirements(c.input),
      (e: unknown) => e instanceof LabelSelectorError && e.message === c.want,
      JSON.stringify(c.input),
    );
  }
});

test('a path prefixes validation messages', () => {
  assert.throws(() => parseToRequirements('a@b', root('labelSelector')), {
    message: `unable to parse requirement: labelSelector: Invalid value: "a@b": ${NAME_PART_ERR}`,
  });
  assert.throws(() => parseToRequirements('x=a@b', root('labelSelector')), {
    message: `unable to parse requirement: labelSelector.values[0][x]: Invalid value: "a@b": ${VALUE_ERR}`,
  });
});

test('a NUL character ends the input where a token would start, as in upstream', () => {
  assert.deepEqual(parseToRequirements('x=a \0garbage'), [req('x', '=', ['a'])]);
  // Inside a token it only ends that token.
  assert.throws(() => parseToRequirements('x=a\0garbage'), {
    message: "found 'garbage', expected: ',' or 'end of string'",
  });
});
