import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../util/clock.js';
import { silentLogger, type Logger } from '../../util/log.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { StaticPodFileSource } from './file-source.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'k8ts-static-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const manifest = (name: string, image = 'busybox') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers: [{name: c, image: ${image}}]\n`;

function recordingLogger(): Logger & { errors: Record<string, unknown>[] } {
  const errors: Record<string, unknown>[] = [];
  return {
    ...silentLogger,
    errors,
    error: (_m, f) => errors.push(f ?? {}),
    child: () => recordingLogger(),
  } as Logger & { errors: Record<string, unknown>[] };
}

test('scan reads every manifest, skipping dotfiles, subdirectories and bad files (logged by name)', async () => {
  const d = await mkdtemp(join(dir, 'scan-'));
  await writeFile(join(d, 'a.yaml'), manifest('a'));
  await writeFile(
    join(d, 'b.json'),
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'b' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    }),
  );
  await writeFile(join(d, '.hidden.yaml'), manifest('hidden'));
  await mkdir(join(d, 'sub'));
  await writeFile(join(d, 'sub', 'c.yaml'), manifest('c'));
  await writeFile(join(d, 'broken.yaml'), 'kind: [');
  await writeFile(join(d, 'svc.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {}\n');
  const logger = recordingLogger();
  const src = new StaticPodFileSource({ dir: d, nodeName: 'n1', clock: new FakeClock(0), logger, watch: false });
  const pods = await src.scan();
  assert.deepEqual(
    pods.map((p) => p.metadata.name),
    ['a-n1', 'b-n1'],
  );
  assert.deepEqual(logger.errors.map((f) => f.file).sort(), [join(d, 'broken.yaml'), join(d, 'svc.yaml')]);
  await src.scan();
  assert.equal(logger.errors.length, 2, 'an unchanged bad file is logged once');
});

test('handlers see the set only when it changed; config.seen stays while the uid does', async () => {
  const d = await mkdtemp(join(dir, 'update-'));
  const clock = new FakeClock(Date.parse('2026-11-23T10:00:00Z'));
  const src = new StaticPodFileSource({ dir: d, nodeName: 'n1', clock, logger: silentLogger, watch: false });
  const seen: (readonly ApiPod[])[] = [];
  src.onUpdate((pods) => seen.push(pods));
  const steps = [
    { name: 'empty dir', act: async () => undefined, calls: 0 },
    { name: 'add', act: () => writeFile(join(d, 'a.yaml'), manifest('a')), calls: 1 },
    { name: 'rescan later', act: async () => clock.step(60_000), calls: 1 },
    { name: 'edit', act: () => writeFile(join(d, 'a.yaml'), manifest('a', 'nginx')), calls: 2 },
    { name: 'remove', act: () => rm(join(d, 'a.yaml')), calls: 3 },
  ];
  for (const s of steps) {
    await s.act();
    await src.scan();
    assert.equal(seen.length, s.calls, s.name);
  }
  assert.equal(seen[0]![0]!.metadata.annotations?.['kubernetes.io/config.seen'], '2026-11-23T10:00:00.000Z');
  assert.equal(
    seen[1]![0]!.metadata.annotations?.['kubernetes.io/config.seen'],
    '2026-11-23T10:01:00.000Z',
    'a new uid is seen anew',
  );
  assert.notEqual(seen[0]![0]!.metadata.uid, seen[1]![0]!.metadata.uid);
  assert.deepEqual(seen[2], []);
});

test('a missing directory is an empty set', async () => {
  const src = new StaticPodFileSource({
    dir: join(dir, 'nope'),
    nodeName: 'n1',
    clock: new FakeClock(0),
    logger: silentLogger,
    watch: false,
  });
  assert.deepEqual(await src.scan(), []);
});

test('run rescans every period on the injected clock', async () => {
  const d = await mkdtemp(join(dir, 'period-'));
  const clock = new FakeClock(0);
  const src = new StaticPodFileSource({
    dir: d,
    nodeName: 'n1',
    clock,
    logger: silentLogger,
    periodMs: 1000,
    watch: false,
  });
  const updates: number[] = [];
  src.onUpdate((pods) => updates.push(pods.length));
  const ac = new AbortController();
  const running = src.run(ac.signal);
  try {
    await writeFile(join(d, 'a.yaml'), manifest('a'));
    // The scan does real file I/O: yield to it (bounded) between steps of the fake clock.
    for (let i = 0; i < 200 && updates.length === 0; i++) {
      clock.step(1000);
      await new Promise<void>((r) => setTimeout(r, 10));
    }
    assert.deepEqual(updates, [1]);
  } finally {
    ac.abort();
    await running;
  }
});

test('run notices a new manifest through fs.watch without waiting for the period', async () => {
  const d = await mkdtemp(join(dir, 'watch-'));
  const clock = new FakeClock(0); // never stepped: only the watch can trigger the second scan
  const src = new StaticPodFileSource({ dir: d, nodeName: 'n1', clock, logger: silentLogger, periodMs: 3_600_000 });
  const ac = new AbortController();
  let resolveUpdate!: (n: number) => void;
  const updated = new Promise<number>((r) => (resolveUpdate = r));
  src.onUpdate((pods) => resolveUpdate(pods.length));
  const running = src.run(ac.signal);
  try {
    await new Promise<void>((r) => setImmediate(r));
    await writeFile(join(d, 'a.yaml'), manifest('a'));
    const timeout = new Promise<string>((r) => setTimeout(() => r('timeout'), 5000).unref());
    assert.equal(await Promise.race([updated, timeout]), 1);
  } finally {
    ac.abort();
    await running;
  }
});
