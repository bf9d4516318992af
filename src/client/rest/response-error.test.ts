import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isConflict, isNotFound, isTooManyRequests, notFound, suggestsClientDelay } from '../../apimachinery/errors.js';
import { responseError } from './response-error.js';

test('failed responses become StatusErrors the is* predicates recognise', () => {
  const cases: { name: string; code: number; body: string; check: (e: unknown) => boolean; message: RegExp }[] = [
    {
      name: 'server Status is kept',
      code: 404,
      body: JSON.stringify(notFound({ group: '', resource: 'pods' }, 'x').status),
      check: isNotFound,
      message: /^pods "x" not found$/,
    },
    { name: 'bare 409', code: 409, body: '', check: isConflict, message: /reported a conflict/ },
    {
      name: 'text 404',
      code: 404,
      body: '404 page not found',
      check: isNotFound,
      message: /could not find.*\(404 page not found\)/,
    },
    {
      name: 'unknown 418',
      code: 418,
      body: '',
      check: (e) => (e as { code: number }).code === 418,
      message: /status code 418/,
    },
  ];
  for (const c of cases) {
    const err = responseError(c.code, Buffer.from(c.body));
    assert.ok(c.check(err), c.name);
    assert.match(err.message, c.message, c.name);
    assert.equal(err.code, c.code, c.name);
  }
});

test('Retry-After of a non-Status 429 lands in details', () => {
  const err = responseError(429, Buffer.from('slow down'), 3);
  assert.ok(isTooManyRequests(err));
  assert.equal(suggestsClientDelay(err), 3);
});
