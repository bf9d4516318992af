import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CoreV1Api, KubeConfig, makeInformer, type V1Pod } from '@kubernetes/client-node';
import { startTestApiServer, type TestApiServer } from '../testing/api-server.js';

let api: TestApiServer;
let core: CoreV1Api;
let kc: KubeConfig;

before(async () => {
  api = await startTestApiServer();
  kc = new KubeConfig();
  kc.loadFromFile(api.kubeconfig);
  core = kc.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: 'cn' } } });
});
after(async () => {
  await api?.close();
});

const pod = (name: string, labels: Record<string, string> = {}): V1Pod => ({
  metadata: { name, labels },
  spec: { containers: [{ name: 'c', image: 'busybox' }] },
});

async function until(what: string, cond: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('an informer sees add, update and delete in order, and relists after a 410', async () => {
  const events: string[] = [];
  const informer = makeInformer<V1Pod>(kc, '/api/v1/namespaces/cn/pods', () => core.listNamespacedPod({ namespace: 'cn' }));
  informer.on('add', (p) => events.push(`add ${p.metadata!.name}`));
  informer.on('update', (p) => events.push(`update ${p.metadata!.name} ${p.metadata!.labels?.v ?? ''}`));
  informer.on('delete', (p) => events.push(`delete ${p.metadata!.name}`));
  const errors: unknown[] = [];
  informer.on('error', (e) => errors.push(e));
  await core.createNamespacedPod({ namespace: 'cn', body: pod('before') });
  await informer.start();
  try {
    await until('initial list', () => events.includes('add before'));
    await core.createNamespacedPod({ namespace: 'cn', body: pod('p1') });
    // client-node sends PATCH bodies as JSON patch (application/json-patch+json) by default
    await core.patchNamespacedPod({ namespace: 'cn', name: 'p1', body: [{ op: 'add', path: '/metadata/labels', value: { v: '2' } }] });
    await core.deleteNamespacedPod({ namespace: 'cn', name: 'p1' });
    await until('three events for p1', () => events.filter((e) => e.includes('p1')).length >= 3);
    assert.deepEqual(
      events.filter((e) => e.includes('p1')),
      ['add p1', 'update p1 2', 'delete p1'],
    );

    // Make the informer's resourceVersion too old: write elsewhere, compact past it, and drop the watch.
    await core.createNamespacedConfigMap({ namespace: 'cn', body: { metadata: { name: 'bump' } } });
    const rev = await api.store.currentRevision();
    await api.store.compact(rev);
    await core.createNamespacedPod({ namespace: 'cn', body: pod('after-compaction') });
    api.store.stopCaches(); // ends every watch: the informer reconnects with its old resourceVersion
    await until('relist after 410', () => events.includes('add after-compaction'), 15_000);
    assert.deepEqual(errors, []);
  } finally {
    await informer.stop();
  }
});

test('paging with limit/continue returns all 500 objects exactly once', async () => {
  await core.createNamespace({ body: { metadata: { name: 'paging' } } });
  for (let i = 0; i < 500; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, j) => core.createNamespacedConfigMap({ namespace: 'paging', body: { metadata: { name: `cm-${String(i + j).padStart(3, '0')}` }, data: { i: String(i + j) } } })),
    );
  }
  const names: string[] = [];
  let cont: string | undefined;
  let pages = 0;
  let listRV: string | undefined;
  do {
    const page = await core.listNamespacedConfigMap({ namespace: 'paging', limit: 70, _continue: cont });
    pages++;
    names.push(...page.items.map((c) => c.metadata!.name!));
    cont = page.metadata?._continue || undefined;
    if (cont) assert.ok((page.metadata?.remainingItemCount ?? 0) > 0);
    listRV ??= page.metadata?.resourceVersion;
    assert.equal(page.metadata?.resourceVersion, listRV, 'every page is served at the first page revision');
    // a write between pages must not disturb the listing
    if (pages === 2) await core.createNamespacedConfigMap({ namespace: 'paging', body: { metadata: { name: 'cm-zzz-late' } } });
  } while (cont);
  assert.equal(pages, 8);
  assert.equal(names.length, 500);
  assert.equal(new Set(names).size, 500);
  assert.deepEqual(names, [...names].sort());
});
