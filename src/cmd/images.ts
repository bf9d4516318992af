import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseFlags, UsageError } from './flags.js';
import { containerdPaths } from '../kubelet/containerd/config.js';
import { createCriClient } from '../kubelet/cri/client.js';
import { buildLocalImages, localImageNames } from '../kubelet/images/catalog.js';
import { importArchive } from '../kubelet/images/import.js';
import { pushOciArchive } from '../kubelet/images/push.js';

export const imagesUsage = `Usage: k8ts images <build | import FILE | list> [--data-dir DIR] [flags]

Container images without the internet: k8ts builds busybox, pause and nginx from this machine's Debian
packages, loads them into containerd, and serves them from a local registry.
  build          write OCI archives of the local images to DIR/images; --import loads them into containerd,
                 --registry pushes them to a local registry
  import FILE    load an OCI or docker image archive into containerd (namespace k8s.io)
  list           list containerd's images (CRI ListImages); without a running containerd, the built archives

Flags:
  --data-dir DIR        containerd's data dir, as k8ts runs it (default /var/lib/k8ts/containerd)
  --socket PATH         containerd's socket (default DIR/containerd.sock)
  --import              build: also import the archives into containerd
  --registry HOST:PORT  build: also push the images to this local registry (127.0.0.1 only)
  --only NAMES          build: only these images, comma-separated (${localImageNames().join(', ')})
`;

/** `k8ts images …`: see {@link imagesUsage}. */
export async function runImagesCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags(
    args,
    {
      'data-dir': { type: 'string', default: '/var/lib/k8ts/containerd' },
      socket: { type: 'string' },
      import: { type: 'boolean', default: false },
      registry: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    process.stdout.write(imagesUsage);
    return;
  }
  const dataDir = resolve(values['data-dir']!);
  const socket = values.socket ?? containerdPaths(dataDir).socket;
  const imagesDir = join(dataDir, 'images');
  const [verb, arg, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  switch (verb) {
    case 'build': {
      if (arg) throw new UsageError('build takes no FILE');
      const only = values.only
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const started = Date.now();
      const built = await buildLocalImages(imagesDir, only ? { only } : {});
      for (const b of built) {
        process.stdout.write(`built ${b.file} ${b.manifestDigest} ${b.names.join(' ')}\n`);
        if (values.import) {
          await importArchive({ socket, file: b.file });
          process.stdout.write(`imported ${b.name} into containerd at ${socket}\n`);
        }
        if (values.registry) {
          for (const ref of await pushOciArchive({ file: b.file, registry: values.registry }))
            process.stdout.write(`pushed ${ref}\n`);
        }
      }
      process.stdout.write(`# ${built.length} images in ${Date.now() - started} ms\n`);
      return;
    }
    case 'import': {
      if (!arg) throw new UsageError('import needs a FILE');
      const summary = await importArchive({ socket, file: resolve(arg) });
      process.stdout.write(`imported ${summary.format} archive ${arg}: ${summary.names.join(' ')}\n`);
      return;
    }
    case 'list': {
      if (arg) throw new UsageError('list takes no argument');
      await listImages(socket, imagesDir);
      return;
    }
    case undefined:
      throw new UsageError('missing a verb (build, import, list)');
    default:
      throw new UsageError(`unknown verb ${JSON.stringify(verb)} (want build, import, list)`);
  }
}

async function listImages(socket: string, imagesDir: string): Promise<void> {
  const cri = createCriClient({ endpoint: socket, requestTimeoutMs: 5_000 });
  try {
    const { images } = await cri.listImages({});
    for (const img of images) {
      process.stdout.write(
        `${img.id.slice(7, 19)}\t${String(img.size).padStart(10)}\t${img.repo_tags.join(' ') || '<none>'}\n`,
      );
    }
    process.stdout.write(`# ${images.length} images in containerd at ${socket}\n`);
  } catch (err) {
    // No containerd: show what `build` produced instead, which is what the user most likely wants to see.
    const files = await readdir(imagesDir).catch(() => [] as string[]);
    const archives = files.filter((f) => f.endsWith('.tar'));
    for (const f of archives) process.stdout.write(`${join(imagesDir, f)}\n`);
    process.stdout.write(
      `# containerd at ${socket} not reachable (${(err as Error).message}); ${archives.length} built archives listed\n`,
    );
  } finally {
    cri.close();
  }
}
