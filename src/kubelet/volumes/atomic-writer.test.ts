import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { lstat, mkdir, readdir, readFile, readlink, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FakeClock } from '../../util/clock.js';
import {
  AtomicWriter,
  DATA_DIR_NAME,
  invalidPayloadPath,
  timestampDirPrefix,
  type FileProjection,
} from './atomic-writer.js';
import { tempDir } from './fakes.js';

const work = await tempDir();
after(() => work.cleanup());

let seq = 0;
async function newTarget(): Promise<string> {
  const dir = path.join(work.dir, `t${seq++}`);
  await mkdir(dir);
  return dir;
}

function payload(entries: Record<string, string | FileProjection>): Map<string, FileProjection> {
  return new Map(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? { data: v, mode: 0o644 } : v]));
}

test('timestamped directory names follow upstream format', () => {
  assert.equal(timestampDirPrefix(Date.UTC(2026, 10, 23, 13, 2, 1, 123)), '..2026_11_23_13_02_01.');
});

test('a first write publishes a timestamped dir, ..data and user-visible links', async () => {
  const dir = await newTarget();
  const clock = new FakeClock(Date.UTC(2026, 10, 23, 13, 2, 1));
  const w = new AtomicWriter(dir, { clock, randomSuffix: () => '123456789' });
  assert.equal(await w.write(payload({ a: 'A', 'sub/b': { data: 'B', mode: 0o600 } })), true);
  assert.deepEqual((await readdir(dir)).sort(), ['..2026_11_23_13_02_01.123456789', '..data', 'a', 'sub']);
  assert.equal(await readlink(path.join(dir, DATA_DIR_NAME)), '..2026_11_23_13_02_01.123456789');
  assert.equal(await readlink(path.join(dir, 'a')), '..data/a');
  assert.equal(await readlink(path.join(dir, 'sub')), '..data/sub');
  assert.equal(await readFile(path.join(dir, 'sub', 'b'), 'utf8'), 'B');
  assert.equal((await stat(path.join(dir, 'sub', 'b'))).mode & 0o777, 0o600);
  assert.equal((await stat(path.join(dir, 'a'))).mode & 0o777, 0o644);
  assert.equal((await stat(path.join(dir, '..2026_11_23_13_02_01.123456789'))).mode & 0o777, 0o755);
});

test('writes are idempotent, updates swap versions and prune old names', async () => {
  const dir = await newTarget();
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  let n = 0;
  const w = new AtomicWriter(dir, { clock, randomSuffix: () => String(++n) });
  const cases: { name: string; files: Record<string, string>; wrote: boolean; visible: string[] }[] = [
    { name: 'initial', files: { a: '1', b: '1' }, wrote: true, visible: ['a', 'b'] },
    { name: 'unchanged', files: { a: '1', b: '1' }, wrote: false, visible: ['a', 'b'] },
    { name: 'changed value', files: { a: '2', b: '1' }, wrote: true, visible: ['a', 'b'] },
    { name: 'key removed', files: { a: '2' }, wrote: true, visible: ['a'] },
    { name: 'key added', files: { a: '2', c: '3' }, wrote: true, visible: ['a', 'c'] },
    { name: 'emptied', files: {}, wrote: true, visible: [] },
  ];
  for (const c of cases) {
    clock.step(1000);
    assert.equal(await w.write(payload(c.files)), c.wrote, c.name);
    const names = await readdir(dir);
    assert.deepEqual(names.filter((x) => !x.startsWith('..')).sort(), c.visible, c.name);
    assert.equal(names.filter((x) => /^\.\.\d{4}_/.test(x)).length, 1, `${c.name}: exactly one data version`);
    for (const [k, v] of Object.entries(c.files)) assert.equal(await readFile(path.join(dir, k), 'utf8'), v, c.name);
  }
});

test('a deleted user-visible link is recreated even when the data is current', async () => {
  const dir = await newTarget();
  const w = new AtomicWriter(dir);
  await w.write(payload({ a: 'A' }));
  await unlink(path.join(dir, 'a'));
  assert.equal(await w.write(payload({ a: 'A' })), false);
  assert.equal(await readFile(path.join(dir, 'a'), 'utf8'), 'A');
});

