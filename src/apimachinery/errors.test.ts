import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as errors from './errors.js';
import { invalidValue, required, root } from './field-errors.js';
import type { Status } from './meta.js';

const pods = { group: '', resource: 'pods' };
const deployments = { group: 'apps', resource: 'deployments' };

test('factories build upstream Status bodies', () => {
  const cases: {
    name: string;
    err: errors.StatusError;
    want: Omit<Status, 'kind' | 'apiVersion' | 'metadata' | 'status'>;
  }[] = [
    {
      name: 'not found, core group',
      err: errors.notFound(pods, 'x'),
      want: { message: 'pods "x" not found', reason: 'NotFound', details: { name: 'x', kind: 'pods' }, code: 404 },
    },
    {
      name: 'not found, named group',
      err: errors.notFound(deployments, 'nope'),
      want: {
        message: 'deployments.apps "nope" not found',
        reason: 'NotFound',
        details: { name: 'nope', group: 'apps', kind: 'deployments' },
        code: 404,
      },
    },
    {
      name: 'already exists',
      err: errors.alreadyExists(pods, 'x'),
      want: {
        message: 'pods "x" already exists',
        reason: 'AlreadyExists',
        details: { name: 'x', kind: 'pods' },
        code: 409,
      },
    },
    {
      name: 'generate name conflict',
      err: errors.generateNameConflict(pods, 'web-abcde', 1),
      want: {
        message: 'pods "web-abcde" already exists, the server was not able to generate a unique name for the object',
        reason: 'AlreadyExists',
        details: { name: 'web-abcde', kind: 'pods', retryAfterSeconds: 1 },
        code: 409,
      },
    },
    {
      name: 'conflict with the optimistic lock message',
      err: errors.conflict(deployments, 'x'),
      want: {
        message:
          'Operation cannot be fulfilled on deployments.apps "x": the object has been modified; please apply your changes to the latest version and try again',
        reason: 'Conflict',
        details: { name: 'x', group: 'apps', kind: 'deployments' },
        code: 409,
      },
    },
    { name: 'bad request', err: errors.badRequest('bad'), want: { message: 'bad', reason: 'BadRequest', code: 400 } },
    {
      name: 'method not supported',
      err: errors.methodNotSupported(deployments, 'create'),
      want: {
        message: 'create is not supported on resources of kind "deployments.apps"',
        reason: 'MethodNotAllowed',
        details: { group: 'apps', kind: 'deployments' },
        code: 405,
      },
    },
    {
      name: 'not acceptable',
      err: errors.notAcceptable(['application/json', 'application/yaml']),
      want: {
        message: 'only the following media types are accepted: application/json, application/yaml',
        reason: 'NotAcceptable',
        code: 406,
      },
    },
    {
      name: 'unsupported media type',
      err: errors.unsupportedMediaType(['application/json-patch+json', 'application/merge-patch+json']),
      want: {
        message:
          'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json',
        reason: 'UnsupportedMediaType',
        code: 415,
      },
    },
    {
      name: 'request entity too large',
      err: errors.requestEntityTooLarge('limit is 3145728'),
      want: { message: 'Request entity too large: limit is 3145728', reason: 'RequestEntityTooLarge', code: 413 },
    },
    { name: 'gone', err: errors.gone('gone away'), want: { message: 'gone away', reason: 'Gone', code: 410 } },
    {
      name: 'too old resource version',
      err: errors.tooOldResourceVersion(5, 10),
      want: { message: 'too old resource version: 5 (10)', reason: 'Expired', code: 410 },
    },
    {
      name: 'too many requests',
      err: errors.tooManyRequests(3),
      want: {
        message: 'Too many requests, please try again later.',
        reason: 'TooManyRequests',
        details: { retryAfterSeconds: 3 },
        code: 429,
      },
    },
    {
      name: 'too many requests with no delay keeps empty details',
      err: errors.tooManyRequests(0, 'Cannot evict pod'),
      want: { message: 'Cannot evict pod', reason: 'TooManyRequests', details: {}, code: 429 },
    },
    {
      name: 'internal',
      err: errors.internal(new Error('disk on fire')),
      want: {
        message: 'Internal error occurred: disk on fire',
        reason: 'InternalError',
        details: { causes: [{ message: 'disk on fire' }] },
        code: 500,
      },
    },
    {
      name: 'service unavailable',
      err: errors.serviceUnavailable('etcd is down'),
      want: { message: 'etcd is down', reason: 'ServiceUnavailable', code: 503 },
    },
    {
      name: 'forbidden with name',
      err: errors.forbidden(pods, 'x', new Error('User "bob" cannot get resource "pods"')),
      want: {
        message: 'pods "x" is forbidden: User "bob" cannot get resource "pods"',
        reason: 'Forbidden',
        details: { name: 'x', kind: 'pods' },
        code: 403,
      },
    },
    {
      name: 'forbidden without name',
      err: errors.forbidden(deployments, '', 'no'),
      want: {
        message: 'deployments.apps is forbidden: no',
        reason: 'Forbidden',
        details: { group: 'apps', kind: 'deployments' },
        code: 403,
      },
    },
    {
      name: 'forbidden without resource',
      err: errors.forbidden(undefined, '', 'no'),
      want: { message: 'forbidden: no', reason: 'Forbidden', details: {}, code: 403 },
    },
    {
      name: 'unauthorized',
      err: errors.unauthorized(),
      want: { message: 'not authorized', reason: 'Unauthorized', code: 401 },
    },
    {
      name: 'timeout',
      err: errors.timeout('request did not complete within requested timeout', 0),
      want: {
        message: 'Timeout: request did not complete within requested timeout',
        reason: 'Timeout',
        details: {},
        code: 504,
      },
    },
    {
      name: 'server timeout',
      err: errors.serverTimeout(pods, 'create', 2),
      want: {
        message: 'The create operation against pods could not be completed at this time, please try again.',
        reason: 'ServerTimeout',
        details: { name: 'create', kind: 'pods', retryAfterSeconds: 2 },
        code: 500,
      },
    },
  ];
  for (const c of cases) {
    assert.deepEqual(
      c.err.status,
      { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', ...c.want },
      c.name,
    );
    assert.equal(c.err.message, c.want.message, `${c.name}: Error.message`);
    assert.ok(c.err instanceof Error);
  }
});

test('invalid aggregates field errors into message and causes', () => {
  const err = errors.invalid({ group: 'apps', kind: 'Deployment' }, 'x', [
    invalidValue(root('spec').child('replicas'), -1, 'must be greater than or equal to 0'),
    required(root('spec').child('selector')),
  ]);
  assert.deepEqual(err.status, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message:
      'Deployment.apps "x" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value]',
    reason: 'Invalid',
    details: {
      name: 'x',
      group: 'apps',
      kind: 'Deployment',
      causes: [
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: -1: must be greater than or equal to 0',
          field: 'spec.replicas',
        },
        { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' },
      ],
    },
    code: 422,
  });
});

