import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApiServer, type TestApiServer } from '../../testing/api-server.js';
import { silentLogger } from '../../util/log.js';
import { RestClient } from '../rest/rest-client.js';
import { CONFIGMAPS, NAMESPACES } from '../rest/resources.js';
import type { KubeObject } from '../rest/types.js';
import { SharedInformerFactory } from './factory.js';
import { DeletedFinalStateUnknown } from './tombstone.js';

interface ConfigMap extends KubeObject {
  metadata: { name: string; namespace?: string; resourceVersion?: string };
  data?: Record<string, string>;
}

let api: TestApiServer;
let client: RestClient;

before(async () => {
  api = await startTestApiServer();
  client = RestClient.fromKubeconfig(api.kubeconfig, {
    component: 'informer-test',
    qps: 100,
    burst: 100,
    logger: silentLogger,
  });
  await client.resource(NAMESPACES).create({ metadata: { name: 'inf' } });
});
after(async () => {
  client?.close();
  await api?.close();
});

/** Polls a condition on the real clock (this talks to a real server); fails after `ms`. */
async function until(what: string, cond: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('an informer on configmaps sees add, update and delete in order and recovers after compaction drops its watch', async () => {
  const cms = client.resource<ConfigMap>(CONFIGMAPS, 'inf');
  await cms.create({ metadata: { name: 'before' } });
  const factory = new SharedInformerFactory({ client, namespace: 'inf' });
  const informer = factory.forResource<ConfigMap>(CONFIGMAPS);
  const events: string[] = [];
  let relisted = 0;
  informer.addEventHandler({
    onAdd: (o) => events.push(`add ${o.metadata.name}`),
    onUpdate: (a, b) => {
      if (a.metadata.resourceVersion !== b.metadata.resourceVersion)
        events.push(`update ${b.metadata.name} ${b.data?.v ?? ''}`);
      else relisted++;
    },
    onDelete: (o) =>
      events.push(o instanceof DeletedFinalStateUnknown ? `tombstone ${o.key}` : `delete ${o.metadata.name}`),
  });
  const ac = new AbortController();
  factory.start(ac.signal);
  try {
    assert.equal(await factory.waitForCacheSync(ac.signal), true);
    assert.deepEqual(events, ['add before']);

    await cms.create({ metadata: { name: 'c1' } });
    await cms.patch('c1', 'merge', { data: { v: '2' } });
    await cms.delete('c1');
    await until('three events for c1', () => events.filter((e) => e.includes('c1')).length >= 3);
    assert.deepEqual(
      events.filter((e) => e.includes('c1')),
      ['add c1', 'update c1 2', 'delete c1'],
    );
    assert.equal(informer.lister.get('inf/c1'), undefined);

    // Make the informer's resourceVersion too old: write where it does not look, compact past its RV, and end
    // every watch. Its re-watch gets 410, so it relists; the delete it never saw arrives as a tombstone.
    await cms.create({ metadata: { name: 'doomed' } });
    await until('doomed cached', () => informer.lister.get('inf/doomed') !== undefined);
    const rvBefore = informer.lastSyncResourceVersion();
    await client.resource<ConfigMap>(CONFIGMAPS, 'default').create({ metadata: { name: 'bump' } });
    await api.store.compact(await api.store.currentRevision());
    api.store.stopCaches();
    await cms.delete('doomed');
    await cms.create({ metadata: { name: 'after-compaction' } });
    await until(
      'relist after 410',
      () => events.includes('add after-compaction') && events.includes('tombstone inf/doomed'),
    );
    assert.ok(!events.includes('delete doomed'), 'the delete was not seen on a watch');
    assert.ok(relisted > 0, 'objects were re-delivered by a relist');
    assert.equal(informer.lister.get('inf/doomed'), undefined);
    assert.ok(Number(informer.lastSyncResourceVersion()) > Number(rvBefore));

    // And it keeps watching after the recovery.
    await cms.create({ metadata: { name: 'later' } });
    await until('watch resumed', () => events.includes('add later'));
    assert.deepEqual(
      informer.lister
        .byNamespace('inf')
        .list()
        .map((o) => o.metadata.name)
        .sort(),
      ['after-compaction', 'before', 'later'],
    );
  } finally {
    ac.abort();
    await factory.shutdown();
  }
});

test('a relist pages through many objects', async () => {
  await client.resource(NAMESPACES).create({ metadata: { name: 'many' } });
  const cms = client.resource<ConfigMap>(CONFIGMAPS, 'many');
  const created = await Promise.all(
    Array.from({ length: 30 }, (_, i) => cms.create({ metadata: { name: `cm-${i}` } })),
  );
  assert.equal(created.length, 30);
  const factory = new SharedInformerFactory({ client, namespace: 'many' });
  const informer = factory.forResource<ConfigMap>(CONFIGMAPS);
  const ac = new AbortController();
  factory.start(ac.signal);
  try {
    assert.equal(await factory.waitForCacheSync(ac.signal), true);
    assert.equal(informer.lister.list().length, 30);
  } finally {
    ac.abort();
    await factory.shutdown();
  }
});