test('setPerms runs on the new version before it is visible', async () => {
  const dir = await newTarget();
  const w = new AtomicWriter(dir);
  const seen: string[] = [];
  await w.write(payload({ a: 'A' }), async (tsDirName) => {
    seen.push(tsDirName);
    await assert.rejects(lstat(path.join(dir, 'a')), /ENOENT/, 'not yet published');
  });
  assert.equal(seen.length, 1);
  assert.equal(await readlink(path.join(dir, DATA_DIR_NAME)), seen[0]);
});

test('invalid payload paths are refused with upstream messages', async () => {
  const cases = [
    { p: '', want: 'invalid path: must not be empty: ""' },
    { p: '/abs', want: 'invalid path: must be relative path: /abs' },
    { p: 'a/../b', want: "invalid path: must not contain '..': a/../b" },
    { p: '..data', want: "invalid path: must not start with '..': ..data" },
    { p: 'x'.repeat(256), want: 'invalid path: filenames must be less than or equal to 255 characters' },
    { p: 'ok/name', want: undefined },
  ];
  for (const c of cases) assert.equal(invalidPayloadPath(c.p), c.want, c.p);
  const dir = await newTarget();
  await assert.rejects(new AtomicWriter(dir).write(payload({ '../escape': 'x' })), /must not contain/);
  assert.deepEqual(await readdir(dir), [], 'nothing written');
});

// The reader runs on its own thread with synchronous reads, so it really races the writer's renames.
const READER = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const shared = new Int32Array(workerData.shared); // [stop, reads]
const versions = new Set(workerData.versions);
let reads = 0, torn = 0, missing = 0, mixed = 0;
parentPort.postMessage('ready');
while (Atomics.load(shared, 0) === 0) {
  try {
    const a = fs.readFileSync(path.join(workerData.dir, 'a'), 'latin1');
    reads++;
    Atomics.add(shared, 1, 1);
    if (!versions.has(a)) torn++;
  } catch (e) { missing++; }
  // A consistent snapshot: both files through one resolution of ..data must be the same version.
  try {
    const ts = fs.readlinkSync(path.join(workerData.dir, '..data'));
    const a = fs.readFileSync(path.join(workerData.dir, ts, 'a'), 'latin1');
    const b = fs.readFileSync(path.join(workerData.dir, ts, 'b'), 'latin1');
    if (a[0] !== b[0]) mixed++;
  } catch (e) { /* the old version was removed between readlink and read: retried next round */ }
}
parentPort.postMessage({ reads, torn, missing, mixed });
`;

test('a concurrent reader never sees a half-written or mixed state', async () => {
  const dir = await newTarget();
  const w = new AtomicWriter(dir);
  // Large values make a torn write observable: every version is one repeated character.
  const version = (ch: string) => ch.repeat(256 * 1024);
  const letters = ['x', 'y', 'z'];
  await w.write(payload({ a: version('x'), b: version('x') }));
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(READER, {
    eval: true,
    workerData: { dir, shared: shared.buffer, versions: letters.map(version) },
  });
  const messages: unknown[] = [];
  let onMessage: () => void = () => undefined;
  worker.on('message', (m) => {
    messages.push(m);
    onMessage();
  });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      if (messages.length) return resolve(messages.shift());
      onMessage = () => resolve(messages.shift());
      worker.once('error', reject);
    });
  assert.equal(await next(), 'ready');
  const readsBefore = Atomics.load(shared, 1);
  for (let i = 0; i < 60; i++) {
    const ch = letters[i % letters.length]!;
    await w.write(payload({ a: version(ch), b: version(ch) }));
  }
  const readsDuring = Atomics.load(shared, 1) - readsBefore;
  Atomics.store(shared, 0, 1);
  const r = (await next()) as { reads: number; torn: number; missing: number; mixed: number };
  await worker.terminate();
  assert.ok(readsDuring > 10, `the reader raced the writer (${readsDuring} reads during the writes)`);
  assert.equal(r.torn, 0, 'no partial file contents');
  assert.equal(r.missing, 0, 'the file never disappeared');
  assert.equal(r.mixed, 0, 'files of one version always belong together');
});
