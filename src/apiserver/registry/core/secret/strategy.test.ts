import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { defaultSecret } from './strategy.js';
import { validateSecret, validateSecretUpdate } from './validation.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const secret = (fields: Record<string, unknown>, annotations?: Record<string, string>): KObject => ({
  metadata: { name: 's', namespace: 'd', ...(annotations ? { annotations } : {}) },
  ...fields,
});

test('secret defaults: type Opaque, stringData merged into data and dropped', () => {
  const s = secret({ data: { a: b64('old'), b: b64('keep') }, stringData: { a: 'new', c: 'hunter2' } });
  defaultSecret(s);
  assert.deepEqual(s, secret({ type: 'Opaque', data: { a: b64('new'), b: b64('keep'), c: b64('hunter2') } }));
});

test('secret validation by type', () => {
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    { name: 'opaque', obj: secret({ type: 'Opaque', data: { password: b64('x') } }), want: [] },
    {
      name: 'tls without keys',
      obj: secret({ type: 'kubernetes.io/tls', data: {} }),
      want: ['data[tls.crt]: Required value', 'data[tls.key]: Required value'],
    },
    {
      name: 'tls with both',
      obj: secret({ type: 'kubernetes.io/tls', data: { 'tls.crt': b64('c'), 'tls.key': b64('k') } }),
      want: [],
    },
    {
      name: 'basic-auth needs username or password',
      obj: secret({ type: 'kubernetes.io/basic-auth' }),
      want: ['data[username]: Required value', 'data[password]: Required value'],
    },
    {
      name: 'basic-auth with a username only',
      obj: secret({ type: 'kubernetes.io/basic-auth', data: { username: '' } }),
      want: [],
    },
    {
      name: 'ssh-auth',
      obj: secret({ type: 'kubernetes.io/ssh-auth', data: {} }),
      want: ['data[ssh-privatekey]: Required value'],
    },
    {
      name: 'dockerconfigjson must be there',
      obj: secret({ type: 'kubernetes.io/dockerconfigjson', data: {} }),
      want: ['data[.dockerconfigjson]: Required value'],
    },
    {
      name: 'dockerconfigjson with JSON',
      obj: secret({ type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64('{"auths":{}}') } }),
      want: [],
    },
    {
      name: 'service-account-token needs the account name annotation',
      obj: secret({ type: 'kubernetes.io/service-account-token' }),
      want: ['metadata.annotations[kubernetes.io/service-account.name]: Required value'],
    },
    {
      name: 'service-account-token with the annotation',
      obj: secret({ type: 'kubernetes.io/service-account-token' }, { 'kubernetes.io/service-account.name': 'default' }),
      want: [],
    },
  ];
  for (const c of cases) assert.deepEqual(validateSecret(c.obj).map(String), c.want, c.name);
});

test('secret updates: type is immutable; so is data once immutable is set', () => {
  const old = secret({ type: 'Opaque', data: { a: b64('1') }, immutable: true });
  assert.deepEqual(
    validateSecretUpdate(secret({ type: 'kubernetes.io/tls', data: { a: b64('1') }, immutable: true }), old).map(
      String,
    ),
    [
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
      'data[tls.crt]: Required value',
      'data[tls.key]: Required value',
    ],
  );
  assert.deepEqual(
    validateSecretUpdate(secret({ type: 'Opaque', data: { a: b64('2') }, immutable: true }), old).map(String),
    ['data: Forbidden: field is immutable when `immutable` is set'],
  );
});
