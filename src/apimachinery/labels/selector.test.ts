import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  everything,
  LabelSelectorError,
  newRequirement,
  nothing,
  parseSelector,
  selectorFromLabelSelector,
  selectorFromSet,
  selectorToString,
  validatedSelectorFromSet,
} from './selector.js';

test('parsed selectors print back canonically', () => {
  const cases: { input: string; want: string }[] = [
    { input: 'x=a,y=b,z=c', want: 'x=a,y=b,z=c' },
    { input: 'z=c,x=a', want: 'x=a,z=c' },
    { input: 'x!=a,y=b', want: 'x!=a,y=b' },
    { input: 'x= ,z= ', want: 'x=,z=' },
    { input: '!x', want: '!x' },
    { input: 'x>1,z<5', want: 'x>1,z<5' },
    { input: 'x in (foo,,baz),y,z notin ()', want: 'x in (,baz,foo),y,z notin ()' },
    { input: 'x == a', want: 'x==a' },
  ];
  for (const c of cases) assert.equal(selectorToString(parseSelector(c.input)), c.want, c.input);
});

test('parsing is deterministic whatever the order of terms', () => {
  assert.equal(parseSelector('x=a,a=x').toString(), parseSelector('a=x,x=a').toString());
});

test('matches', () => {
  const cases: { selector: string; labels: Record<string, string>; want: boolean }[] = [
    { selector: '', labels: { x: 'y' }, want: true },
    { selector: 'x=y', labels: { x: 'y' }, want: true },
    { selector: 'x=y,z=w', labels: { x: 'y', z: 'w' }, want: true },
    { selector: 'x!=y,z!=w', labels: { x: 'z', z: 'a' }, want: true },
    { selector: 'notin=in', labels: { notin: 'in' }, want: true },
    { selector: 'x', labels: { x: 'z' }, want: true },
    { selector: '!x', labels: { y: 'z' }, want: true },
    { selector: 'x>1', labels: { x: '2' }, want: true },
    { selector: 'x<1', labels: { x: '0' }, want: true },
    { selector: 'x=z', labels: {}, want: false },
    { selector: 'x=y', labels: { x: 'z' }, want: false },
    { selector: 'x=y,z=w', labels: { x: 'w', z: 'w' }, want: false },
    { selector: 'x!=y,z!=w', labels: { x: 'z', z: 'w' }, want: false },
    { selector: 'x', labels: { y: 'z' }, want: false },
    { selector: '!x', labels: { x: 'z' }, want: false },
    { selector: 'x>1', labels: { x: '0' }, want: false },
    { selector: 'x<1', labels: { x: '2' }, want: false },
    { selector: 'env in (prod,staging),tier notin (cache)', labels: { env: 'prod', tier: 'web' }, want: true },
    { selector: 'env in (prod,staging),tier notin (cache)', labels: { env: 'prod', tier: 'cache' }, want: false },
  ];
  for (const c of cases)
    assert.equal(parseSelector(c.selector).matches(c.labels), c.want, `${c.selector} ~ ${JSON.stringify(c.labels)}`);
});

test('everything and nothing', () => {
  assert.ok(everything().isEmpty());
  assert.ok(everything().matches({ x: 'y' }));
  assert.ok(everything().matches(undefined));
  assert.ok(!nothing().isEmpty());
  assert.ok(!nothing().matches({}));
  assert.equal(nothing().toString(), '');
  assert.equal(nothing().requirements(), undefined);
  assert.ok(parseSelector('').isEmpty());
});

test('selectorFromSet does not validate; validatedSelectorFromSet does', () => {
  const s = selectorFromSet({ b: '2', a: '1' });
  assert.equal(s.toString(), 'a=1,b=2');
  assert.ok(s.matches({ a: '1', b: '2', c: '3' }));
  assert.ok(!s.matches({ a: '1' }));
  assert.ok(selectorFromSet(undefined).isEmpty());
  assert.equal(selectorFromSet({ 'a b': 'c' }).toString(), 'a b=c');
  assert.throws(() => validatedSelectorFromSet({ 'a b': 'c' }), LabelSelectorError);
});

test('selectorFromLabelSelector converts matchLabels and matchExpressions', () => {
  const cases: {
    name: string;
    input: Parameters<typeof selectorFromLabelSelector>[0];
    want: string;
    matches: Record<string, string>;
    not: Record<string, string>;
  }[] = [
    {
      name: 'labels and every operator',
      input: {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['b', 'a'] },
          { key: 'env', operator: 'NotIn', values: ['dev'] },
          { key: 'team', operator: 'Exists' },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      },
      want: 'app=web,!canary,env notin (dev),team,tier in (a,b)',
      matches: { app: 'web', tier: 'a', team: 'x' },
      not: { app: 'web', tier: 'a', team: 'x', canary: 'true' },
    },
    { name: 'empty selects everything', input: {}, want: '', matches: { a: 'b' }, not: {} },
  ];
  for (const c of cases) {
    const s = selectorFromLabelSelector(c.input);
    assert.equal(s.toString(), c.want, c.name);
    assert.ok(s.matches(c.matches), `${c.name} matches`);
    if (Object.keys(c.not).length) assert.ok(!s.matches(c.not), `${c.name} does not match`);
  }
  assert.ok(selectorFromLabelSelector({}).isEmpty());
  assert.ok(!selectorFromLabelSelector(null).matches({}));
  assert.ok(!selectorFromLabelSelector(undefined).isEmpty());
});

test('selectorFromLabelSelector rejects unknown operators and bad requirements', () => {
  assert.throws(
    () => selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Gt' as 'In', values: ['1'] }] }),
    { name: 'LabelSelectorError', message: '"Gt" is not a valid label selector operator' },
  );
  assert.throws(() => selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] }), {
    message: "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
  });
});

test('add returns a new selector and leaves the original alone', () => {
  const base = parseSelector('b=1');
  const more = base.add(newRequirement('a', 'exists', []));
  assert.equal(base.toString(), 'b=1');
  assert.equal(more.toString(), 'a,b=1');
  assert.equal(nothing().add(newRequirement('a', 'exists', [])), nothing());
});

test('requiresExactMatch finds pinned labels', () => {
  const cases: { selector: string; label: string; want: string | undefined }[] = [
    { selector: 'app=web', label: 'app', want: 'web' },
    { selector: 'app==web', label: 'app', want: 'web' },
    { selector: 'app in (web)', label: 'app', want: 'web' },
    { selector: 'app in (web,db)', label: 'app', want: undefined },
    { selector: 'app!=web', label: 'app', want: undefined },
    { selector: 'app=web', label: 'tier', want: undefined },
  ];
  for (const c of cases) assert.equal(parseSelector(c.selector).requiresExactMatch(c.label), c.want, c.selector);
});
