import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRequestInfo } from './request-info.js';

const cases: { name: string; method: string; path: string; query?: string; want: Record<string, unknown> }[] = [
  { name: 'core list', method: 'GET', path: '/api/v1/namespaces/ns/pods', want: { verb: 'list', namespace: 'ns', resource: 'pods', name: '' } },
  { name: 'core get', method: 'GET', path: '/api/v1/namespaces/ns/pods/p', want: { verb: 'get', resource: 'pods', name: 'p' } },
  { name: 'subresource', method: 'GET', path: '/api/v1/namespaces/ns/pods/p/log', want: { verb: 'get', subresource: 'log', name: 'p' } },
  { name: 'watch param', method: 'GET', path: '/api/v1/pods', query: 'watch=true', want: { verb: 'watch', namespace: '', resource: 'pods' } },
  { name: 'watch path', method: 'GET', path: '/api/v1/watch/namespaces/ns/pods', want: { verb: 'watch', namespace: 'ns', resource: 'pods' } },
  { name: 'namespace itself', method: 'GET', path: '/api/v1/namespaces/ns', want: { verb: 'get', namespace: 'ns', resource: 'namespaces', name: 'ns' } },
  { name: 'namespace status', method: 'PUT', path: '/api/v1/namespaces/ns/status', want: { verb: 'update', resource: 'namespaces', name: 'ns', subresource: 'status' } },
  { name: 'namespace finalize', method: 'PUT', path: '/api/v1/namespaces/ns/finalize', want: { resource: 'namespaces', name: 'ns', subresource: 'finalize' } },
  { name: 'group create', method: 'POST', path: '/apis/apps/v1/namespaces/ns/deployments', want: { verb: 'create', apiGroup: 'apps', apiVersion: 'v1', resource: 'deployments' } },
  { name: 'scale patch', method: 'PATCH', path: '/apis/apps/v1/namespaces/ns/deployments/d/scale', want: { verb: 'patch', subresource: 'scale', name: 'd' } },
  { name: 'deletecollection', method: 'DELETE', path: '/api/v1/namespaces/ns/configmaps', want: { verb: 'deletecollection', resource: 'configmaps' } },
  { name: 'cluster scoped delete', method: 'DELETE', path: '/api/v1/nodes/n1', want: { verb: 'delete', resource: 'nodes', name: 'n1', namespace: '' } },
  { name: 'proxy rest', method: 'GET', path: '/api/v1/nodes/n1/proxy/stats/summary', want: { subresource: 'proxy', rest: ['stats', 'summary'] } },
];

for (const c of cases) {
  test(`parseRequestInfo: ${c.name}`, () => {
    const got = parseRequestInfo(c.method, c.path, new URLSearchParams(c.query ?? ''));
    assert.equal(got.isResourceRequest, true);
    for (const [k, v] of Object.entries(c.want)) assert.deepEqual((got as unknown as Record<string, unknown>)[k], v, k);
  });
}

test('parseRequestInfo: discovery and non-resource paths', () => {
  for (const p of ['/api', '/api/v1', '/apis', '/apis/apps', '/apis/apps/v1', '/healthz', '/openapi/v3']) {
    assert.equal(parseRequestInfo('GET', p, new URLSearchParams()).isResourceRequest, false, p);
  }
});
