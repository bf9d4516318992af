import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { FakeListerWatcher } from '../testing/fake-list-watch.js';
import { flush } from '../testing/flush.js';
import type { KubeObject, ObjectList } from '../rest/types.js';
import type { ResourceEventHandler } from './listener.js';
import { SharedInformer } from './shared-informer.js';
import { DeletedFinalStateUnknown } from './tombstone.js';
import { waitForCacheSync } from './wait.js';

interface CM extends KubeObject {
  metadata: { namespace: string; name: string; resourceVersion: string; labels?: Record<string, string> };
  data?: Record<string, string>;
}
const cm = (name: string, rv: string, data?: Record<string, string>): CM => ({
  metadata: { namespace: 'ns', name, resourceVersion: rv },
  data,
});

/** A handler that writes one line per notification. */
function recorder(lines: string[], prefix = ''): ResourceEventHandler<CM> {
  return {
    onAdd: (o, initial) => lines.push(`${prefix}add ${o.metadata.name}${initial ? ' (initial)' : ''}`),
    onUpdate: (a, b) =>
      lines.push(`${prefix}update ${a.metadata.name} ${a.metadata.resourceVersion}->${b.metadata.resourceVersion}`),
    onDelete: (o) =>
      lines.push(
        o instanceof DeletedFinalStateUnknown
          ? `${prefix}tombstone ${o.key} @${o.obj.metadata.resourceVersion}`
          : `${prefix}delete ${o.metadata.name}`,
      ),
  };
}

function setup(lw: FakeListerWatcher<CM>, opts: { resyncPeriodMs?: number; freeze?: boolean } = {}) {
  const clock = new FakeClock(0);
  const informer = new SharedInformer<CM>({ name: 'configmaps', listerWatcher: lw, clock, random: () => 0, ...opts });
  const ac = new AbortController();
  let done: Promise<void> | undefined;
  return {
    clock,
    informer,
    start: () => (done = informer.run(ac.signal)),
    stop: async () => {
      ac.abort();
      await done;
    },
  };
}

test('handlers see add, update and delete in order, after the cache has them', async () => {
  const lw = FakeListerWatcher.of([cm('a', '1')], '5');
  const { informer, start, stop } = setup(lw);
  const lines: string[] = [];
  informer.addEventHandler({
    ...recorder(lines),
    onUpdate: (_old, cur) =>
      lines.push(`update ${cur.metadata.name} cached=${informer.lister.get('ns/a')?.metadata.resourceVersion}`),
  });
  start();
  await lw.untilWatches(1);
  lw.current.added(cm('b', '6')).modified(cm('a', '7')).deleted(cm('b', '8'));
  await flush();
  assert.deepEqual(lines, ['add a (initial)', 'add b', 'update a cached=7', 'delete b']);
  assert.deepEqual(
    informer.lister.list().map((o) => o.metadata.name),
    ['a'],
  );
  await stop();
});

test('a relist after 410 delivers changes and missed deletes as tombstones with the last known state', async () => {
  const lists: ObjectList<CM>[] = [
    { metadata: { resourceVersion: '10' }, items: [cm('keep', '1'), cm('gone', '2'), cm('changed', '3')] },
    { metadata: { resourceVersion: '20' }, items: [cm('keep', '1'), cm('changed', '15'), cm('new', '18')] },
  ];
  const lw = new FakeListerWatcher<CM>((_o, call) => lists[Math.min(call, 1)]!);
  const { clock, informer, start, stop } = setup(lw);
  const lines: string[] = [];
  informer.addEventHandler(recorder(lines));
  start();
  await lw.untilWatches(1);
  lw.current.modified(cm('gone', '11')).expire();
  await flush();
  clock.step(800);
  await lw.untilWatches(2);
  await flush();
  assert.deepEqual(lines, [
    'add keep (initial)',
    'add gone (initial)',
    'add changed (initial)',
    'update gone 2->11',
    'update keep 1->1',
    'update changed 3->15',
    'add new',
    'tombstone ns/gone @11',
  ]);
  assert.deepEqual(
    informer.lister
      .list()
      .map((o) => o.metadata.name)
      .sort(),
    ['changed', 'keep', 'new'],
  );
  await stop();
});

