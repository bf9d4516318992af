import { test } from 'node:test';
import assert from 'node:assert/strict';
import { credentialsFor, normalizeConfigKey } from './pull-secrets.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const dockerconfigjson = (auths: Record<string, unknown>) => ({
  type: 'kubernetes.io/dockerconfigjson',
  data: { '.dockerconfigjson': b64(JSON.stringify({ auths })) },
});

test('normalizeConfigKey drops schemes and folds Docker Hub aliases', () => {
  const cases: Array<[string, string]> = [
    ['https://index.docker.io/v1/', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['http://127.0.0.1:5000', '127.0.0.1:5000'],
    ['quay.io/team/', 'quay.io/team'],
  ];
  for (const [key, want] of cases) assert.equal(normalizeConfigKey(key), want, key);
});

test('credentialsFor matches registry and path prefixes, most specific first', () => {
  const secrets: { type: string; data: Record<string, string> }[] = [
    dockerconfigjson({ 'https://index.docker.io/v1/': { auth: b64('hub:hubpw') } }),
    dockerconfigjson({ '127.0.0.1:5000': { username: 'u', password: 'p' }, '127.0.0.1:5000/team': { username: 't', password: 'tp' } }),
    { type: 'kubernetes.io/dockercfg', data: { '.dockercfg': b64(JSON.stringify({ 'quay.io': { username: 'q', password: 'qp' } })) } },
    { type: 'Opaque', data: { token: b64('x') } },
    { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64('{not json') } },
  ];
  const users = (image: string) => credentialsFor(image, secrets).map((a) => `${a.username}:${a.password}@${a.server_address}`);
  assert.deepEqual(users('busybox'), ['hub:hubpw@docker.io']);
  assert.deepEqual(users('docker.io/library/nginx:1.21'), ['hub:hubpw@docker.io']);
  assert.deepEqual(users('127.0.0.1:5000/team/app:1'), ['t:tp@127.0.0.1:5000', 'u:p@127.0.0.1:5000']);
  assert.deepEqual(users('127.0.0.1:5000/other'), ['u:p@127.0.0.1:5000']);
  assert.deepEqual(users('127.0.0.1:5000/teamwork'), ['u:p@127.0.0.1:5000']);
  assert.deepEqual(users('quay.io/coreos/etcd'), ['q:qp@quay.io']);
  assert.deepEqual(users('localhost:5000/x'), []);
});
