import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unexpectedFailures } from './shared-scripts.js';

const known = new Map([['bad json patch', 'documented']]);

test('unexpectedFailures accepts only the documented contradictions', () => {
  assert.deepEqual(unexpectedFailures('FAIL: bad json patch (wanted failure /x/)\n    detail\n76 passed, 1 failed\n', known), []);
  assert.deepEqual(unexpectedFailures('77 passed, 0 failed\n', known), []);
  assert.deepEqual(unexpectedFailures('FAIL: scaled (wanted /^5$/)\n76 passed, 1 failed\n', known), ['scaled']);
  assert.deepEqual(unexpectedFailures('FAIL: bad json patch\n', known), ['(no "N passed, N failed" summary line)']);
  assert.deepEqual(unexpectedFailures('FAIL: bad json patch\n70 passed, 7 failed\n', known), ['(summary says 7 failed, 1 FAIL lines)']);
});
