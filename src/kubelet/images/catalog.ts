/**
 * The images k8ts builds locally (nothing can be pulled from the internet here) and how to build them into
 * OCI archives: busybox, the pod sandbox ("pause") image, and nginx, all sharing the busybox base layer.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildImage, buildLayer, writeOciArchive, type BuiltLayer } from './oci-layout.js';
import { parseImageReference } from './reference.js';
import { busyboxLayerEntries, DEFAULT_BUSYBOX } from './rootfs-busybox.js';
import { nginxLayerEntries } from './rootfs-nginx.js';

/**
 * The sandbox image containerd starts for every pod (its `sandbox_image`). Named like the kubelet's default
 * pause image so that manifests naming it work; it is busybox running `sleep infinity`.
 */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** One built archive. */
export interface LocalImageArchive {
  /** Short name, also the file's base name: `busybox`, `pause`, `nginx`. */
  name: string;
  /** Absolute path of the OCI archive. */
  file: string;
  /** Full names (tags) the archive holds, e.g. `docker.io/library/busybox:1.36`. */
  names: string[];
  /** Digest of the image manifest (the same for every name in the archive). */
  manifestDigest: string;
}

/** Options of {@link buildLocalImages}. */
export interface BuildLocalImagesOptions {
  /** Path of the static busybox binary; default Debian's /bin/busybox. */
  busyboxPath?: string;
  /** Path of nginx; default Debian's /usr/sbin/nginx. */
  nginxPath?: string;
  /** Which images to build; default all (`busybox`, `pause`, `nginx`). */
  only?: readonly string[];
}

/** What each image is: its names and how to build it from the shared base layer. */
const CATALOG: {
  name: string;
  names: string[];
  build: (base: BuiltLayer, opts: BuildLocalImagesOptions) => ReturnType<typeof buildImage> | Promise<ReturnType<typeof buildImage>>;
}[] = [
  {
    name: 'busybox',
    names: ['docker.io/library/busybox:latest', 'docker.io/library/busybox:1.36'],
    build: (base) => buildImage([base], { Cmd: ['sh'], Env: [PATH_ENV] }),
  },
  {
    name: 'pause',
    names: [PAUSE_IMAGE],
    // containerd kills the sandbox container with SIGKILL, so sleep's lack of a SIGTERM handler is fine.
    build: (base) => buildImage([base], { Entrypoint: ['/bin/sleep', 'infinity'], Env: [PATH_ENV] }),
  },
  {
    name: 'nginx',
    names: ['docker.io/library/nginx:latest', 'docker.io/library/nginx:1.21', 'docker.io/library/nginx:1.26'],
    build: async (base, opts) =>
      buildImage([base, await buildLayer(nginxLayerEntries(opts.nginxPath ? { nginxPath: opts.nginxPath } : {}))], {
        Cmd: ['nginx', '-g', 'daemon off;'],
        Env: [PATH_ENV],
        ExposedPorts: { '80/tcp': {} },
        StopSignal: 'SIGQUIT',
      }),
  },
];

/** Short names of the images {@link buildLocalImages} can build. */
export function localImageNames(): string[] {
  return CATALOG.map((c) => c.name);
}

/**
 * Builds the local images into `outDir` as `<name>.tar` OCI archives (written atomically, so a reader never
 * sees half a file). Deterministic: the same host binaries give the same digests.
 */
export async function buildLocalImages(
  outDir: string,
  options: BuildLocalImagesOptions = {},
): Promise<LocalImageArchive[]> {
  const wanted = options.only ?? localImageNames();
  const unknown = wanted.filter((w) => !CATALOG.some((c) => c.name === w));
  if (unknown.length > 0)
    throw new Error(`unknown local image(s) ${unknown.join(', ')}; known: ${localImageNames().join(', ')}`);
  await mkdir(outDir, { recursive: true });
  const base = await buildLayer(busyboxLayerEntries(options.busyboxPath ?? DEFAULT_BUSYBOX));
  const out: LocalImageArchive[] = [];
  for (const item of CATALOG.filter((c) => wanted.includes(c.name))) {
    const image = await item.build(base, options);
    const file = join(outDir, `${item.name}.tar`);
    const tmp = `${file}.tmp-${process.pid}`;
    await writeFile(tmp, writeOciArchive(image, item.names));
    await rename(tmp, file);
    out.push({ name: item.name, file, names: [...item.names], manifestDigest: image.manifest.digest });
  }
  return out;
}

/**
 * Where an image lives on a registry mirror: containerd asks a mirror host for the same repository path it
 * would ask the original registry (`docker.io/library/busybox:1.36` → `library/busybox:1.36`,
 * `registry.k8s.io/pause:3.10` → `pause:3.10`).
 */
export function mirrorPath(name: string): string {
  const ref = parseImageReference(name);
  if (ref.tag === undefined) throw new Error(`image ${name} has no tag to push`);
  return `${ref.path}:${ref.tag}`;
}
