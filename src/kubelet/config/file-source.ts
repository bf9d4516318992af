/**
 * The file source of static pods (pkg/kubelet/config/file.go): every regular file in a directory whose name
 * does not start with `.` holds one Pod manifest. The directory is re-read every `periodMs` (upstream's
 * --file-check-frequency, 20 s) and, for speed, whenever fs.watch reports a change in it. Each read yields
 * the complete set (upstream's SET operation); a file that does not hold a valid Pod is logged with its name
 * and left out, and the other files keep working. Subdirectories are not read.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { canonicalJSON } from '../node/node-status-manager.js';
import { staticPodFromManifest } from './static-pod.js';

/** Options of {@link StaticPodFileSource}. */
export interface StaticPodFileSourceOptions {
  /** The manifest directory (--pod-manifest-path). A missing directory is an empty set, not an error. */
  dir: string;
  nodeName: string;
  clock: Clock;
  logger: Logger;
  /** How often the directory is re-read; default 20 s. */
  periodMs?: number;
  /** Re-read on fs.watch events too; default true. */
  watch?: boolean;
}

/**
 * Static pods from one directory.
 *
 * Contract: `scan` calls must not overlap (`run` serializes them); handlers run synchronously inside `scan`,
 * only when the set differs from the last one they saw, and must not mutate the pods. A pod keeps its
 * `config.seen` time while its UID stays the same.
 */
export class StaticPodFileSource {
  private readonly o: StaticPodFileSourceOptions;
  private readonly handlers: ((pods: readonly ApiPod[]) => void)[] = [];
  private readonly seen = new Map<string, string>();
  private readonly lastError = new Map<string, string>();
  private current: ApiPod[] = [];
  private fingerprint = '[]';

  constructor(options: StaticPodFileSourceOptions) {
    this.o = options;
  }

  /** The pods of the last scan. */
  pods(): readonly ApiPod[] {
    return this.current;
  }

  onUpdate(handler: (pods: readonly ApiPod[]) => void): void {
    this.handlers.push(handler);
  }

  /** Reads the directory once; resolves the current set. */
  async scan(): Promise<readonly ApiPod[]> {
    const { dir, nodeName, logger } = this.o;
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        logger.warn('cannot read static pod manifest dir', { dir, err });
      names = [];
    }
    const pods: ApiPod[] = [];
    const errors = new Map<string, string>();
    for (const name of names) {
      const file = join(dir, name);
      let text: string;
      try {
        if (!(await stat(file)).isFile()) continue; // upstream does not recurse into subdirectories
        text = await readFile(file, 'utf8');
      } catch {
        continue; // removed between readdir and read: the next scan sees it gone
      }
      const res = staticPodFromManifest(text, { file, nodeName, seen: '' });
      if (!res.ok) {
        errors.set(file, res.error);
        continue;
      }
      const uid = res.pod.metadata.uid;
      const seen = this.seen.get(uid) ?? new Date(this.o.clock.now()).toISOString();
      res.pod.metadata.annotations!['kubernetes.io/config.seen'] = seen;
      pods.push(res.pod);
    }
    // Each bad file is logged once per distinct error, not at every rescan.
    for (const [file, error] of errors) {
      if (this.lastError.get(file) !== error) logger.error('could not process static pod manifest', { file, error });
    }
    this.lastError.clear();
    for (const [file, error] of errors) this.lastError.set(file, error);
    this.seen.clear();
    for (const p of pods) this.seen.set(p.metadata.uid, p.metadata.annotations!['kubernetes.io/config.seen']!);
    const print = canonicalJSON(pods);
    this.current = pods;
    if (print !== this.fingerprint) {
      this.fingerprint = print;
      for (const h of this.handlers) h(pods);
    }
    return pods;
  }

  /** Scans until `signal` aborts: every `periodMs`, and soon after fs.watch reports a change. */
  async run(signal: AbortSignal): Promise<void> {
    const { clock, logger } = this.o;
    let watcher: FSWatcher | undefined;
    let wake: AbortController | undefined;
    let dirty = false;
    try {
      while (!signal.aborted) {
        if (!watcher && this.o.watch !== false) {
          try {
            watcher = watch(this.o.dir, () => {
              dirty = true;
              wake?.abort();
            });
            watcher.on('error', () => {
              watcher?.close();
              watcher = undefined;
            });
          } catch {
            watcher = undefined; // no directory yet: the periodic scan finds it and we retry then
          }
        }
        dirty = false;
        try {
          await this.scan();
        } catch (err) {
          logger.warn('static pod scan failed', { err });
        }
        if (dirty) continue;
        wake = new AbortController();
        await clock.sleep(this.o.periodMs ?? 20_000, AbortSignal.any([signal, wake.signal])).catch(() => undefined);
      }
    } finally {
      watcher?.close();
    }
  }
}
