import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDatastore } from './datastore.js';

test('parseDatastore accepts sqlite paths and etcd endpoint lists', () => {
  assert.deepEqual(parseDatastore('sqlite:/tmp/x.db'), { kind: 'sqlite', path: '/tmp/x.db' });
  assert.deepEqual(parseDatastore('etcd:http://127.0.0.1:2379,http://127.0.0.1:2381'), {
    kind: 'etcd',
    endpoints: ['http://127.0.0.1:2379', 'http://127.0.0.1:2381'],
  });
});

test('parseDatastore names the problem in bad values', () => {
  const cases: [string, RegExp][] = [
    ['mysql:foo', /unknown store "mysql"/],
    ['sqlite:', /sqlite needs a path/],
    ['etcd:', /at least one URL/],
    ['etcd:nope', /"nope" is not a URL/],
    ['etcd:ftp://127.0.0.1:1', /must use http/],
    ['etcd:http://127.0.0.1', /has no port/],
  ];
  for (const [input, want] of cases) assert.throws(() => parseDatastore(input), want, input);
});
