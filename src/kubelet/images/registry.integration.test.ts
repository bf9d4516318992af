/**
 * The local registry as containerd's mirror: images pushed there are pulled by their docker.io (and
 * registry.k8s.io) names, and a pull of an image the mirror lacks fails at the mirror instead of going to
 * the internet.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isNotFound } from '../cri/errors.js';
import { killShims, unmountUnder } from '../containerd/cleanup.js';
import { startContainerd, type ContainerdHandle } from '../containerd/supervisor.js';
import { buildLocalImages, PAUSE_IMAGE, type LocalImageArchive } from './catalog.js';
import { pushOciArchive } from './push.js';
import { startRegistry, type LocalRegistry } from './registry.js';

let dir: string;
let registry: LocalRegistry | undefined;
let ctd: ContainerdHandle | undefined;
let archives: LocalImageArchive[];

before(async () => {
  dir = await mkdtemp('/tmp/k8ts-reg-it-');
  registry = await startRegistry({ dataDir: join(dir, 'registry') });
  ctd = await startContainerd({ dataDir: join(dir, 'containerd'), registryMirror: registry.address });
  archives = await buildLocalImages(join(dir, 'images'), { only: ['busybox', 'pause'] });
});

after(async () => {
  await ctd?.stop().catch(() => undefined);
  if (ctd) await killShims(ctd.socket);
  await registry?.stop().catch(() => undefined);
  await unmountUnder(dir);
  await rm(dir, { recursive: true, force: true });
});

const archive = (name: string) => archives.find((a) => a.name === name)!.file;
const registryLog = () => readFile(join(dir, 'registry', 'registry.log'), 'utf8');

test('an image the mirror lacks fails to pull with NOT_FOUND, asked of the mirror only', async () => {
  const started = Date.now();
  await assert.rejects(ctd!.cri.pullImage({ image: { image: 'busybox:latest' } }), isNotFound);
  assert.ok(Date.now() - started < 10_000, 'no slow fall-through to another registry');
  // containerd names the registry it stands in for (?ns=docker.io): the mirror answered, nothing else was asked.
  assert.match(await registryLog(), /HEAD \/v2\/library\/busybox\/manifests\/latest\?ns=docker\.io HTTP\/1\.1" 404/);
});

test('busybox pushed with skopeo is pulled by its docker.io name through the mirror', async (t) => {
  const pushed = await pushOciArchive({ file: archive('busybox'), registry: registry!.address, method: 'skopeo' });
  assert.deepEqual(pushed, [
    `${registry!.address}/library/busybox:latest`,
    `${registry!.address}/library/busybox:1.36`,
  ]);
  const t0 = performance.now();
  const { image_ref } = await ctd!.cri.pullImage({ image: { image: 'busybox:latest' } });
  t.diagnostic(`PullImage busybox:latest ${(performance.now() - t0).toFixed(0)} ms`);
  const st = await ctd!.cri.imageStatus({ image: { image: 'docker.io/library/busybox:latest' } });
  assert.equal(st.image?.id, image_ref);
  assert.ok(st.image?.repo_tags.includes('docker.io/library/busybox:latest'));
  const log = await registryLog();
  assert.match(
    log,
    /(?:HEAD|GET) \/v2\/library\/busybox\/manifests\/latest\?ns=docker\.io HTTP\/1\.1" 200 .*containerd/,
  );
  assert.match(log, /GET \/v2\/library\/busybox\/blobs\/sha256:/);
});

test('the pause image pushed natively is pulled by its registry.k8s.io name through the mirror', async () => {
  const pushed = await pushOciArchive({ file: archive('pause'), registry: registry!.address, method: 'native' });
  assert.deepEqual(pushed, [`${registry!.address}/pause:3.10`]);
  const { image_ref } = await ctd!.cri.pullImage({ image: { image: PAUSE_IMAGE } });
  assert.match(image_ref, /^sha256:/);
  assert.match(
    await registryLog(),
    /(?:HEAD|GET) \/v2\/pause\/manifests\/3\.10\?ns=registry\.k8s\.io HTTP\/1\.1" 200 .*containerd/,
  );
});

test('a registry with no hosts.toml of its own goes to the mirror too (_default)', async () => {
  // Should _default ever stop working, this pull would go to 127.0.0.2:1: loopback, refused, still local.
  const { image_ref } = await ctd!.cri.pullImage({ image: { image: '127.0.0.2:1/library/busybox:1.36' } });
  assert.match(image_ref, /^sha256:/);
  assert.match(
    await registryLog(),
    /\/v2\/library\/busybox\/manifests\/1\.36\?ns=127\.0\.0\.2(?::|%3A)1 HTTP\/1\.1" 200/,
  );
});

test('pushing to a registry off this machine is refused', async () => {
  await assert.rejects(
    pushOciArchive({ file: archive('pause'), registry: '10.0.0.1:5000' }),
    /only a registry on 127\.0\.0\.1/,
  );
});
