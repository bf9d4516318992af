import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FieldSet } from './field-set.js';
import { keyElement, makePath, pathString, type Path } from './path-element.js';

const web = keyElement([{ name: 'name', value: 'web' }]);
const p = (...parts: Parameters<typeof makePath>) => makePath(...parts);
const strings = (s: FieldSet) => s.paths().map(pathString);

test('set operations follow upstream semantics', () => {
  const a = FieldSet.of(p('data', 'a'), p('data', 'b'), p('spec', 'containers', web), p('spec', 'containers', web, 'image'));
  const b = FieldSet.of(p('data', 'b'), p('data', 'c'), p('spec', 'containers', web));
  const cases: { name: string; got: FieldSet; want: string[] }[] = [
    {
      name: 'union',
      got: a.union(b),
      want: ['.data.a', '.data.b', '.data.c', '.spec.containers[name="web"]', '.spec.containers[name="web"].image'],
    },
    { name: 'intersection', got: a.intersection(b), want: ['.data.b', '.spec.containers[name="web"]'] },
    // Difference only removes exact members: the item's image stays although the item is removed.
    { name: 'difference', got: a.difference(b), want: ['.data.a', '.spec.containers[name="web"].image'] },
    { name: 'recursive difference', got: a.recursiveDifference(b), want: ['.data.a'] },
    { name: 'recursive difference of a prefix', got: a.recursiveDifference(FieldSet.of(p('spec'))), want: ['.data.a', '.data.b'] },
  ];
  for (const c of cases) assert.deepEqual(strings(c.got), c.want, c.name);
});

test('iterate lists members of a node before its children, each in element order', () => {
  const s = FieldSet.of(p('spec', 'replicas'), p('metadata', 'labels', 'b'), p('data'), p('metadata', 'labels', 'a'), p('spec'));
  assert.deepEqual(strings(s), ['.data', '.spec', '.metadata.labels.a', '.metadata.labels.b', '.spec.replicas']);
});

test('has, withPrefix, empty and equals', () => {
  const s = FieldSet.of(p('spec', 'containers', web), p('spec', 'containers', web, 'image'));
  const cases: { path: Path; want: boolean }[] = [
    { path: p('spec', 'containers', web), want: true },
    { path: p('spec', 'containers', web, 'image'), want: true },
    { path: p('spec', 'containers'), want: false },
    { path: p('spec'), want: false },
    { path: [], want: false },
  ];
  for (const c of cases) assert.equal(s.has(c.path), c.want, pathString(c.path));
  assert.deepEqual(strings(s.withPrefix(p('spec')[0]!)), ['.containers[name="web"]', '.containers[name="web"].image']);
  assert.equal(s.withPrefix(p('status')[0]!).empty(), true);
  assert.equal(new FieldSet().empty(), true);
  assert.equal(s.difference(s).empty(), true);
  assert.equal(s.equals(FieldSet.of(p('spec', 'containers', web, 'image'), p('spec', 'containers', web))), true);
  assert.equal(s.equals(FieldSet.of(p('spec', 'containers', web))), false);
});

test('results of operations do not share nodes with their inputs', () => {
  const a = FieldSet.of(p('data', 'a'));
  const u = a.union(new FieldSet());
  u.insert(p('data', 'b'));
  assert.deepEqual(strings(a), ['.data.a']);
  const w = a.withPrefix(p('data')[0]!);
  w.insert(p('c'));
  assert.deepEqual(strings(a), ['.data.a']);
});
