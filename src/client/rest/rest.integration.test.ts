import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { isAlreadyExists, isConflict, isNotFound, isResourceExpired } from '../../apimachinery/errors.js';
import { startTestApiServer, type TestApiServer } from '../../testing/api-server.js';
import { RestClient } from './rest-client.js';
import { CONFIGMAPS, NAMESPACES } from './resources.js';
import type { KubeObject, WatchEvent } from './types.js';

interface ConfigMap extends KubeObject {
  metadata: {
    name?: string;
    namespace?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    uid?: string;
  };
  data?: Record<string, string>;
}

let api: TestApiServer;
let client: RestClient;

before(async () => {
  api = await startTestApiServer();
  client = RestClient.fromKubeconfig(api.kubeconfig, { component: 'rest-test', qps: 100, burst: 100 });
  await client.resource(NAMESPACES).create({ metadata: { name: 'rest' } });
});
after(async () => {
  client?.close();
  await api?.close();
});

test('create, get, update, patch, list and delete a configmap', async () => {
  const cms = client.resource<ConfigMap>(CONFIGMAPS, 'rest');
  const created = await cms.create({ metadata: { name: 'a', labels: { app: 'x' } }, data: { k: '1' } });
  assert.ok(created.metadata.uid);
  await assert.rejects(cms.create({ metadata: { name: 'a' } }), isAlreadyExists);

  const got = await cms.get('a');
  assert.deepEqual(got.data, { k: '1' });
  const updated = await cms.update({ ...got, data: { k: '2' } });
  assert.notEqual(updated.metadata.resourceVersion, got.metadata.resourceVersion);
  await assert.rejects(cms.update({ ...got, data: { k: 'stale' } }), isConflict);

  const patches: { type: 'merge' | 'json' | 'strategic' | 'apply'; body: unknown; want: Record<string, string> }[] = [
    { type: 'merge', body: { data: { m: 'merge' } }, want: { k: '2', m: 'merge' } },
    { type: 'json', body: [{ op: 'replace', path: '/data/k', value: 'json' }], want: { k: 'json', m: 'merge' } },
    { type: 'strategic', body: { data: { s: 'smp' } }, want: { k: 'json', m: 'merge', s: 'smp' } },
  ];
  for (const p of patches) assert.deepEqual((await cms.patch('a', p.type, p.body)).data, p.want, p.type);
  const applied = await cms.patch(
    'a',
    'apply',
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { owned: 'yes' } },
    { fieldManager: 'rest-test', force: true },
  );
  assert.equal(applied.data?.owned, 'yes');

  await cms.create({ metadata: { name: 'b', labels: { app: 'y' } } });
  const list = await cms.list({ labelSelector: 'app=x' });
  assert.deepEqual(
    list.items.map((i) => i.metadata.name),
    ['a'],
  );
  assert.ok(list.metadata.resourceVersion);

  await cms.delete('a');
  await assert.rejects(
    cms.get('a'),
    (err: unknown) => isNotFound(err) && /configmaps "a" not found/.test((err as Error).message),
  );
  await cms.deleteCollection({ labelSelector: 'app=y' });
  assert.deepEqual((await cms.list()).items, []);
});

test('dryRun writes are not persisted', async () => {
  const cms = client.resource<ConfigMap>(CONFIGMAPS, 'rest');
  const out = await cms.create({ metadata: { name: 'dry' } }, { dryRun: true });
  assert.equal(out.metadata.name, 'dry');
  await assert.rejects(cms.get('dry'), isNotFound);
});

test('paging with limit and continue returns every object once', async () => {
  const cms = client.resource<ConfigMap>(CONFIGMAPS, 'rest');
  for (let i = 0; i < 7; i++) await cms.create({ metadata: { name: `page-${i}`, labels: { paged: 'y' } } });
  const names: string[] = [];
  let cont: string | undefined;
  do {
    const page = await cms.list({ labelSelector: 'paged=y', limit: 3, continue: cont });
    names.push(...page.items.map((i) => i.metadata.name!));
    cont = page.metadata.continue;
  } while (cont);
  assert.deepEqual(
    names.sort(),
    Array.from({ length: 7 }, (_, i) => `page-${i}`),
  );
  await cms.deleteCollection({ labelSelector: 'paged=y' });
});

test('watch streams events from a resourceVersion until aborted', async () => {
  const cms = client.resource<ConfigMap>(CONFIGMAPS, 'rest');
  const start = (await cms.list()).metadata.resourceVersion!;
  const ac = new AbortController();
  const seen: string[] = [];
  const watching = (async () => {
    for await (const ev of cms.watch({ resourceVersion: start, allowWatchBookmarks: true, signal: ac.signal })) {
      if (ev.type === 'BOOKMARK' || ev.type === 'ERROR') continue;
      seen.push(`${ev.type} ${ev.object.metadata.name}`);
      if (seen.length === 3) ac.abort();
    }
  })();
  await cms.create({ metadata: { name: 'w' } });
  await cms.patch('w', 'merge', { data: { a: 'b' } });
  await cms.delete('w');
  await watching;
  assert.deepEqual(seen, ['ADDED w', 'MODIFIED w', 'DELETED w']);
});

test('a watch from a compacted resourceVersion ends with a 410 ERROR event', async () => {
  const cms = client.resource<ConfigMap>(CONFIGMAPS, 'rest');
  const old = (await cms.create({ metadata: { name: 'compact-me' } })).metadata.resourceVersion!;
  await cms.patch('compact-me', 'merge', { data: { x: '1' } });
  await api.store.compact(await api.store.currentRevision());
  api.store.stopCaches();
  const events: WatchEvent<ConfigMap>[] = [];
  let thrown: unknown;
  try {
    for await (const ev of cms.watch({ resourceVersion: old })) events.push(ev);
  } catch (err) {
    thrown = err;
  }
  const last = events.at(-1);
  const expiredSeen = thrown ? isResourceExpired(thrown) : last?.type === 'ERROR' && last.object.code === 410;
  assert.ok(expiredSeen, `expected 410, got ${JSON.stringify(last ?? thrown)}`);
});
