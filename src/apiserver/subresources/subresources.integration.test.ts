import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApiServer, type TestApiServer } from '../../testing/api-server.js';

let api: TestApiServer;
before(async () => {
  api = await startTestApiServer();
  await call('POST', '/api/v1/namespaces', { metadata: { name: 'sub' } });
});
after(async () => {
  await api?.close();
});

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(api.url + path, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const pod = (name: string, labels: Record<string, string> = {}) => ({ metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });

test('pods/binding assigns a pod once and marks it scheduled', async () => {
  await call('POST', '/api/v1/namespaces/sub/pods', pod('b1'));
  const bind = await call('POST', '/api/v1/namespaces/sub/pods/b1/binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'b1' }, target: { kind: 'Node', name: 'node-a' } });
  assert.equal(bind.status, 201);
  assert.equal(bind.json.status, 'Success');
  const got = await call('GET', '/api/v1/namespaces/sub/pods/b1');
  assert.equal(got.json.spec.nodeName, 'node-a');
  assert.deepEqual(
    got.json.status.conditions.filter((c: { type: string }) => c.type === 'PodScheduled').map((c: { status: string }) => c.status),
    ['True'],
  );
  const again = await call('POST', '/api/v1/namespaces/sub/pods/b1/binding', { target: { kind: 'Node', name: 'node-b' } });
  assert.equal(again.status, 409);
  assert.match(again.json.message, /pod b1 is already assigned to node "node-a"/);
});

test('pods/eviction deletes an unprotected pod and refuses one its budget protects', async () => {
  await call('POST', '/api/v1/namespaces/sub/pods', pod('free'));
  const ev = await call('POST', '/api/v1/namespaces/sub/pods/free/eviction', { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'free' } });
  assert.equal(ev.status, 201);
  assert.equal((await call('GET', '/api/v1/namespaces/sub/pods/free')).status, 404);

  await call('POST', '/api/v1/namespaces/sub/pods', pod('kept', { app: 'db' }));
  await call('POST', '/apis/policy/v1/namespaces/sub/poddisruptionbudgets', { metadata: { name: 'db' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'db' } } } });
  const refused = await call('POST', '/api/v1/namespaces/sub/pods/kept/eviction', { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'kept' } });
  assert.equal(refused.status, 429);
  assert.equal(refused.json.reason, 'TooManyRequests');
  assert.match(refused.json.message, /would violate the pod's disruption budget/);
  assert.equal((await call('GET', '/api/v1/namespaces/sub/pods/kept')).status, 200);
});

test('kubectl create token signs a token for the service account', async () => {
  await call('POST', '/api/v1/namespaces/sub/serviceaccounts', { metadata: { name: 'robot' } });
  for (const version of [undefined, '1.27']) {
    const out = await api.kubectl(['create', 'token', 'robot', '-n', 'sub', '--duration=20m'], { version });
    assert.equal(out.code, 0, out.stderr);
    const parts = out.stdout.trim().split('.');
    assert.equal(parts.length, 3);
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString()) as { sub: string; exp: number; iat: number };
    assert.equal(claims.sub, 'system:serviceaccount:sub:robot');
    assert.equal(claims.exp - claims.iat, 1200);
  }
  const short = await call('POST', '/api/v1/namespaces/sub/serviceaccounts/robot/token', { spec: { expirationSeconds: 60 } });
  assert.equal(short.status, 400);
});
