import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { silentLogger } from '../../util/log.js';
import { FakeCriClient } from '../cri/fake-client.js';
import type { FsStats } from './fs-stats.js';
import { ImageGCManager, validateImageGCPolicy, defaultImageGCPolicy, type ImageGCPolicy } from './image-gc.js';

const MB = 1_000_000;
const PAUSE = 'registry.k8s.io/pause:3.10';

/**
 * A runtime whose image filesystem is 100 MB with `other` MB used by things that are not images, so usage
 * moves with the images present.
 */
function fixture(other: number) {
  const clock = new FakeClock();
  const cri = new FakeCriClient({ clock });
  const fs = async (): Promise<FsStats> => ({
    capacityBytes: 100 * MB,
    availableBytes: 100 * MB - other * MB - cri.images.totalSize(),
    inodes: 1000,
    inodesFree: 500,
  });
  const events: string[] = [];
  const gc = (policy: Partial<ImageGCPolicy> = {}) =>
    new ImageGCManager({
      cri,
      imageFsStats: fs,
      pinnedImages: [PAUSE],
      policy,
      nodeEvent: (type, reason, message) => events.push(`${type} ${reason} ${message}`),
      clock,
      logger: silentLogger,
    });
  return { clock, cri, gc, events };
}

/** Starts a container from `image` in a fresh sandbox; `running` false leaves it exited. */
async function useImage(cri: FakeCriClient, image: string, running: boolean): Promise<void> {
  const uid = `u-${image.replace(/\W/g, '')}`;
  const { pod_sandbox_id } = await cri.runPodSandbox({ config: { metadata: { name: uid, namespace: 'default', uid } } });
  const { container_id } = await cri.createContainer({ pod_sandbox_id, config: { metadata: { name: 'c' }, image: { image } } });
  await cri.startContainer({ container_id });
  if (!running) cri.exitContainer(container_id, 0);
}

const names = (cri: FakeCriClient) => cri.images.list('').map((i) => i.repo_tags[0]).sort();

test('image GC frees least recently used unused images down to the low threshold', async () => {
  // 68 MB other + 6 images of 4 MB = 92% used; the low threshold (80%) needs 12 MB freed: 3 images.
  const f = fixture(68);
  f.cri.images.add(PAUSE, { size: 4 * MB });
  for (const n of ['a', 'b', 'c', 'd', 'e']) {
    f.cri.images.add(`docker.io/library/${n}:1`, { size: 4 * MB });
    f.clock.step(1000);
  }
  const gc = f.gc();
  // 'a' and 'c' were used a while ago; 'e' is used by a dead container, so it is in use.
  await useImage(f.cri, 'docker.io/library/a:1', false);
  await useImage(f.cri, 'docker.io/library/c:1', true);
  await gc.detectImages(f.clock.now());
  for (const id of [...f.cri.containers.keys()]) await f.cri.removeContainer({ container_id: id });
  await useImage(f.cri, 'docker.io/library/e:1', false);
  f.clock.step(10 * 60_000);
  const r = await gc.garbageCollect();
  // Never used (b, d) go before the least recently used (a); c is next in line; e and pause stay.
  assert.equal(r.freedBytes, 12 * MB);
  assert.deepEqual(names(f.cri), ['docker.io/library/c:1', 'docker.io/library/e:1', PAUSE]);
  assert.deepEqual(f.events, []);
});

test('image GC does nothing below the high threshold', async () => {
  const f = fixture(50);
  f.cri.images.add('docker.io/library/a:1', { size: 10 * MB });
  f.clock.step(10 * 60_000);
  const r = await f.gc().garbageCollect();
  assert.deepEqual(r, { removed: [], freedBytes: 0 });
  assert.equal(f.cri.requestsOf('RemoveImage').length, 0);
});