test('invalid with one error prints it bare, with none prints no colon', () => {
  const one = errors.invalid({ group: '', kind: 'Pod' }, 'p', [
    required(root('metadata').child('name'), 'name or generateName is required'),
  ]);
  assert.equal(one.message, 'Pod "p" is invalid: metadata.name: Required value: name or generateName is required');
  assert.equal(errors.invalid({ group: '', kind: 'Pod' }, 'p', []).message, 'Pod "p" is invalid');
});

test('names are quoted as Go %q', () => {
  assert.equal(errors.notFound(pods, 'a"b').message, 'pods "a\\"b" not found');
});

test('predicates test the reason', () => {
  const cases: { name: string; err: unknown; is: (e: unknown) => boolean; want: boolean }[] = [
    { name: 'isNotFound', err: errors.notFound(pods, 'x'), is: errors.isNotFound, want: true },
    { name: 'isNotFound on other reason', err: errors.alreadyExists(pods, 'x'), is: errors.isNotFound, want: false },
    { name: 'isAlreadyExists', err: errors.alreadyExists(pods, 'x'), is: errors.isAlreadyExists, want: true },
    { name: 'isConflict', err: errors.conflict(pods, 'x'), is: errors.isConflict, want: true },
    {
      name: 'isConflict is not AlreadyExists',
      err: errors.alreadyExists(pods, 'x'),
      is: errors.isConflict,
      want: false,
    },
    { name: 'isInvalid', err: errors.invalid({ group: '', kind: 'Pod' }, 'x', []), is: errors.isInvalid, want: true },
    { name: 'isGone', err: errors.gone('x'), is: errors.isGone, want: true },
    { name: 'isGone is not Expired', err: errors.expired('x'), is: errors.isGone, want: false },
    { name: 'isResourceExpired', err: errors.expired('x'), is: errors.isResourceExpired, want: true },
    { name: 'isBadRequest', err: errors.badRequest('x'), is: errors.isBadRequest, want: true },
    { name: 'isForbidden', err: errors.forbidden(pods, 'x', 'no'), is: errors.isForbidden, want: true },
    { name: 'isUnauthorized', err: errors.unauthorized('who?'), is: errors.isUnauthorized, want: true },
    {
      name: 'isMethodNotSupported',
      err: errors.methodNotSupported(pods, 'patch'),
      is: errors.isMethodNotSupported,
      want: true,
    },
    { name: 'isNotAcceptable', err: errors.notAcceptable([]), is: errors.isNotAcceptable, want: true },
    {
      name: 'isUnsupportedMediaType',
      err: errors.unsupportedMediaType([]),
      is: errors.isUnsupportedMediaType,
      want: true,
    },
    { name: 'isTimeout', err: errors.timeout('x'), is: errors.isTimeout, want: true },
    { name: 'isServerTimeout', err: errors.serverTimeout(pods, 'get', 1), is: errors.isServerTimeout, want: true },
    { name: 'isInternalError', err: errors.internal('x'), is: errors.isInternalError, want: true },
    { name: 'isServiceUnavailable', err: errors.serviceUnavailable('x'), is: errors.isServiceUnavailable, want: true },
    { name: 'isTooManyRequests', err: errors.tooManyRequests(1), is: errors.isTooManyRequests, want: true },
    {
      name: 'isRequestEntityTooLarge',
      err: errors.requestEntityTooLarge('x'),
      is: errors.isRequestEntityTooLarge,
      want: true,
    },
    { name: 'plain Error is nothing', err: new Error('x'), is: errors.isNotFound, want: false },
    { name: 'undefined is nothing', err: undefined, is: errors.isNotFound, want: false },
    {
      name: 'wrapped in cause',
      err: new Error('get failed', { cause: errors.notFound(pods, 'x') }),
      is: errors.isNotFound,
      want: true,
    },
    {
      name: 'unknown reason falls back to the code',
      err: errors.fromStatus({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 404 }),
      is: errors.isNotFound,
      want: true,
    },
    {
      name: 'known reason wins over the code',
      err: errors.fromStatus({ kind: 'Status', apiVersion: 'v1', metadata: {}, reason: 'Gone', code: 404 }),
      is: errors.isNotFound,
      want: false,
    },
  ];
  for (const c of cases) assert.equal(c.is(c.err), c.want, c.name);
});

