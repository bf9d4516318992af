import { test } from 'node:test';
import assert from 'node:assert/strict';
import { root } from '../field-errors.js';
import {
  LabelSelectorError,
  newRequirement,
  requirementMatches,
  requirementToString,
  type Operator,
  type Requirement,
} from './requirement.js';

const NAME_PART_ERR =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_ERR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

test('newRequirement accepts valid requirements', () => {
  const cases: { key: string; op: Operator; values: string[] }[] = [
    { key: 'x1', op: 'in', values: ['foo'] },
    { key: 'x2', op: 'notin', values: ['foo'] },
    { key: 'x3', op: 'exists', values: [] },
    { key: 'x4', op: '!', values: [] },
    { key: 'x5', op: '=', values: [''] },
    { key: 'x6', op: 'gt', values: ['1'] },
    { key: 'x7', op: 'lt', values: ['6'] },
    { key: 'example.com/app', op: '==', values: ['web'] },
    { key: 'x8', op: 'in', values: ['b', 'a'] },
  ];
  for (const c of cases) {
    assert.deepEqual(newRequirement(c.key, c.op, c.values), { key: c.key, operator: c.op, values: c.values }, c.key);
  }
});

test('newRequirement rejects bad requirements with upstream aggregate messages', () => {
  const cases: { name: string; key: string; op: Operator; values: string[]; want: string }[] = [
    {
      name: 'values for exists',
      key: 'x8',
      op: 'exists',
      values: ['foo'],
      want: 'values: Invalid value: []string{"foo"}: values set must be empty for exists and does not exist',
    },
    {
      name: 'no value for gt',
      key: 'x13',
      op: 'gt',
      values: [],
      want: "values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is required",
    },
    {
      name: 'non-integer for lt',
      key: 'x15',
      op: 'lt',
      values: ['bar'],
      want: `values[0]: Invalid value: "bar": for 'Gt', 'Lt' operators, the value must be an integer`,
    },
    {
      name: 'empty in',
      key: 'x',
      op: 'in',
      values: [],
      want: "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
    },
    {
      name: 'two values for =',
      key: 'x',
      op: '=',
      values: ['a', 'b'],
      want: 'values: Invalid value: []string{"a", "b"}: exact-match compatibility requires one single value',
    },
    {
      name: 'key too long',
      key: 'a'.repeat(254),
      op: 'exists',
      values: [],
      want: `key: Invalid value: "${'a'.repeat(254)}": name part must be no more than 63 characters`,
    },
    {
      name: 'bad value',
      key: 'x17',
      op: '=',
      values: ['a b'],
      want: `values[0][x17]: Invalid value: "a b": ${VALUE_ERR}`,
    },
    {
      name: 'value too long',
      key: 'x16',
      op: '=',
      values: ['a'.repeat(64)],
      want: `values[0][x16]: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`,
    },
    {
      name: 'unknown operator',
      key: 'x18',
      op: 'unsupportedOp' as Operator,
      values: [],
      want: 'operator: Unsupported value: "unsupportedOp": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    },
    {
      name: 'bad key and bad value together',
      key: 'a@b',
      op: '=',
      values: ['c@d'],
      want: `[key: Invalid value: "a@b": ${NAME_PART_ERR}, values[0][a@b]: Invalid value: "c@d": ${VALUE_ERR}]`,
    },
  ];
  for (const c of cases) {
    assert.throws(
      () => newRequirement(c.key, c.op, c.values),
      (e: unknown) => e instanceof LabelSelectorError && e.message === c.want,
      c.name,
    );
  }
});

test('newRequirement prefixes messages with the given path', () => {
  assert.throws(() => newRequirement('x', 'in', [], root('spec', 'selector')), {
    message: "spec.selector.values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
  });
});

test('requirementMatches follows upstream semantics', () => {
  const r = (key: string, operator: Operator, values: string[] = []): Requirement => ({ key, operator, values });
  const cases: { name: string; req: Requirement; labels: Record<string, string> | undefined; want: boolean }[] = [
    { name: 'in, present', req: r('x', 'in', ['a', 'b']), labels: { x: 'b' }, want: true },
    { name: 'in, other value', req: r('x', 'in', ['a']), labels: { x: 'c' }, want: false },
    { name: 'in, absent', req: r('x', 'in', ['a']), labels: {}, want: false },
    { name: 'notin, absent matches', req: r('x', 'notin', ['a']), labels: {}, want: true },
    { name: 'notin, listed value', req: r('x', 'notin', ['a']), labels: { x: 'a' }, want: false },
    { name: '!=, absent matches', req: r('x', '!=', ['a']), labels: undefined, want: true },
    { name: '=, empty value needs the key', req: r('x', '=', ['']), labels: {}, want: false },
    { name: '=, empty value present', req: r('x', '=', ['']), labels: { x: '' }, want: true },
    { name: 'exists', req: r('x', 'exists'), labels: { x: '' }, want: true },
    { name: 'does not exist', req: r('x', '!'), labels: { y: 'x' }, want: true },
    { name: 'gt', req: r('x', 'gt', ['1']), labels: { x: '2' }, want: true },
    { name: 'gt equal', req: r('x', 'gt', ['2']), labels: { x: '2' }, want: false },
    { name: 'lt', req: r('x', 'lt', ['1']), labels: { x: '0' }, want: true },
    { name: 'gt, label not an integer', req: r('x', 'gt', ['1']), labels: { x: 'a' }, want: false },
    { name: 'inherited properties are not labels', req: r('toString', 'exists'), labels: {}, want: false },
  ];
  for (const c of cases) assert.equal(requirementMatches(c.req, c.labels), c.want, c.name);
});

test('requirementToString sorts set values and spells each operator', () => {
  const cases: { req: Requirement; want: string }[] = [
    { req: { key: 'x', operator: 'in', values: ['def', 'abc'] }, want: 'x in (abc,def)' },
    { req: { key: 'x', operator: 'notin', values: [''] }, want: 'x notin ()' },
    { req: { key: 'y', operator: '!=', values: ['jkl'] }, want: 'y!=jkl' },
    { req: { key: 'y', operator: '==', values: ['jkl'] }, want: 'y==jkl' },
    { req: { key: 'z', operator: '!', values: [] }, want: '!z' },
    { req: { key: 'z', operator: 'exists', values: [] }, want: 'z' },
    { req: { key: 'x', operator: 'gt', values: ['2'] }, want: 'x>2' },
    { req: { key: 'y', operator: 'lt', values: ['8'] }, want: 'y<8' },
  ];
  for (const c of cases) assert.equal(requirementToString(c.req), c.want);
});
