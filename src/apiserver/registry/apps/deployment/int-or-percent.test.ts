import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intOrPercentValue, isValidPercent, validateNotMoreThan100Percent } from './int-or-percent.js';
import { root } from '../../../../apimachinery/field-errors.js';

test('intOrPercentValue reads counts and percentages as upstream', () => {
  const cases: [unknown, number][] = [
    [3, 3],
    ['25%', 25],
    ['7', 7],
    ['x', 0],
    [undefined, 0],
  ];
  for (const [value, want] of cases) assert.equal(intOrPercentValue(value), want, String(value));
});

test('percent strings', () => {
  assert.deepEqual(isValidPercent('10%'), []);
  assert.equal(isValidPercent('10').length, 1);
  assert.equal(validateNotMoreThan100Percent('101%', root('x')).length, 1);
  assert.deepEqual(validateNotMoreThan100Percent('100%', root('x')), []);
  assert.deepEqual(validateNotMoreThan100Percent(500, root('x')), []);
});
