/**
 * The busybox root filesystem: Debian's busybox-static binary with one symlink per applet (as `busybox
 * --list-full` places them), the usual top-level directories, and passwd/group files naming root, www-data
 * and nobody. It is the base layer of every image k8ts builds (busybox, pause, nginx), so containerd stores
 * it once.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { TarEntry } from './tar-writer.js';

/** Where Debian's busybox-static package installs its binary. */
export const DEFAULT_BUSYBOX = '/bin/busybox';

/**
 * Applets the project's tests and examples depend on (shell scripts, probes, `kubectl cp`, DNS checks);
 * building fails if the binary lacks one, rather than producing an image that breaks later.
 */
export const REQUIRED_APPLETS = [
  'sh',
  'wget',
  'httpd',
  'sleep',
  'cat',
  'tar',
  'echo',
  'test',
  'touch',
  'rm',
  'mkdir',
  'ls',
  'ps',
  'kill',
  'timeout',
  'true',
  'false',
  'env',
  'id',
  'hostname',
  'nc',
  'dd',
  'head',
  'tail',
  'grep',
  'sed',
  'date',
  'nslookup',
] as const;

/** passwd of every built image: root, daemon, www-data (nginx's workers) and nobody. */
export const PASSWD = [
  'root:x:0:0:root:/root:/bin/sh',
  'daemon:x:1:1:daemon:/usr/sbin:/bin/false',
  'www-data:x:33:33:www-data:/var/www:/bin/false',
  'nobody:x:65534:65534:nobody:/nonexistent:/bin/false',
  '',
].join('\n');

/** group of every built image. */
export const GROUP = ['root:x:0:', 'daemon:x:1:', 'www-data:x:33:', 'nogroup:x:65534:', 'nobody:x:65534:', ''].join(
  '\n',
);

const DIRS: [string, number][] = [
  ['bin', 0o755],
  ['dev', 0o755],
  ['etc', 0o755],
  ['home', 0o755],
  ['proc', 0o555],
  ['root', 0o700],
  ['run', 0o755],
  ['sbin', 0o755],
  ['sys', 0o555],
  ['tmp', 0o1777],
  ['usr', 0o755],
  ['usr/bin', 0o755],
  ['usr/sbin', 0o755],
  ['var', 0o755],
  ['var/log', 0o755],
  ['var/tmp', 0o1777],
  ['var/www', 0o755],
];

/** The layer entries of the busybox root filesystem, built from the busybox binary at `busyboxPath`. */
export function busyboxLayerEntries(busyboxPath: string = DEFAULT_BUSYBOX): TarEntry[] {
  const binary = readFileSync(busyboxPath);
  const applets = listApplets(busyboxPath);
  const names = new Set(applets.map((p) => p.slice(p.lastIndexOf('/') + 1)));
  const missing = REQUIRED_APPLETS.filter((a) => !names.has(a));
  if (missing.length > 0) throw new Error(`${busyboxPath} lacks applets the images need: ${missing.join(', ')}`);

  const entries: TarEntry[] = DIRS.map(([path, mode]) => ({ type: 'dir', path, mode }));
  entries.push({ type: 'file', path: 'bin/busybox', data: binary, mode: 0o755 });
  entries.push({ type: 'file', path: 'etc/passwd', data: Buffer.from(PASSWD), mode: 0o644 });
  entries.push({ type: 'file', path: 'etc/group', data: Buffer.from(GROUP), mode: 0o644 });
  for (const path of applets) entries.push({ type: 'symlink', path, target: '/bin/busybox' });
  return entries;
}

/**
 * Asks the binary where its applets go (`usr/bin/wget`, `bin/sh`, …), keeping those in the standard bin
 * directories; the binary itself and oddities such as `linuxrc` at the root are skipped.
 */
function listApplets(busyboxPath: string): string[] {
  const r = spawnSync(busyboxPath, ['--list-full'], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`${busyboxPath} --list-full failed: ${r.stderr || r.error?.message || `exit ${r.status}`}`);
  const out = new Set<string>();
  for (const line of r.stdout.split('\n')) {
    const path = line.trim().replace(/^\/+/, '');
    if (!/^(bin|sbin|usr\/bin|usr\/sbin)\/[^/]+$/.test(path) || path === 'bin/busybox') continue;
    out.add(path);
  }
  return [...out].sort();
}
