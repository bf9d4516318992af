import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApiServer, type TestApiServer } from '../testing/api-server.js';

let api: TestApiServer;
before(async () => {
  api = await startTestApiServer();
  await call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bad' } });
});
after(async () => {
  await api?.close();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(api.url + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? (body as string) : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

const cm = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: 'b' }, ...extra });
const cms = '/api/v1/namespaces/bad/configmaps';

const cases: { name: string; send: () => ReturnType<typeof call>; code: number; reason: string; message?: RegExp }[] = [
  { name: 'malformed JSON', send: () => call('POST', cms, '{"apiVersion": "v1", kind'), code: 400, reason: 'BadRequest', message: /json parse error/ },
  { name: 'malformed YAML', send: () => call('POST', cms, 'a: [b\nc: d', { 'Content-Type': 'application/yaml' }), code: 400, reason: 'BadRequest' },
  { name: 'a JSON array instead of an object', send: () => call('POST', cms, '[1,2]'), code: 400, reason: 'BadRequest' },
  { name: 'wrong kind for the URL', send: () => call('POST', cms, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } }), code: 400, reason: 'BadRequest', message: /kind/ },
  { name: 'wrong apiVersion for the URL', send: () => call('POST', cms, { apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'x' } }), code: 400, reason: 'BadRequest', message: /API version/ },
  { name: 'a name with / in the body', send: () => call('POST', cms, cm('a/b')), code: 422, reason: 'Invalid', message: /metadata.name/ },
  { name: 'a name with / in the URL', send: () => call('GET', `${cms}/a%2Fb`), code: 400, reason: 'BadRequest', message: /may not contain '\/'/ },
  { name: 'a 10 MB body', send: () => call('POST', cms, JSON.stringify(cm('big', { data: { a: 'x'.repeat(10 * 1024 * 1024) } }))), code: 413, reason: 'RequestEntityTooLarge' },
  { name: 'an unknown field with fieldValidation=Strict', send: () => call('POST', `${cms}?fieldValidation=Strict`, cm('u', { spec: { nope: 1 } })), code: 400, reason: 'BadRequest', message: /unknown field "spec"/ },
  { name: 'watch with a garbage resourceVersion', send: () => call('GET', `${cms}?watch=1&resourceVersion=abc`), code: 400, reason: 'BadRequest', message: /resource version/ },
  { name: 'a create in a namespace that does not exist', send: () => call('POST', '/api/v1/namespaces/nowhere/configmaps', cm('x')), code: 404, reason: 'NotFound', message: /namespaces "nowhere" not found/ },
  { name: 'an unsupported media type', send: () => call('POST', cms, 'x', { 'Content-Type': 'text/plain' }), code: 415, reason: 'UnsupportedMediaType' },
  { name: 'an unknown resource', send: () => call('GET', '/api/v1/namespaces/bad/widgets'), code: 404, reason: 'NotFound' },
  { name: 'an unsupported verb', send: () => call('POST', `${cms}/x`, cm('x')), code: 405, reason: 'MethodNotAllowed' },
  {
    // Leases (unlike most kinds) refuse unconditional updates, as upstream
    name: 'an update without resourceVersion',
    send: async () => {
      const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'l' }, spec: {} };
      await call('POST', '/apis/coordination.k8s.io/v1/namespaces/bad/leases', lease);
      return call('PUT', '/apis/coordination.k8s.io/v1/namespaces/bad/leases/l', lease);
    },
    code: 422,
    reason: 'Invalid',
    message: /resourceVersion/,
  },
];

for (const c of cases) {
  test(`bad input gets a Status: ${c.name}`, async () => {
    const r = await c.send();
    assert.equal(r.status, c.code, r.text.slice(0, 300));
    assert.equal(r.json?.kind, 'Status', r.text.slice(0, 300));
    assert.equal(r.json?.reason, c.reason);
    assert.equal(r.json?.code, c.code);
    if (c.message) assert.match(String(r.json?.message), c.message);
  });
}

test('the server keeps serving after bad input, and nothing bad was stored', async () => {
  const ok = await call('POST', cms, cm('good'));
  assert.equal(ok.status, 201);
  const list = await call('GET', cms);
  assert.deepEqual(
    (list.json?.items as { metadata: { name: string } }[]).map((i) => i.metadata.name),
    ['good'],
  );
});

test('a watch from a compacted resourceVersion ends with a 410 Expired ERROR event', async () => {
  const a = await call('POST', cms, cm('w1'));
  const rv = Number((a.json?.metadata as { resourceVersion: string }).resourceVersion);
  await call('POST', cms, cm('w2'));
  await api.store.compact(await api.store.currentRevision());
  const r = await call('GET', `${cms}?watch=1&resourceVersion=${rv}`);
  assert.equal(r.status, 200);
  const ev = JSON.parse(r.text.trim().split('\n')[0]!) as { type: string; object: { code: number; reason: string } };
  assert.equal(ev.type, 'ERROR');
  assert.equal(ev.object.code, 410);
  assert.equal(ev.object.reason, 'Expired');
});

test('an update that claims another uid is refused: uid is immutable', async () => {
  const made = await call('POST', cms, cm('uidcheck'));
  const meta = made.json?.metadata as { resourceVersion: string };
  const r = await call('PUT', `${cms}/uidcheck`, cm('uidcheck', { metadata: { name: 'uidcheck', uid: 'not-the-uid', resourceVersion: meta.resourceVersion } }));
  assert.equal(r.status, 422, r.text);
  assert.match(String(r.json?.message), /metadata.uid: Invalid value: "not-the-uid": field is immutable/);
});
