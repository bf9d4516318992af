import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proxiedPath } from './node-proxy.js';

test('proxiedPath keeps what follows /proxy, encoded, with the query', () => {
  const cases: Array<[string, string]> = [
    ['/api/v1/nodes/n1/proxy/stats/summary', '/stats/summary'],
    ['/api/v1/nodes/n1/proxy/metrics/resource?x=1&y=2', '/metrics/resource?x=1&y=2'],
    ['/api/v1/nodes/n1/proxy', '/'],
    ['/api/v1/nodes/n1/proxy/', '/'],
    ['/api/v1/nodes/n1/proxy?a=b', '/?a=b'],
    ['/api/v1/nodes/n1/proxy/containerLogs/ns/p%2Fq/c', '/containerLogs/ns/p%2Fq/c'],
  ];
  for (const [url, want] of cases) assert.equal(proxiedPath(url), want, url);
});
