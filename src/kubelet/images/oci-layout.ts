/**
 * Builds OCI images and OCI image-layout archives in memory: gzip-compressed layers, an image config
 * (whose `rootfs.diff_ids` are digests of the *uncompressed* layers), a manifest (whose layer descriptors
 * carry the *compressed* digests), and an `index.json` naming the image with the annotations containerd
 * (`io.containerd.image.name`) and skopeo (`org.opencontainers.image.ref.name`) look up.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { writeTar, type TarEntry } from './tar-writer.js';

export const MEDIA_TYPE_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const MEDIA_TYPE_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const MEDIA_TYPE_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const MEDIA_TYPE_INDEX = 'application/vnd.oci.image.index.v1+json';
/** The annotation containerd's importer reads for the full image name. */
export const ANNOTATION_CONTAINERD_NAME = 'io.containerd.image.name';
/** The OCI annotation for the reference (tag) of an index entry; skopeo's `oci-archive:FILE:REF` uses it. */
export const ANNOTATION_REF_NAME = 'org.opencontainers.image.ref.name';

/** The fixed creation time of built images, so that rebuilding gives identical digests. */
const CREATED = '1970-01-01T00:00:00Z';

/** A content descriptor. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { architecture: string; os: string };
  annotations?: Record<string, string>;
}

/** A built layer: the compressed blob plus the digest of its uncompressed tar (the config's diff_id). */
export interface BuiltLayer {
  blob: Buffer;
  digest: string;
  diffId: string;
}

/** The runtime part of an image config (the OCI `config` object); field names as in the OCI spec. */
export interface ImageRuntimeConfig {
  Entrypoint?: string[];
  Cmd?: string[];
  Env?: string[];
  WorkingDir?: string;
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  StopSignal?: string;
  Labels?: Record<string, string>;
}

/** A built image: its blobs by digest and the manifest descriptor to name it by. */
export interface BuiltImage {
  manifest: Descriptor;
  configDigest: string;
  /** Every blob of the image (layers, config, manifest) keyed by `sha256:…`. */
  blobs: Map<string, Buffer>;
}

/** `sha256:<hex>` of some bytes. */
export function sha256Digest(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

const gzipAsync = promisify(gzip);

/**
 * Tars and gzips layer entries. gzip from node:zlib writes no timestamp, so the blob is reproducible; it runs
 * on libuv's thread pool because a node builds its images while its kubelet and API server already serve
 * (compressing busybox and nginx at level 9 takes about a second).
 */
export async function buildLayer(entries: readonly TarEntry[]): Promise<BuiltLayer> {
  const tar = writeTar(entries);
  const blob = await gzipAsync(tar, { level: 9 });
  return { blob, digest: sha256Digest(blob), diffId: sha256Digest(tar) };
}

/** The OCI architecture name of this machine (`amd64`, `arm64`, …). */
export function ociArchitecture(arch: string = process.arch): string {
  const names: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    ppc64: 'ppc64le',
    s390x: 's390x',
  };
  return names[arch] ?? arch;
}

/** Assembles config and manifest for layers (base first) and a runtime config. */
export function buildImage(
  layers: readonly BuiltLayer[],
  config: ImageRuntimeConfig,
  history = 'k8ts images build',
): BuiltImage {
  const architecture = ociArchitecture();
  const configJson = Buffer.from(
    JSON.stringify({
      created: CREATED,
      architecture,
      os: 'linux',
      config,
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      history: layers.map(() => ({ created: CREATED, created_by: history })),
    }),
  );
  const configDigest = sha256Digest(configJson);
  const manifestJson = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE_MANIFEST,
      config: { mediaType: MEDIA_TYPE_CONFIG, digest: configDigest, size: configJson.length },
      layers: layers.map((l) => ({ mediaType: MEDIA_TYPE_LAYER_GZIP, digest: l.digest, size: l.blob.length })),
    }),
  );
  const blobs = new Map<string, Buffer>();
  for (const l of layers) blobs.set(l.digest, l.blob);
  blobs.set(configDigest, configJson);
  const manifestDigest = sha256Digest(manifestJson);
  blobs.set(manifestDigest, manifestJson);
  return {
    manifest: {
      mediaType: MEDIA_TYPE_MANIFEST,
      digest: manifestDigest,
      size: manifestJson.length,
      platform: { architecture, os: 'linux' },
    },
    configDigest,
    blobs,
  };
}

/**
 * Writes an OCI image-layout archive holding `image` under each of `names` (full references such as
 * `docker.io/library/busybox:1.36`): one index entry per name, all pointing at the same manifest. Each
 * entry's ref.name is the name's tag, so tags must differ within one archive.
 */
export function writeOciArchive(image: BuiltImage, names: readonly string[]): Buffer {
  const tags = new Set<string>();
  const manifests: Descriptor[] = names.map((name) => {
    const tag = tagOf(name);
    if (tags.has(tag)) throw new Error(`OCI archive: two names share the tag ${JSON.stringify(tag)}`);
    tags.add(tag);
    return { ...image.manifest, annotations: { [ANNOTATION_CONTAINERD_NAME]: name, [ANNOTATION_REF_NAME]: tag } };
  });
  const index = { schemaVersion: 2, mediaType: MEDIA_TYPE_INDEX, manifests };
  const entries: TarEntry[] = [
    { type: 'file', path: 'oci-layout', data: Buffer.from(JSON.stringify({ imageLayoutVersion: '1.0.0' })) },
    { type: 'file', path: 'index.json', data: Buffer.from(JSON.stringify(index)) },
    { type: 'dir', path: 'blobs' },
    { type: 'dir', path: 'blobs/sha256' },
  ];
  for (const [digest, blob] of [...image.blobs].sort(([a], [b]) => a.localeCompare(b))) {
    entries.push({ type: 'file', path: `blobs/${digest.replace(':', '/')}`, data: blob });
  }
  return writeTar(entries);
}

/** The tag of a full reference (`…/busybox:1.36` → `1.36`); throws when it has none. */
function tagOf(name: string): string {
  const m = /:([\w][\w.-]{0,127})$/.exec(name.slice(name.lastIndexOf('/') + 1));
  if (!m) throw new Error(`OCI archive: image name ${JSON.stringify(name)} has no tag`);
  return m[1]!;
}