test('toStatus passes StatusErrors through and turns anything else into 500 InternalError', () => {
  assert.equal(toStatusOf(errors.notFound(pods, 'x')).code, 404);
  const s = toStatusOf(new TypeError('x is undefined'));
  assert.deepEqual(s, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'Internal error occurred: x is undefined',
    reason: 'InternalError',
    details: { causes: [{ message: 'x is undefined' }] },
    code: 500,
  });
  assert.equal(toStatusOf('a string').message, 'Internal error occurred: a string');
});

function toStatusOf(e: unknown): Status {
  return errors.toStatus(e);
}

test('a Status body survives a JSON round trip with Go field order', () => {
  const json = JSON.stringify(errors.notFound(deployments, 'nope').status);
  assert.equal(
    json,
    '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \\"nope\\" not found","reason":"NotFound","details":{"name":"nope","group":"apps","kind":"deployments"},"code":404}',
  );
  assert.ok(errors.isNotFound(errors.fromStatus(JSON.parse(json) as Status)));
});

test('conflict keeps the inner error as cause', () => {
  const inner = new Error('precondition failed');
  const err = errors.conflict(pods, 'x', inner);
  assert.equal(err.cause, inner);
  assert.equal(err.message, 'Operation cannot be fulfilled on pods "x": precondition failed');
});

test('suggestsClientDelay reads retryAfterSeconds', () => {
  assert.equal(errors.suggestsClientDelay(errors.tooManyRequests(4)), 4);
  assert.equal(errors.suggestsClientDelay(errors.tooManyRequests(0)), undefined);
  assert.equal(errors.suggestsClientDelay(errors.serverTimeout(pods, 'get', 0)), 0);
  assert.equal(errors.suggestsClientDelay(errors.badRequest('x')), undefined);
});