test('image GC keeps in-use, pinned and young images and reports what it could not free', async () => {
  const f = fixture(80);
  f.cri.images.add(PAUSE, { size: 5 * MB });
  f.cri.images.add('docker.io/library/used:1', { size: 5 * MB });
  f.cri.images.add('docker.io/library/old:1', { size: 2 * MB });
  const gc = f.gc();
  await gc.detectImages(f.clock.now());
  f.clock.step(10 * 60_000);
  f.cri.images.add('docker.io/library/young:1', { size: 5 * MB });
  await useImage(f.cri, 'docker.io/library/used:1', true);
  await assert.rejects(gc.garbageCollect(), /Attempted to free 17000000 bytes, but only found 2000000 bytes eligible to free/);
  assert.deepEqual(names(f.cri), ['docker.io/library/used:1', 'docker.io/library/young:1', PAUSE]);
  assert.equal(f.events.length, 1);
  assert.match(f.events[0]!, /^Warning FreeDiskSpaceFailed Failed to garbage collect required amount of images/);
});

test('an image pinned by the runtime is never removed', async () => {
  const f = fixture(90);
  f.cri.images.add('docker.io/library/pinned:1', { size: 5 * MB }).pinned = true;
  f.clock.step(10 * 60_000);
  await assert.rejects(f.gc().garbageCollect(), /only found 0 bytes/);
  assert.deepEqual(names(f.cri), ['docker.io/library/pinned:1']);
});

test('deleteUnusedImages removes every unused image old enough, whatever the usage', async () => {
  const f = fixture(0);
  f.cri.images.add(PAUSE);
  f.cri.images.add('docker.io/library/a:1');
  f.cri.images.add('docker.io/library/b:1');
  await useImage(f.cri, 'docker.io/library/b:1', true);
  const gc = f.gc();
  await gc.detectImages(f.clock.now());
  f.clock.step(3 * 60_000);
  const r = await gc.deleteUnusedImages();
  assert.equal(r.removed.length, 1);
  assert.deepEqual(names(f.cri), ['docker.io/library/b:1', PAUSE]);
});

test('maxAge removes images unused for longer than it, whatever the usage', async () => {
  const f = fixture(0);
  f.cri.images.add('docker.io/library/a:1');
  await useImage(f.cri, 'docker.io/library/a:1', true);
  const gc = f.gc({ maxAgeMs: 60 * 60_000 });
  await gc.garbageCollect();
  for (const id of [...f.cri.containers.keys()]) await f.cri.removeContainer({ container_id: id });
  f.clock.step(30 * 60_000);
  await gc.garbageCollect();
  assert.equal(names(f.cri).length, 1);
  f.clock.step(31 * 60_000);
  await gc.garbageCollect();
  assert.deepEqual(names(f.cri), []);
});

test('image GC policy validation names the flag', () => {
  const cases: { name: string; policy: Partial<ImageGCPolicy>; want: RegExp | undefined }[] = [
    { name: 'defaults', policy: {}, want: undefined },
    { name: 'high over 100', policy: { highThresholdPercent: 101 }, want: /--image-gc-high-threshold 101, must be in range \[0-100\]/ },
    { name: 'negative low', policy: { lowThresholdPercent: -1 }, want: /--image-gc-low-threshold -1/ },
    { name: 'low above high', policy: { lowThresholdPercent: 90 }, want: /--image-gc-low-threshold 90 can not be higher than --image-gc-high-threshold 85/ },
  ];
  for (const tc of cases) {
    const run = () => validateImageGCPolicy({ ...defaultImageGCPolicy, ...tc.policy });
    if (tc.want) assert.throws(run, tc.want, tc.name);
    else assert.doesNotThrow(run, tc.name);
  }
});

test('image GC run is a no-op when the high threshold is 100, and events only repeated failures', async () => {
  const f = fixture(99);
  const ac = new AbortController();
  await f.gc({ highThresholdPercent: 100 }).run(ac.signal);
  assert.equal(f.cri.calls.length, 0);

  f.cri.images.add('docker.io/library/young:1', { size: MB });
  const done = f.gc({ lowThresholdPercent: 50 }).run(ac.signal);
  const tick = () => new Promise((r) => setImmediate(r));
  await tick();
  assert.deepEqual(f.events.map((e) => e.split(' ')[1]), ['FreeDiskSpaceFailed']);
  f.clock.step(5 * 60_000);
  await tick();
  assert.deepEqual(f.events.map((e) => e.split(' ')[1]), ['FreeDiskSpaceFailed', 'FreeDiskSpaceFailed', 'ImageGCFailed']);
  ac.abort();
  await done;
  assert.equal(f.clock.pendingTimers(), 0);
});
