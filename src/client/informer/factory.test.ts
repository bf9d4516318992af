import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { RestClient } from '../rest/rest-client.js';
import { CONFIGMAPS, NODES } from '../rest/resources.js';
import { FakeTransport } from '../testing/fake-transport.js';
import { informerKey, SharedInformerFactory } from './factory.js';

test('informer keys separate resources, namespaces and selectors; cluster-scoped ignore the namespace', () => {
  const cases: { name: string; a: string; b: string; same: boolean }[] = [
    {
      name: 'same resource and options',
      a: informerKey(CONFIGMAPS, { namespace: 'x' }),
      b: informerKey(CONFIGMAPS, { namespace: 'x' }),
      same: true,
    },
    {
      name: 'different namespace',
      a: informerKey(CONFIGMAPS, { namespace: 'x' }),
      b: informerKey(CONFIGMAPS, {}),
      same: false,
    },
    {
      name: 'different selector',
      a: informerKey(CONFIGMAPS, { labelSelector: 'a=b' }),
      b: informerKey(CONFIGMAPS, {}),
      same: false,
    },
    { name: 'cluster-scoped', a: informerKey(NODES, { namespace: 'x' }), b: informerKey(NODES, {}), same: true },
  ];
  for (const c of cases) assert.equal(c.a === c.b, c.same, c.name);
});

test('the factory shares one informer per key, starts each once and waits for all to sync', async () => {
  const transport = new FakeTransport((req) =>
    req.query.watch
      ? { status: 200, body: '' }
      : { status: 200, body: { metadata: { resourceVersion: '3' }, items: [{ metadata: { name: 'n1' } }] } },
  );
  const clock = new FakeClock(0);
  const client = new RestClient({ config: { server: 'http://x', qps: Infinity }, component: 'test', transport, clock });
  const factory = new SharedInformerFactory({ client, clock, labelSelector: 'tier=a' });
  const a = factory.forResource(NODES);
  const b = factory.forResource(NODES, { indexers: { byName: (o) => [o.metadata?.name ?? ''] } });
  assert.equal(a, b);
  assert.ok('byName' in a.indexer.getIndexers(), 'indexers of later calls are added');
  const ac = new AbortController();
  factory.start(ac.signal);
  factory.start(ac.signal);
  assert.equal(await factory.waitForCacheSync(ac.signal), true);
  const lists = transport.requests.filter((r) => !r.query.watch);
  assert.equal(lists.length, 1, 'one list for both users');
  assert.deepEqual(lists[0]!.query, { labelSelector: 'tier=a', resourceVersion: '0', limit: '500' });
  assert.equal(a.lister.get('n1')?.metadata?.name, 'n1');
  ac.abort();
  await factory.shutdown();
});
