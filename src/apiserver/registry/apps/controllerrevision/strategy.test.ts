import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString } from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import { validateControllerRevision, validateControllerRevisionUpdate } from './strategy.js';

test('controller revisions need data and keep it', () => {
  const rev = (data: unknown, revision: number): KObject => ({ metadata: { name: 'r' }, data, revision });
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    { name: 'valid', obj: rev({ spec: {} }, 1), want: [] },
    { name: 'no data', obj: rev(undefined, 1), want: ['data: Required value: data is mandatory'] },
    {
      name: 'negative revision',
      obj: rev({}, -1),
      want: ['revision: Invalid value: -1: must be greater than or equal to 0'],
    },
  ];
  for (const c of cases) assert.deepEqual(validateControllerRevision(c.obj).map(errorToString), c.want, c.name);
  assert.deepEqual(validateControllerRevisionUpdate(rev({ a: 1 }, 2), rev({ a: 1 }, 1)), []);
  assert.deepEqual(validateControllerRevisionUpdate(rev({ a: 2 }, 1), rev({ a: 1 }, 1)).map(errorToString), [
    'data: Invalid value: {"a":2}: field is immutable',
  ]);
});
