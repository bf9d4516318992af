import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CriError, GrpcCode, isDeadlineExceeded, isNotFound, isUnavailable, toCriError } from './errors.js';

test('toCriError keeps the gRPC code and the runtime message', () => {
  const cases: { name: string; input: unknown; code: number; codeName: string; details: string }[] = [
    {
      name: 'runtime NOT_FOUND',
      input: Object.assign(new Error('5 NOT_FOUND: sandbox x not found'), { code: 5, details: 'sandbox x not found' }),
      code: 5,
      codeName: 'NOT_FOUND',
      details: 'sandbox x not found',
    },
    {
      name: 'runc failure',
      input: Object.assign(new Error('2 UNKNOWN: oci runtime error'), { code: 2, details: 'oci runtime error' }),
      code: 2,
      codeName: 'UNKNOWN',
      details: 'oci runtime error',
    },
    { name: 'plain error', input: new Error('boom'), code: 2, codeName: 'UNKNOWN', details: 'boom' },
    { name: 'a string', input: 'weird', code: 2, codeName: 'UNKNOWN', details: 'weird' },
    { name: 'unknown code number', input: { code: 99, details: 'x' }, code: 99, codeName: 'UNKNOWN', details: 'x' },
  ];
  for (const c of cases) {
    const err = toCriError('StopPodSandbox', c.input);
    assert.ok(err instanceof CriError, c.name);
    assert.equal(err.name, 'CriError', c.name);
    assert.equal(err.code, c.code, c.name);
    assert.equal(err.codeName, c.codeName, c.name);
    assert.equal(err.details, c.details, c.name);
    assert.equal(err.method, 'StopPodSandbox', c.name);
    assert.match(err.message, /^CRI StopPodSandbox: /, c.name);
    assert.equal(err.cause, c.input, c.name);
  }
});

test('toCriError passes a CriError through unchanged', () => {
  const e = new CriError('Version', GrpcCode.UNAVAILABLE, 'down');
  assert.equal(toCriError('Other', e), e);
});

test('predicates recognize their codes only', () => {
  const nf = new CriError('X', GrpcCode.NOT_FOUND, '');
  const dl = new CriError('X', GrpcCode.DEADLINE_EXCEEDED, '');
  const un = new CriError('X', GrpcCode.UNAVAILABLE, '');
  assert.ok(isNotFound(nf) && !isNotFound(dl) && !isNotFound(new Error('not found')));
  assert.ok(isDeadlineExceeded(dl) && !isDeadlineExceeded(nf));
  assert.ok(isUnavailable(un) && !isUnavailable(nf));
});