test('hasSynced turns true after the first list; waitForCacheSync and registrations agree', async () => {
  const lw = FakeListerWatcher.of([cm('a', '1'), cm('b', '2')], '5');
  const { informer, start, stop } = setup(lw);
  const lines: string[] = [];
  const reg = informer.addEventHandler(recorder(lines));
  assert.equal(informer.hasSynced(), false);
  const synced = waitForCacheSync(new AbortController().signal, informer);
  start();
  assert.equal(await synced, true);
  assert.equal(informer.hasSynced(), true);
  assert.equal(await reg.whenSynced(), true);
  assert.equal(reg.hasSynced(), true);
  assert.deepEqual(
    lines,
    ['add a (initial)', 'add b (initial)'],
    'the registration synced only after its initial adds',
  );
  assert.equal(informer.lastSyncResourceVersion(), '5');
  await stop();
});

test('waitForCacheSync gives up with false when its signal aborts', async () => {
  const lw = new FakeListerWatcher<CM>(() => {
    throw new Error('down');
  });
  const { informer, start, stop } = setup(lw);
  start();
  const ac = new AbortController();
  const p = waitForCacheSync(ac.signal, informer);
  ac.abort();
  assert.equal(await p, false);
  await stop();
});

test('a handler added late first gets the cached objects as initial adds, then live events', async () => {
  const lw = FakeListerWatcher.of([cm('a', '1')], '5');
  const { informer, start, stop } = setup(lw);
  start();
  await lw.untilWatches(1);
  const lines: string[] = [];
  informer.addEventHandler(recorder(lines, 'late '));
  lw.current.added(cm('b', '6'));
  await flush();
  assert.deepEqual(lines, ['late add a (initial)', 'late add b']);
  await stop();
});

test('a throwing handler does not stop other handlers or later events; removed handlers hear nothing', async () => {
  const lw = FakeListerWatcher.of<CM>([], '5');
  const { informer, start, stop } = setup(lw);
  const lines: string[] = [];
  informer.addEventHandler({
    onAdd: () => {
      throw new Error('handler bug');
    },
  });
  informer.addEventHandler(recorder(lines));
  const removed: string[] = [];
  const reg = informer.addEventHandler(recorder(removed));
  start();
  await lw.untilWatches(1);
  lw.current.added(cm('a', '6'));
  await flush();
  reg.remove();
  lw.current.added(cm('b', '7'));
  await flush();
  assert.deepEqual(lines, ['add a', 'add b']);
  assert.deepEqual(removed, ['add a']);
  await stop();
});

test('cached objects are frozen unless freezing is turned off', async () => {
  for (const freeze of [true, false]) {
    const lw = FakeListerWatcher.of([cm('a', '1', { k: 'v' })], '5');
    const { informer, start, stop } = setup(lw, { freeze });
    start();
    await informer.whenSynced();
    const o = informer.lister.get('ns/a')!;
    assert.equal(Object.isFrozen(o.data), freeze);
    await stop();
  }
});

test('resync re-delivers every cached object as update(obj, obj) to handlers whose period is due', async () => {
  const lw = FakeListerWatcher.of([cm('a', '1')], '5');
  const { clock, informer, start, stop } = setup(lw);
  const fast: string[] = [];
  const slow: string[] = [];
  const none: string[] = [];
  informer.addEventHandler(recorder(fast), { resyncPeriodMs: 1000 });
  informer.addEventHandler(recorder(slow), { resyncPeriodMs: 3000 });
  informer.addEventHandler(recorder(none));
  start();
  await lw.untilWatches(1);
  for (let i = 0; i < 3; i++) clock.step(1000);
  await flush();
  assert.deepEqual(
    fast.filter((l) => l.startsWith('update')),
    ['update a 1->1', 'update a 1->1', 'update a 1->1'],
  );
  assert.deepEqual(
    slow.filter((l) => l.startsWith('update')),
    ['update a 1->1'],
  );
  assert.deepEqual(none, ['add a (initial)']);
  await stop();
});

test('an informer runs once', async () => {
  const lw = FakeListerWatcher.of<CM>([], '1');
  const { informer, start, stop } = setup(lw);
  start();
  await assert.rejects(informer.run(new AbortController().signal), /already been started/);
  await stop();
});
