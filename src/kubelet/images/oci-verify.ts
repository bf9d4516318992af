/**
 * Reads image archives back: recognizes OCI image layouts and docker (`docker save`) archives, and checks an
 * OCI layout's integrity — every descriptor's digest and size, and every config diff_id against the digest
 * of the uncompressed layer. Used by tests, and by `k8ts images import` to reject a broken file before
 * handing it to containerd.
 */
import { gunzipSync } from 'node:zlib';
import { readTar } from './tar-reader.js';
import { ANNOTATION_CONTAINERD_NAME, ANNOTATION_REF_NAME, sha256Digest, type Descriptor } from './oci-layout.js';

/** What an archive holds. */
export interface ArchiveSummary {
  format: 'oci' | 'docker';
  /** Image names found: containerd name annotations (OCI) or RepoTags (docker). */
  names: string[];
  /** OCI only: the ref.name annotation of each index entry, in order. */
  refNames: string[];
}

/** Identifies the archive format and lists the image names, without verifying content. */
export function summarizeArchive(tar: Buffer): ArchiveSummary {
  const files = filesOf(tar);
  const index = files.get('index.json');
  if (files.has('oci-layout') && index) {
    const manifests = (JSON.parse(index.toString('utf8')) as { manifests?: Descriptor[] }).manifests ?? [];
    return {
      format: 'oci',
      names: manifests.map((m) => m.annotations?.[ANNOTATION_CONTAINERD_NAME]).filter((n): n is string => !!n),
      refNames: manifests.map((m) => m.annotations?.[ANNOTATION_REF_NAME] ?? ''),
    };
  }
  const manifest = files.get('manifest.json');
  if (manifest) {
    const entries = JSON.parse(manifest.toString('utf8')) as { RepoTags?: string[] | null }[];
    return { format: 'docker', names: entries.flatMap((e) => e.RepoTags ?? []), refNames: [] };
  }
  throw new Error(
    'not an image archive: neither an OCI layout (oci-layout, index.json) nor a docker archive (manifest.json)',
  );
}

/**
 * Verifies an OCI layout archive end to end; returns the list of problems (empty when valid). Checks
 * oci-layout, index.json, and for every manifest: its own digest and size, the config's, every layer's, and
 * that the config's diff_ids are the digests of the decompressed layers.
 */
export function verifyOciArchive(tar: Buffer): string[] {
  const problems: string[] = [];
  const files = filesOf(tar);
  const layout = files.get('oci-layout');
  if (!layout) return ['missing oci-layout'];
  if ((JSON.parse(layout.toString('utf8')) as { imageLayoutVersion?: string }).imageLayoutVersion !== '1.0.0') {
    problems.push('oci-layout: imageLayoutVersion is not 1.0.0');
  }
  const indexBuf = files.get('index.json');
  if (!indexBuf) return [...problems, 'missing index.json'];
  const index = JSON.parse(indexBuf.toString('utf8')) as { schemaVersion?: number; manifests?: Descriptor[] };
  if (index.schemaVersion !== 2) problems.push('index.json: schemaVersion is not 2');
  const blob = (d: Descriptor, what: string): Buffer | undefined => {
    const data = files.get(`blobs/${d.digest.replace(':', '/')}`);
    if (!data) problems.push(`${what}: blob ${d.digest} missing`);
    else if (sha256Digest(data) !== d.digest)
      problems.push(`${what}: blob ${d.digest} has digest ${sha256Digest(data)}`);
    else if (data.length !== d.size)
      problems.push(`${what}: blob ${d.digest} is ${data.length} bytes, descriptor says ${d.size}`);
    else return data;
    return undefined;
  };
  for (const [i, desc] of (index.manifests ?? []).entries()) {
    const what = `manifest ${i} (${desc.annotations?.[ANNOTATION_CONTAINERD_NAME] ?? desc.digest})`;
    const mbuf = blob(desc, what);
    if (!mbuf) continue;
    const manifest = JSON.parse(mbuf.toString('utf8')) as { config: Descriptor; layers: Descriptor[] };
    const cbuf = blob(manifest.config, `${what} config`);
    const diffIds: string[] = [];
    for (const [j, layer] of manifest.layers.entries()) {
      const lbuf = blob(layer, `${what} layer ${j}`);
      if (!lbuf) continue;
      const raw = layer.mediaType.endsWith('+gzip') || layer.mediaType.endsWith('.gzip') ? gunzipSync(lbuf) : lbuf;
      diffIds.push(sha256Digest(raw));
      readTar(raw); // throws on a corrupt layer tar
    }
    if (!cbuf) continue;
    const config = JSON.parse(cbuf.toString('utf8')) as { rootfs?: { diff_ids?: string[] } };
    const want = config.rootfs?.diff_ids ?? [];
    if (JSON.stringify(want) !== JSON.stringify(diffIds)) {
      problems.push(
        `${what}: config diff_ids ${JSON.stringify(want)} differ from layer contents ${JSON.stringify(diffIds)}`,
      );
    }
  }
  return problems;
}

function filesOf(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const m of readTar(tar)) if (m.type === 'file') files.set(m.path, m.data);
  return files;
}
