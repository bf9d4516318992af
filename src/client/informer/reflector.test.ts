import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expired, tooManyRequests } from '../../apimachinery/errors.js';
import { FakeClock } from '../../util/clock.js';
import { FakeListerWatcher } from '../testing/fake-list-watch.js';
import { flush } from '../testing/flush.js';
import type { KubeObject, ObjectList } from '../rest/types.js';
import { Reflector, type ReflectorStore } from './reflector.js';

const cm = (name: string, rv: string): KubeObject => ({ metadata: { namespace: 'ns', name, resourceVersion: rv } });

/** Records what the reflector tells the store, one line per call. */
class RecordingStore implements ReflectorStore<KubeObject> {
  readonly calls: string[] = [];
  add(o: KubeObject) {
    this.calls.push(`add ${o.metadata!.name}`);
  }
  update(o: KubeObject) {
    this.calls.push(`update ${o.metadata!.name}`);
  }
  delete(o: KubeObject) {
    this.calls.push(`delete ${o.metadata!.name}`);
  }
  replace(objs: KubeObject[], rv: string) {
    this.calls.push(`replace [${objs.map((o) => o.metadata!.name).join(',')}] @${rv}`);
  }
  resync() {
    this.calls.push('resync');
  }
}

function setup(lw: FakeListerWatcher<KubeObject>, extra: { resyncPeriodMs?: number } = {}) {
  const clock = new FakeClock(0);
  const store = new RecordingStore();
  const reflector = new Reflector<KubeObject>({
    name: 'configmaps',
    listerWatcher: lw,
    store,
    clock,
    random: () => 0,
    ...extra,
  });
  const ac = new AbortController();
  const done = reflector.run(ac.signal);
  const stop = async () => {
    ac.abort();
    await done;
  };
  return { clock, store, reflector, stop };
}

test('lists at resourceVersion 0, then watches from the list RV with bookmarks allowed', async () => {
  const lw = FakeListerWatcher.of([cm('a', '5')], '10');
  const { store, reflector, stop } = setup(lw);
  await lw.untilWatches(1);
  assert.deepEqual(lw.listCalls, [{ resourceVersion: '0', limit: 500 }]);
  const { signal: _s, ...watchOpts } = lw.current.options;
  assert.deepEqual(watchOpts, { resourceVersion: '10', timeoutSeconds: 300, allowWatchBookmarks: true });
  lw.current.added(cm('b', '11')).modified(cm('a', '12')).deleted(cm('b', '13'));
  await flush();
  assert.deepEqual(store.calls, ['replace [a] @10', 'add b', 'update a', 'delete b']);
  assert.equal(reflector.lastSyncResourceVersion(), '13');
  await stop();
  assert.equal(lw.current.closed, true, 'the watch is closed on stop');
});

test('bookmarks advance the resourceVersion; a watch that ends is resumed from it without a relist', async () => {
  const lw = FakeListerWatcher.of<KubeObject>([], '10');
  const { store, reflector, stop } = setup(lw);
  await lw.untilWatches(1);
  lw.current.bookmark('42');
  await flush();
  assert.equal(reflector.lastSyncResourceVersion(), '42');
  lw.current.end();
  await lw.untilWatches(2);
  assert.equal(lw.current.options.resourceVersion, '42');
  assert.equal(lw.listCalls.length, 1);
  assert.deepEqual(store.calls, ['replace [] @10'], 'bookmarks reach no handler');
  await stop();
});

test('410 on the watch relists from the last RV after back-off; an expired relist falls back to a consistent list', async () => {
  const lists: { rv?: string }[] = [];
  const lw = new FakeListerWatcher<KubeObject>((opts, call) => {
    lists.push({ rv: opts.resourceVersion });
    if (call === 1) throw expired('too old resource version: 12 (20)');
    return {
      metadata: { resourceVersion: call === 0 ? '10' : '30' },
      items: [cm('x', call === 0 ? '10' : '25')],
    } satisfies ObjectList<KubeObject>;
  });
  const { clock, store, reflector, stop } = setup(lw);
  await lw.untilWatches(1);
  lw.current.modified(cm('x', '12')).expire();
  await flush();
  assert.equal(lw.listCalls.length, 1, 'waits for the back-off before relisting');
  clock.step(800);
  await lw.untilWatches(2);
  assert.deepEqual(lists, [{ rv: '0' }, { rv: '12' }, { rv: undefined }]);
  assert.equal(lw.listCalls[1]!.limit, undefined, 'a list at a specific RV is not paged (served from the cache)');
  assert.equal(lw.listCalls[2]!.limit, 500);
  assert.equal(lw.current.options.resourceVersion, '30');
  assert.equal(reflector.lastSyncResourceVersion(), '30');
  assert.deepEqual(store.calls, ['replace [x] @10', 'update x', 'replace [x] @30']);
  await stop();
});

