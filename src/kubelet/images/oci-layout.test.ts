import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildLocalImages, mirrorPath, PAUSE_IMAGE } from './catalog.js';
import { buildImage, buildLayer, sha256Digest, writeOciArchive } from './oci-layout.js';
import { summarizeArchive, verifyOciArchive } from './oci-verify.js';
import { REQUIRED_APPLETS } from './rootfs-busybox.js';
import { readTar } from './tar-reader.js';
import { writeTar } from './tar-writer.js';

const tinyLayer = () => buildLayer([{ type: 'file', path: 'hello', data: Buffer.from('hi') }]);

test('a built layer records the digest of the compressed blob and the diff_id of the raw tar', async () => {
  const layer = await tinyLayer();
  assert.equal(layer.digest, sha256Digest(layer.blob));
  assert.equal(layer.diffId, sha256Digest(gunzipSync(layer.blob)));
  assert.deepEqual((await tinyLayer()).blob, layer.blob, 'layers are reproducible');
});

test('an OCI archive verifies and names each tag with both annotations', async () => {
  const image = buildImage([await tinyLayer()], { Cmd: ['sh'] });
  const archive = writeOciArchive(image, ['docker.io/library/tiny:latest', 'docker.io/library/tiny:1']);
  assert.deepEqual(verifyOciArchive(archive), []);
  assert.deepEqual(summarizeArchive(archive), {
    format: 'oci',
    names: ['docker.io/library/tiny:latest', 'docker.io/library/tiny:1'],
    refNames: ['latest', '1'],
  });
});

test('writeOciArchive refuses two names with the same tag', async () => {
  const image = buildImage([await tinyLayer()], {});
  assert.throws(() => writeOciArchive(image, ['docker.io/library/a:1', 'docker.io/library/b:1']), /share the tag/);
});

test('verifyOciArchive reports a tampered blob and a wrong diff_id', async () => {
  const image = buildImage([await tinyLayer()], {});
  const layerDigest = [...image.blobs.keys()].find(
    (d) => image.blobs.get(d)!.length > 100 || d !== image.manifest.digest,
  )!;
  const tampered = new Map(image.blobs);
  tampered.set(layerDigest, Buffer.concat([image.blobs.get(layerDigest)!, Buffer.from('x')]));
  const problems = verifyOciArchive(writeOciArchive({ ...image, blobs: tampered }, ['docker.io/library/t:1']));
  assert.ok(
    problems.some((p) => p.includes(layerDigest)),
    problems.join('\n'),
  );

  const wrongDiff = buildImage([{ ...(await tinyLayer()), diffId: sha256Digest('other') }], {});
  assert.match(verifyOciArchive(writeOciArchive(wrongDiff, ['docker.io/library/t:1'])).join('\n'), /diff_ids/);
});

test('summarizeArchive recognizes docker archives and rejects other tars', () => {
  const docker = writeTar([
    { type: 'file', path: 'manifest.json', data: Buffer.from('[{"RepoTags":["busybox:old"]}]') },
  ]);
  assert.deepEqual(summarizeArchive(docker), { format: 'docker', names: ['busybox:old'], refNames: [] });
  assert.throws(
    () => summarizeArchive(writeTar([{ type: 'file', path: 'x', data: Buffer.alloc(1) }])),
    /not an image archive/,
  );
});

test('mirrorPath maps image names to their path on the local registry', () => {
  assert.equal(mirrorPath('docker.io/library/busybox:1.36'), 'library/busybox:1.36');
  assert.equal(mirrorPath(PAUSE_IMAGE), 'pause:3.10');
  assert.equal(mirrorPath('nginx'), 'library/nginx:latest');
});

test('buildLocalImages builds valid busybox, pause and nginx archives from this machine', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'k8ts-images-'));
  try {
    const built = await buildLocalImages(dir);
    assert.deepEqual(
      built.map((b) => b.name),
      ['busybox', 'pause', 'nginx'],
    );
    const archives = new Map<string, Buffer>();
    for (const b of built) {
      const data = await readFile(b.file);
      archives.set(b.name, data);
      assert.deepEqual(verifyOciArchive(data), [], b.name);
      assert.deepEqual(summarizeArchive(data).names, b.names);
    }
    assert.deepEqual(built.find((b) => b.name === 'nginx')?.names, [
      'docker.io/library/nginx:latest',
      'docker.io/library/nginx:1.21',
      'docker.io/library/nginx:1.26',
    ]);
    assert.deepEqual(built.find((b) => b.name === 'pause')?.names, [PAUSE_IMAGE]);

    const nginx = layersOf(archives.get('nginx')!);
    assert.equal(nginx.length, 2, 'nginx = busybox base layer + nginx layer');
    const base = new Map(nginx[0]!.map((m) => [m.path, m]));
    for (const applet of REQUIRED_APPLETS) {
      const link = [...base.values()].find((m) => m.type === 'symlink' && m.path.endsWith(`/${applet}`));
      assert.equal(link?.linkname, '/bin/busybox', `applet ${applet}`);
    }
    const passwd = base.get('etc/passwd')!.data.toString();
    assert.match(passwd, /^www-data:x:33:33:/m);
    assert.match(passwd, /^nobody:x:65534:65534:/m);
    const top = new Map(nginx[1]!.map((m) => [m.path, m]));
    for (const path of [
      'usr/sbin/nginx',
      'etc/nginx/nginx.conf',
      'etc/nginx/conf.d/default.conf',
      'usr/share/nginx/html/index.html',
      'var/lib/nginx',
    ]) {
      assert.ok(top.has(path), path);
    }
    assert.match(top.get('etc/nginx/conf.d/default.conf')!.data.toString(), /listen 80 default_server/);
    assert.ok(
      [...top.keys()].some((p) => /libc\.so\.6$/.test(p)),
      'links libc',
    );
    assert.equal(top.get('var/log/nginx/access.log')?.linkname, '/dev/stdout');

    const again = await buildLocalImages(dir, { only: ['busybox'] });
    assert.equal(again[0]!.manifestDigest, built[0]!.manifestDigest, 'rebuilding gives the same digest');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** The layers of the first image of an archive, each as its tar members. */
function layersOf(archive: Buffer) {
  const files = new Map(readTar(archive).map((m) => [m.path, m.data]));
  const blob = (digest: string) => files.get(`blobs/${digest.replace(':', '/')}`)!;
  const index = JSON.parse(files.get('index.json')!.toString()) as { manifests: { digest: string }[] };
  const manifest = JSON.parse(blob(index.manifests[0]!.digest).toString()) as { layers: { digest: string }[] };
  return manifest.layers.map((l) => readTar(gunzipSync(blob(l.digest))));
}
