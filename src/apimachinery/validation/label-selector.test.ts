import { test } from 'node:test';
import assert from 'node:assert/strict';
import { root } from '../field-errors.js';
import { validateLabelSelector } from './label-selector.js';

const NAME_PART_ERR =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_ERR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const strings = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());

test('validateLabelSelector reports each malformed requirement', () => {
  const path = root('spec', 'selector');
  assert.deepEqual(validateLabelSelector(null, {}, path), []);
  assert.deepEqual(
    validateLabelSelector(
      { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] },
      {},
      path,
    ),
    [],
  );
  assert.deepEqual(
    strings(
      validateLabelSelector(
        {
          matchExpressions: [
            { key: 'a', operator: 'In' },
            { key: 'b', operator: 'Exists', values: ['x'] },
            { key: 'c', operator: 'Gt' as 'In', values: ['1'] },
            { key: 'd d', operator: 'NotIn', values: ['e e'] },
          ],
        },
        {},
        path,
      ),
    ),
    [
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Gt": not a valid selector operator',
      `spec.selector.matchExpressions[3].key: Invalid value: "d d": ${NAME_PART_ERR}`,
      `spec.selector.matchExpressions[3].values[0]: Invalid value: "e e": ${VALUE_ERR}`,
    ],
  );
});

test('validateLabelSelector options relax operator and value checks', () => {
  const sel = { matchExpressions: [{ key: 'a', operator: 'Gt' as 'In', values: ['e e'] }] };
  const path = root('s');
  assert.equal(validateLabelSelector(sel, {}, path).length, 2);
  assert.deepEqual(
    validateLabelSelector(
      sel,
      { allowUnknownOperatorInRequirement: true, allowInvalidLabelValueInSelector: true },
      path,
    ),
    [],
  );
});
