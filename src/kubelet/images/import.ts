/**
 * Loads image archives into containerd's image store (namespace `k8s.io`, the one the CRI plugin uses) with
 * `ctr images import`, which accepts both OCI layouts and docker archives and unpacks them for the default
 * snapshotter.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { summarizeArchive, verifyOciArchive, type ArchiveSummary } from './oci-verify.js';

const run = promisify(execFile);

/** The containerd namespace of the CRI plugin. */
export const CRI_NAMESPACE = 'k8s.io';

/** Options of {@link importArchive}. */
export interface ImportOptions {
  /** containerd's socket. */
  socket: string;
  /** The archive (OCI layout or docker archive). */
  file: string;
  /** Default {@link CRI_NAMESPACE}. */
  namespace?: string;
  /** The ctr binary; default `ctr` from PATH. */
  ctr?: string;
}

/**
 * Checks the archive (OCI archives are verified digest by digest first, so a corrupt file fails here with a
 * clear message) and imports it; resolves with what it held.
 */
export async function importArchive(options: ImportOptions): Promise<ArchiveSummary> {
  const data = await readFile(options.file);
  const summary = summarizeArchive(data);
  if (summary.format === 'oci') {
    const problems = verifyOciArchive(data);
    if (problems.length > 0) throw new Error(`${options.file} is not a valid OCI archive:\n  ${problems.join('\n  ')}`);
  }
  if (summary.names.length === 0) {
    throw new Error(
      `${options.file} names no image (no io.containerd.image.name annotation or RepoTags); containerd would import it untagged`,
    );
  }
  try {
    await run(options.ctr ?? 'ctr', [
      '-a',
      options.socket,
      '-n',
      options.namespace ?? CRI_NAMESPACE,
      'images',
      'import',
      options.file,
    ]);
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`ctr images import ${options.file} failed: ${e.stderr?.trim() || e.message}`, { cause: err });
  }
  return summary;
}
