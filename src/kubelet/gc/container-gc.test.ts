import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../util/clock.js';
import { silentLogger } from '../../util/log.js';
import { FakeCriClient } from '../cri/fake-client.js';
import { containerLabels, sandboxLabels } from '../kuberuntime/labels.js';
import { ContainerGC, type ContainerGCPolicy } from './container-gc.js';

const IMAGE = 'busybox';

/** A runtime fixture: sandboxes and containers created one second apart so their ages differ. */
class Fixture {
  readonly clock = new FakeClock();
  readonly cri = new FakeCriClient({ clock: this.clock });
  private readonly names = new Map<string, string>();

  constructor() {
    this.cri.images.add(IMAGE);
  }

  async sandbox(uid: string, attempt = 0, name = `p-${uid}`): Promise<string> {
    this.clock.step(1000);
    const pod = { metadata: { name, namespace: 'default', uid } };
    const { pod_sandbox_id } = await this.cri.runPodSandbox({
      config: { metadata: { name, namespace: 'default', uid, attempt }, labels: sandboxLabels(pod) },
    });
    return pod_sandbox_id;
  }

  /** Creates a container; `dead` ones exit at once. Returns `<container>#<attempt>` → id in `names`. */
  async container(sandboxId: string, uid: string, name: string, attempt: number, dead: boolean): Promise<string> {
    this.clock.step(1000);
    const { container_id } = await this.cri.createContainer({
      pod_sandbox_id: sandboxId,
      config: {
        metadata: { name, attempt },
        image: { image: IMAGE },
        labels: containerLabels({ metadata: { name: `p-${uid}`, namespace: 'default', uid } }, name),
      },
    });
    await this.cri.startContainer({ container_id });
    if (dead) this.cri.exitContainer(container_id, 1);
    this.names.set(container_id, `${uid}/${name}#${attempt}`);
    return container_id;
  }

  /** The remaining containers, by their fixture names, sorted. */
  remaining(): string[] {
    return [...this.cri.containers.keys()].map((id) => this.names.get(id) ?? id).sort();
  }
}

test('container GC keeps the newest dead container per pod+container and removes older ones', async (t) => {
  const cases: { name: string; policy: Partial<ContainerGCPolicy>; want: string[] }[] = [
    { name: 'default policy keeps one dead per container', policy: {}, want: ['a/c#2', 'a/c#3', 'a/d#0'] },
    { name: 'maxPerPodContainer 2', policy: { maxPerPodContainer: 2 }, want: ['a/c#1', 'a/c#2', 'a/c#3', 'a/d#0'] },
    { name: 'maxPerPodContainer 0 keeps only running', policy: { maxPerPodContainer: 0 }, want: ['a/c#3'] },
    { name: 'negative limits keep everything', policy: { maxPerPodContainer: -1 }, want: ['a/c#0', 'a/c#1', 'a/c#2', 'a/c#3', 'a/d#0'] },
    { name: 'minAge protects young dead containers', policy: { minAgeMs: 1500 }, want: ['a/c#1', 'a/c#2', 'a/c#3', 'a/d#0'] },
    { name: 'maxContainers 1 removes the oldest across units', policy: { maxPerPodContainer: -1, maxContainers: 1 }, want: ['a/c#2', 'a/c#3'] },
  ];
  for (const tc of cases) {
    await t.test(tc.name, async () => {
      const f = new Fixture();
      const sb = await f.sandbox('a');
      await f.container(sb, 'a', 'c', 0, true);
      await f.container(sb, 'a', 'c', 1, true);
      await f.container(sb, 'a', 'd', 0, true);
      await f.container(sb, 'a', 'c', 2, true);
      await f.container(sb, 'a', 'c', 3, false);
      const gc = new ContainerGC({ cri: f.cri, podExists: () => true, policy: tc.policy, clock: f.clock, logger: silentLogger });
      await gc.garbageCollect();
      assert.deepEqual(f.remaining(), tc.want);
      // Idempotent: a second pass with nothing new changes nothing.
      await gc.garbageCollect();
      assert.deepEqual(f.remaining(), tc.want);
    });
  }
});

