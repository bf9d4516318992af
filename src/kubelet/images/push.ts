/**
 * Pushes the images of an OCI archive to the local registry, each under its mirror path
 * (`docker.io/library/busybox:1.36` → `127.0.0.1:PORT/library/busybox:1.36`), so that containerd's mirror
 * configuration finds them. Two ways: skopeo (the default when installed), or our own implementation of the
 * OCI distribution push protocol (monolithic blob uploads, then the manifest), which needs nothing installed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { mirrorPath } from './catalog.js';
import { ANNOTATION_CONTAINERD_NAME, ANNOTATION_REF_NAME, type Descriptor } from './oci-layout.js';
import { readTar } from './tar-reader.js';

const run = promisify(execFile);
const SKOPEO = '/usr/bin/skopeo';

/** Options of {@link pushOciArchive}. */
export interface PushOptions {
  /** The OCI archive. */
  file: string;
  /** The registry, `127.0.0.1:PORT` (only loopback registries are accepted: nothing leaves the machine). */
  registry: string;
  /** Which of the archive's image names to push; default all. */
  names?: readonly string[];
  /** `skopeo` (default when /usr/bin/skopeo exists) or `native`. */
  method?: 'skopeo' | 'native';
}

/** Pushes and returns the references written, e.g. `127.0.0.1:5000/library/busybox:latest`. */
export async function pushOciArchive(options: PushOptions): Promise<string[]> {
  assertLoopback(options.registry);
  const archive = await readFile(options.file);
  const files = new Map<string, Buffer>();
  for (const m of readTar(archive)) if (m.type === 'file') files.set(m.path, m.data);
  const index = JSON.parse(files.get('index.json')?.toString('utf8') ?? '{}') as { manifests?: Descriptor[] };
  const entries = (index.manifests ?? []).filter((d) => {
    const name = d.annotations?.[ANNOTATION_CONTAINERD_NAME];
    return name !== undefined && (!options.names || options.names.includes(name));
  });
  if (entries.length === 0)
    throw new Error(`${options.file}: no image to push (names ${JSON.stringify(options.names ?? 'all')})`);
  const method = options.method ?? (existsSync(SKOPEO) ? 'skopeo' : 'native');
  const pushed: string[] = [];
  for (const desc of entries) {
    const target = `${options.registry}/${mirrorPath(desc.annotations![ANNOTATION_CONTAINERD_NAME]!)}`;
    if (method === 'skopeo') {
      const ref = desc.annotations?.[ANNOTATION_REF_NAME];
      if (!ref)
        throw new Error(
          `${options.file}: index entry ${desc.digest} has no ${ANNOTATION_REF_NAME} for skopeo to select it by`,
        );
      await run(SKOPEO, [
        '--insecure-policy',
        'copy',
        '--quiet',
        '--dest-tls-verify=false',
        `oci-archive:${options.file}:${ref}`,
        `docker://${target}`,
      ]);
    } else {
      await pushNative(files, desc, options.registry, target.slice(options.registry.length + 1));
    }
    pushed.push(target);
  }
  return pushed;
}

/** Refuses any registry that is not on this machine's loopback. */
function assertLoopback(registry: string): void {
  const host = registry.replace(/:\d+$/, '');
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
    throw new Error(`refusing to push to ${registry}: only a registry on 127.0.0.1 is allowed`);
  }
}

/** Pushes one manifest and its blobs with the distribution API; `ref` is `repo:tag`. */
async function pushNative(
  files: Map<string, Buffer>,
  manifestDesc: Descriptor,
  registry: string,
  ref: string,
): Promise<void> {
  const colon = ref.lastIndexOf(':');
  const repo = ref.slice(0, colon);
  const tag = ref.slice(colon + 1);
  const base = `http://${registry}/v2/${repo}`;
  const blob = (d: Descriptor) => {
    const data = files.get(`blobs/${d.digest.replace(':', '/')}`);
    if (!data) throw new Error(`archive lacks blob ${d.digest}`);
    return data;
  };
  const manifestBytes = blob(manifestDesc);
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as { config: Descriptor; layers: Descriptor[] };
  for (const d of [...manifest.layers, manifest.config]) {
    const head = await fetch(`${base}/blobs/${d.digest}`, { method: 'HEAD' });
    if (head.ok) continue;
    const start = await fetch(`${base}/blobs/uploads/`, { method: 'POST' });
    const location = start.headers.get('location');
    if (start.status !== 202 || !location)
      throw new Error(`registry ${registry}: starting an upload to ${repo} answered ${start.status}`);
    const url = new URL(location, `http://${registry}`);
    url.searchParams.set('digest', d.digest);
    const put = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: bodyOf(blob(d)),
    });
    if (put.status !== 201)
      throw new Error(
        `registry ${registry}: uploading ${d.digest} to ${repo} answered ${put.status}: ${await put.text()}`,
      );
  }
  const put = await fetch(`${base}/manifests/${tag}`, {
    method: 'PUT',
    headers: { 'content-type': manifestDesc.mediaType },
    body: bodyOf(manifestBytes),
  });
  if (put.status !== 201)
    throw new Error(
      `registry ${registry}: putting manifest ${repo}:${tag} answered ${put.status}: ${await put.text()}`,
    );
}

/** fetch's body typing wants an ArrayBuffer-backed view; copy into one (blobs here are a few MiB at most). */
function bodyOf(data: Buffer): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(data.length));
  out.set(data);
  return out;
}
