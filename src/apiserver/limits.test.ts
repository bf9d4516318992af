import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from '../storage/sqlite/index.js';
import { CachingStore } from '../storage/cacher/caching-store.js';
import { silentLogger } from '../util/log.js';
import { createApiServer } from './setup.js';

test('past the in-flight limit a request gets 429 TooManyRequests with Retry-After; watches are not limited', async () => {
  const store = new CachingStore(openSqliteStore(':memory:'));
  const { server } = createApiServer({ store, logger: silentLogger, maxInflight: { readonly: 0, mutating: 0 } });
  const addr = await server.listen('127.0.0.1', 0);
  const url = `http://127.0.0.1:${addr.port}`;
  try {
    const res = await fetch(`${url}/api/v1/namespaces`);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '1');
    const body = (await res.json()) as { reason: string; code: number };
    assert.deepEqual([body.reason, body.code], ['TooManyRequests', 429]);
    const ctl = new AbortController();
    const watch = await fetch(`${url}/api/v1/namespaces?watch=1`, { signal: ctl.signal });
    assert.equal(watch.status, 200);
    ctl.abort();
    const metrics = await (await fetch(`${url}/metrics`)).text();
    assert.match(metrics, /apiserver_dropped_requests_total\{request_kind="readOnly"\} [1-9]/);
  } finally {
    await server.close();
    await store.close();
  }
});
