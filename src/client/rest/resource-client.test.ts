import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { FakeTransport } from '../testing/fake-transport.js';
import { RestClient } from './rest-client.js';
import { CONFIGMAPS, DEPLOYMENTS, NODES } from './resources.js';

function client(transport = new FakeTransport()) {
  const c = new RestClient({
    config: { server: 'http://x', qps: Infinity },
    component: 'test',
    transport,
    clock: new FakeClock(0),
  });
  return { c, transport };
}

test('calls map to the API paths, methods, queries and bodies', async () => {
  const { c, transport } = client();
  const cms = c.resource(CONFIGMAPS, 'ns1');
  const cases: { name: string; call: () => Promise<unknown>; want: Record<string, unknown> }[] = [
    {
      name: 'get',
      call: () => cms.get('a'),
      want: { method: 'GET', path: '/api/v1/namespaces/ns1/configmaps/a', query: {} },
    },
    {
      name: 'list with options',
      call: () =>
        cms.list({
          labelSelector: 'x=y',
          limit: 5,
          continue: 'tok',
          resourceVersion: '0',
          resourceVersionMatch: 'NotOlderThan',
        }),
      want: {
        method: 'GET',
        path: '/api/v1/namespaces/ns1/configmaps',
        query: {
          labelSelector: 'x=y',
          limit: '5',
          continue: 'tok',
          resourceVersion: '0',
          resourceVersionMatch: 'NotOlderThan',
        },
      },
    },
    {
      name: 'list across namespaces',
      call: () => c.resource(CONFIGMAPS).list({ fieldSelector: 'metadata.name=a' }),
      want: { path: '/api/v1/configmaps', query: { fieldSelector: 'metadata.name=a' } },
    },
    {
      name: 'create takes the namespace from the object when unscoped',
      call: () =>
        c
          .resource(CONFIGMAPS)
          .create({ metadata: { name: 'a', namespace: 'n2' } }, { dryRun: true, fieldManager: 'me' }),
      want: { method: 'POST', path: '/api/v1/namespaces/n2/configmaps', query: { dryRun: 'All', fieldManager: 'me' } },
    },
    {
      name: 'update status subresource of a grouped resource',
      call: () => c.resource(DEPLOYMENTS, 'd').update({ metadata: { name: 'web' } }, { subresource: 'status' }),
      want: { method: 'PUT', path: '/apis/apps/v1/namespaces/d/deployments/web/status' },
    },
    {
      name: 'server-side apply',
      call: () =>
        cms.patch(
          'a',
          'apply',
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } },
          { fieldManager: 'k', force: true },
        ),
      want: {
        method: 'PATCH',
        query: { fieldManager: 'k', force: 'true' },
        contentType: 'application/apply-patch+yaml',
      },
    },
    {
      name: 'merge patch',
      call: () => cms.patch('a', 'merge', { data: { k: 'v' } }),
      want: { method: 'PATCH', contentType: 'application/merge-patch+json', body: { data: { k: 'v' } } },
    },
    {
      name: 'delete with options in the body',
      call: () =>
        cms.delete('a', { gracePeriodSeconds: 0, propagationPolicy: 'Foreground', preconditions: { uid: 'u' } }),
      want: {
        method: 'DELETE',
        path: '/api/v1/namespaces/ns1/configmaps/a',
        body: {
          kind: 'DeleteOptions',
          apiVersion: 'v1',
          gracePeriodSeconds: 0,
          propagationPolicy: 'Foreground',
          preconditions: { uid: 'u' },
        },
      },
    },
    {
      name: 'deleteCollection',
      call: () => cms.deleteCollection({ labelSelector: 'a=b', dryRun: true }),
      want: {
        method: 'DELETE',
        path: '/api/v1/namespaces/ns1/configmaps',
        query: { labelSelector: 'a=b' },
        body: { kind: 'DeleteOptions', apiVersion: 'v1', dryRun: ['All'] },
      },
    },
    { name: 'cluster-scoped', call: () => c.resource(NODES, 'ignored').get('n1'), want: { path: '/api/v1/nodes/n1' } },
  ];
  for (const tc of cases) {
    await tc.call();
    const r = transport.requests.at(-1)!;
    const got: Record<string, unknown> = {
      method: r.method,
      path: r.path,
      query: r.query,
      body: r.body,
      contentType: r.headers['Content-Type'],
    };
    for (const [k, v] of Object.entries(tc.want)) assert.deepEqual(got[k], v, `${tc.name}: ${k}`);
    assert.equal(r.headers['User-Agent'], 'k8ts/test');
  }
});

test('single-object calls on a namespaced resource need a namespace', () => {
  const { c } = client();
  assert.throws(() => c.resource(CONFIGMAPS).path(undefined, 'a'), /namespace required/);
  assert.throws(() => c.resource(CONFIGMAPS, 'n').path('n', ''), /may not be empty/);
});

test('watch sends watch=true and yields the decoded events', async () => {
  const transport = new FakeTransport(() => ({
    status: 200,
    body: '{"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"5"}}}\n{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"7"}}}\n',
  }));
  const { c } = client(transport);
  const got: string[] = [];
  for await (const ev of c
    .resource(CONFIGMAPS, 'n')
    .watch({ resourceVersion: '4', allowWatchBookmarks: true, timeoutSeconds: 30 })) {
    got.push(`${ev.type} ${ev.object.metadata?.resourceVersion}`);
  }
  assert.deepEqual(got, ['ADDED 5', 'BOOKMARK 7']);
  assert.deepEqual(transport.requests[0]!.query, {
    resourceVersion: '4',
    allowWatchBookmarks: 'true',
    timeoutSeconds: '30',
    watch: 'true',
  });
});

test('watch errors: HTTP failures throw StatusError; an aborted signal ends quietly', async () => {
  const transport = new FakeTransport(() => ({
    status: 410,
    body: { kind: 'Status', apiVersion: 'v1', metadata: {}, reason: 'Expired', code: 410, message: 'too old' },
  }));
  const { c } = client(transport);
  await assert.rejects(async () => {
    for await (const _ of c.resource(CONFIGMAPS, 'n').watch({ resourceVersion: '1' })) void _;
  }, /too old/);
  const ac = new AbortController();
  ac.abort();
  const seen: unknown[] = [];
  for await (const ev of c.resource(CONFIGMAPS, 'n').watch({ signal: ac.signal })) seen.push(ev);
  assert.deepEqual(seen, []);
});
