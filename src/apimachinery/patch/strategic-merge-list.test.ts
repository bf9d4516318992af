import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from './json.js';
import { isPatchError } from './patch-error.js';
import {
  elementKind,
  liveOrderAfterMerge,
  normalizeElementOrder,
  sortByOrder,
  validateSetElementOrder,
} from './strategic-merge-list.js';

const named = (...names: string[]) => names.map((name) => ({ name }));
const names = (list: JsonValue[]) => list.map((v) => (v as { name: string }).name);

test('normalizeElementOrder interleaves live-only items by live order', () => {
  const cases: {
    name: string;
    patch: string[];
    serverOnly: string[];
    order: string[];
    live: string[];
    want: string[];
  }[] = [
    {
      name: 'live-only item before the patch items it preceded',
      patch: ['c', 'a'],
      serverOnly: ['b'],
      order: ['c', 'a'],
      live: ['a', 'b', 'c'],
      want: ['b', 'c', 'a'],
    },
    {
      name: 'new patch items come before live-only items',
      patch: ['x'],
      serverOnly: ['a', 'b'],
      order: ['x'],
      live: ['a', 'b'],
      want: ['x', 'a', 'b'],
    },
    {
      name: 'patch order wins among patch items',
      patch: ['a', 'b'],
      serverOnly: [],
      order: ['b', 'a'],
      live: ['a', 'b'],
      want: ['b', 'a'],
    },
  ];
  for (const c of cases) {
    const got = normalizeElementOrder(
      named(...c.patch),
      named(...c.serverOnly),
      named(...c.order),
      named(...c.live),
      'name',
      true,
    );
    assert.deepEqual(names(got), c.want, c.name);
  }
});

test('sortByOrder is stable, puts unknown items and deletions last', () => {
  const items: JsonValue[] = [{ name: 'z' }, { name: 'b' }, { name: 'd', $patch: 'delete' }, { name: 'a' }];
  assert.deepEqual(names(sortByOrder(items, named('a', 'b'), 'name', true)), ['a', 'b', 'z', 'd']);
  assert.deepEqual(sortByOrder([3, 1, 2], [1, 2, 3], '', false), [1, 2, 3]);
});

test('liveOrderAfterMerge rebuilds the view upstream reads after merging in place', () => {
  const live = named('a', 'b', 'c');
  assert.deepEqual(names(liveOrderAfterMerge(live, [{ name: 'b', $patch: 'delete' }, { name: 'x' }], 'name')), [
    'a',
    'c',
    'x',
  ]);
  assert.deepEqual(names(liveOrderAfterMerge(live, [{ name: 'a', $patch: 'delete' }], 'name')), ['b', 'c', 'c']);
  assert.deepEqual(names(liveOrderAfterMerge(live, [{ name: 'x' }, { name: 'y' }], 'name')), ['a', 'b', 'c']);
  assert.deepEqual(names(live), ['a', 'b', 'c'], 'input is unchanged');
});

test('validateSetElementOrder refuses a patch list out of order', () => {
  assert.doesNotThrow(() => validateSetElementOrder(named('a', 'c'), named('a', 'b', 'c'), 'name'));
  assert.doesNotThrow(() =>
    validateSetElementOrder([{ name: 'z', $patch: 'delete' }, { name: 'a' }], named('a'), 'name'),
  );
  assert.throws(
    () => validateSetElementOrder(named('c', 'a'), named('a', 'b', 'c'), 'name'),
    (e: unknown) => isPatchError(e, 'Internal'),
  );
  assert.throws(() => validateSetElementOrder([2, 1], [1, 2], ''), /doesn't match/);
});

test('elementKind refuses lists of lists and mixed kinds', () => {
  assert.equal(elementKind([], []), undefined);
  assert.equal(elementKind(['a'], ['b']), 'string');
  assert.throws(
    () => elementKind([[1]]),
    (e: unknown) => isPatchError(e, 'Invalid') && e.message === 'lists of lists are not supported',
  );
  assert.throws(() => elementKind([{}], ['x']), /list element types are not identical/);
});