test('a 410 thrown when opening the watch is handled like an ERROR event', async () => {
  const lw = FakeListerWatcher.of<KubeObject>([], '10');
  lw.watchErrors.push(expired('gone'));
  const { clock, stop } = setup(lw);
  await lw.untilWatches(1);
  await flush();
  clock.step(800);
  await lw.untilWatches(2);
  assert.equal(lw.listCalls.length, 2);
  await stop();
});

test('429 on the watch backs off and re-watches from the same RV without relisting', async () => {
  const lw = FakeListerWatcher.of<KubeObject>([], '10');
  lw.watchErrors.push(tooManyRequests(1));
  const { clock, stop } = setup(lw);
  await lw.untilWatches(1);
  await flush();
  clock.step(800);
  await lw.untilWatches(2);
  assert.equal(lw.listCalls.length, 1);
  assert.equal(lw.current.options.resourceVersion, '10');
  await stop();
});

test('a watch that closes at once with no events relists after back-off instead of spinning', async () => {
  const lw = FakeListerWatcher.of<KubeObject>([], '10');
  const { clock, stop } = setup(lw);
  await lw.untilWatches(1);
  lw.current.end();
  await flush();
  assert.equal(lw.watches.length, 1);
  clock.step(800);
  await lw.untilWatches(2);
  assert.equal(lw.listCalls.length, 2);
  await stop();
});

test('a broken stream after events resumes from the last RV', async () => {
  const lw = FakeListerWatcher.of<KubeObject>([], '10');
  const { stop } = setup(lw);
  await lw.untilWatches(1);
  lw.current.added(cm('a', '11'));
  lw.current.fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
  await lw.untilWatches(2);
  assert.equal(lw.current.options.resourceVersion, '11');
  assert.equal(lw.listCalls.length, 1);
  await stop();
});

test('paged lists follow continue tokens without a resourceVersion and apply one replace', async () => {
  const pages: Record<string, ObjectList<KubeObject>> = {
    '': { metadata: { continue: 'p2' }, items: [cm('a', '1')] },
    p2: { metadata: { continue: 'p3' }, items: [cm('b', '2')] },
    p3: { metadata: { resourceVersion: '9' }, items: [cm('c', '3')] },
  };
  const lw = new FakeListerWatcher<KubeObject>((opts) => pages[opts.continue ?? '']!);
  const { store, stop } = setup(lw);
  await lw.untilWatches(1);
  assert.deepEqual(lw.listCalls, [
    { resourceVersion: '0', limit: 500 },
    { limit: 500, continue: 'p2' },
    { limit: 500, continue: 'p3' },
  ]);
  assert.deepEqual(store.calls, ['replace [a,b,c] @9']);
  await stop();
});

test('list failures are retried with growing back-off', async () => {
  let fail = 2;
  const lw = new FakeListerWatcher<KubeObject>(() => {
    if (fail-- > 0) throw new Error('connection refused');
    return { metadata: { resourceVersion: '1' }, items: [] };
  });
  const { clock, stop } = setup(lw);
  await lw.untilLists(1);
  await flush();
  clock.step(800);
  await lw.untilLists(2);
  await flush();
  clock.step(1599);
  await flush();
  assert.equal(lw.listCalls.length, 2);
  clock.step(1);
  await lw.untilWatches(1);
  assert.equal(lw.listCalls.length, 3);
  await stop();
});

test('resync asks the store to resync every period while watching, when shouldResync agrees', async () => {
  const lw = FakeListerWatcher.of<KubeObject>([], '1');
  const { clock, store, stop } = setup(lw, { resyncPeriodMs: 1000 });
  await lw.untilWatches(1);
  clock.step(3000);
  assert.deepEqual(store.calls.filter((c) => c === 'resync').length, 3);
  await stop();
  assert.equal(clock.pendingTimers(), 0, 'no timers left after stop');
});
