import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_PATCH_META, metaFromTable, parsePatchStrategy } from './patch-meta.js';

test('parsePatchStrategy reads upstream x-kubernetes-patch-strategy values', () => {
  const cases: [string | undefined, string[]][] = [
    [undefined, []],
    ['', []],
    ['merge', ['merge']],
    ['retainKeys', ['retainKeys']],
    ['merge,retainKeys', ['merge', 'retainKeys']],
    [' merge , retainKeys ', ['merge', 'retainKeys']],
    ['replace', ['replace']],
  ];
  for (const [input, want] of cases) assert.deepEqual([...parsePatchStrategy(input)], want, String(input));
  assert.throws(() => parsePatchStrategy('merge,append'), /unknown patch strategy "append"/);
});

test('metaFromTable builds nested field metadata', () => {
  const meta = metaFromTable({
    spec: {
      fields: {
        containers: {
          strategy: 'merge',
          mergeKey: 'name',
          list: true,
          fields: { env: { strategy: 'merge', mergeKey: 'name', list: true } },
        },
        volumes: { strategy: 'merge,retainKeys', mergeKey: 'name', list: true },
        tolerations: { list: true },
      },
    },
  });
  const spec = meta.field('spec');
  assert.ok(spec?.elem);
  assert.equal(spec.strategies.size, 0);
  const containers = spec.elem.field('containers');
  assert.deepEqual([...(containers?.strategies ?? [])], ['merge']);
  assert.equal(containers?.mergeKey, 'name');
  assert.equal(containers?.isList, true);
  assert.equal(containers?.elem?.field('env')?.mergeKey, 'name');
  assert.deepEqual([...(spec.elem.field('volumes')?.strategies ?? [])], ['merge', 'retainKeys']);
  assert.equal(spec.elem.field('tolerations')?.strategies.size, 0);
  assert.equal(spec.elem.field('nope'), undefined);
});

test('metaFromTable never answers for inherited names', () => {
  const meta = metaFromTable({ spec: {} });
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
    assert.equal(meta.field(name), undefined, name);
});

test('EMPTY_PATCH_META knows no field', () => {
  assert.equal(EMPTY_PATCH_META.field('spec'), undefined);
});