test('container GC removes everything dead of pods that no longer exist, and their sandboxes', async () => {
  const f = new Fixture();
  const gone = await f.sandbox('gone');
  await f.container(gone, 'gone', 'c', 0, true);
  await f.cri.stopPodSandbox({ pod_sandbox_id: gone });
  const oldLive = await f.sandbox('live', 0);
  await f.cri.stopPodSandbox({ pod_sandbox_id: oldLive });
  const newLive = await f.sandbox('live', 1);
  await f.container(newLive, 'live', 'c', 0, true);
  const gc = new ContainerGC({ cri: f.cri, podExists: (uid) => uid === 'live', clock: f.clock, logger: silentLogger });
  const r = await gc.garbageCollect();
  assert.deepEqual(f.remaining(), ['live/c#0']);
  assert.deepEqual([...f.cri.sandboxes.keys()], [newLive]);
  assert.deepEqual(r.sandboxes.sort(), [gone, oldLive].sort());
});

test('container GC keeps the newest sandbox of an existing pod even when it is not ready', async () => {
  const f = new Fixture();
  const a = await f.sandbox('p', 0);
  const b = await f.sandbox('p', 1);
  await f.cri.stopPodSandbox({ pod_sandbox_id: a });
  await f.cri.stopPodSandbox({ pod_sandbox_id: b });
  const gc = new ContainerGC({ cri: f.cri, podExists: () => true, clock: f.clock, logger: silentLogger });
  await gc.garbageCollect();
  assert.deepEqual([...f.cri.sandboxes.keys()], [b]);
});

test('container GC treats nothing as gone before the pod source synced', async () => {
  const f = new Fixture();
  const sb = await f.sandbox('x');
  await f.container(sb, 'x', 'c', 0, true);
  await f.cri.stopPodSandbox({ pod_sandbox_id: sb });
  const gc = new ContainerGC({ cri: f.cri, podExists: () => false, allSourcesReady: () => false, clock: f.clock, logger: silentLogger });
  await gc.garbageCollect();
  assert.deepEqual(f.remaining(), ['x/c#0']);
  assert.equal(f.cri.sandboxes.size, 1);
});

test('deleteAllUnusedContainers also removes everything dead of finished pods, but no running container', async () => {
  const f = new Fixture();
  const sb = await f.sandbox('a');
  await f.container(sb, 'a', 'c', 0, true);
  await f.container(sb, 'a', 'c', 1, false);
  const done = await f.sandbox('done');
  await f.container(done, 'done', 'c', 0, true);
  await f.cri.stopPodSandbox({ pod_sandbox_id: done });
  const gc = new ContainerGC({
    cri: f.cri,
    podExists: () => true,
    podTerminated: (uid) => uid === 'done',
    clock: f.clock,
    logger: silentLogger,
  });
  await gc.garbageCollect();
  assert.deepEqual(f.remaining(), ['a/c#0', 'a/c#1', 'done/c#0']);
  await gc.deleteAllUnusedContainers();
  assert.deepEqual(f.remaining(), ['a/c#0', 'a/c#1']);
  assert.deepEqual([...f.cri.sandboxes.keys()], [sb]);
});

test('container GC removes the log directories of pods that no longer exist', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'k8ts-gc-'));
  try {
    for (const d of ['default_web_uid-live', 'default_old_uid-gone', 'not-a-pod-dir']) {
      await mkdir(join(dir, d, 'c'), { recursive: true });
      await writeFile(join(dir, d, 'c', '0.log'), 'x');
    }
    const f = new Fixture();
    const gc = new ContainerGC({
      cri: f.cri,
      podExists: (uid) => uid === 'uid-live',
      podLogsDir: dir,
      clock: f.clock,
      logger: silentLogger,
    });
    const r = await gc.garbageCollect();
    assert.deepEqual(r.logDirs, ['default_old_uid-gone']);
    assert.deepEqual((await readdir(dir)).sort(), ['default_web_uid-live', 'not-a-pod-dir']);
    // A missing log dir is not an error.
    await rm(dir, { recursive: true, force: true });
    assert.deepEqual((await gc.garbageCollect()).logDirs, []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('container GC run loop collects every period until aborted', async () => {
  const f = new Fixture();
  const gc = new ContainerGC({ cri: f.cri, podExists: () => true, clock: f.clock, logger: silentLogger, periodMs: 60_000 });
  const ac = new AbortController();
  const done = gc.run(ac.signal);
  const lists = () => f.cri.requestsOf('ListPodSandbox').length;
  await new Promise((r) => setImmediate(r));
  assert.equal(lists(), 1);
  f.clock.step(60_000);
  await new Promise((r) => setImmediate(r));
  assert.equal(lists(), 2);
  ac.abort();
  await done;
  assert.equal(f.clock.pendingTimers(), 0);
});
