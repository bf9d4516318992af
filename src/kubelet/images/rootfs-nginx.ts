/**
 * The nginx layer, from Debian's nginx package on this machine: the binary, every shared library it links
 * (as `ldd` resolves them, with the symlinks that lead to them, merged-/usr style), an upstream-like
 * configuration (`/etc/nginx/nginx.conf` including `conf.d/*.conf`, `conf.d/default.conf` serving
 * `/usr/share/nginx/html` on port 80), logs linked to the container's stdout/stderr, and nginx's state
 * directories. It goes on top of the busybox layer, which provides the shell and passwd/group.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GROUP, PASSWD } from './rootfs-busybox.js';
import type { TarEntry } from './tar-writer.js';

/** Where Debian installs nginx. */
export const DEFAULT_NGINX = '/usr/sbin/nginx';
const DEFAULT_MIME_TYPES = '/etc/nginx/mime.types';

/** The page nginx serves at `/`. Tests compare response bodies against it, so keep its first line stable. */
export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head><title>Welcome to nginx!</title></head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is working (k8ts local image).</p>
</body>
</html>
`;

const NGINX_CONF = `user www-data;
worker_processes 1;
pid /run/nginx.pid;
error_log stderr notice;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log /var/log/nginx/access.log;
    sendfile on;
    keepalive_timeout 65;
    include /etc/nginx/conf.d/*.conf;
}
`;

const DEFAULT_SERVER_CONF = `server {
    listen 80 default_server;
    server_name localhost;

    location / {
        root /usr/share/nginx/html;
        index index.html;
    }
}
`;

/** Options of {@link nginxLayerEntries}; the defaults are Debian's paths. */
export interface NginxLayerOptions {
  nginxPath?: string;
  mimeTypesPath?: string;
}

/** The nginx layer entries (see the module comment). Throws if nginx or one of its libraries is missing. */
export function nginxLayerEntries(options: NginxLayerOptions = {}): TarEntry[] {
  const nginxPath = options.nginxPath ?? DEFAULT_NGINX;
  const files = new Map<string, TarEntry>();
  const put = (entry: TarEntry) => files.set(entry.path, entry);
  const rel = (abs: string) => abs.replace(/^\/+/, '');

  put({ type: 'file', path: 'usr/sbin/nginx', data: readFileSync(nginxPath), mode: 0o755 });
  for (const lib of linkedLibraries(nginxPath)) {
    const real = realpathSync(lib);
    put({ type: 'file', path: rel(real), data: readFileSync(real), mode: statSync(real).mode & 0o777 });
    // The loader finds a library by the name it was linked with (libpcre2-8.so.0, /lib64/ld-linux…):
    // recreate that name as a link to the real file, in the real directory (/lib → usr/lib is a link itself).
    const linkPath = join(realpathSync(dirname(lib)), basename(lib));
    if (linkPath !== real) put({ type: 'symlink', path: rel(linkPath), target: real });
    const top = `/${rel(lib).split('/')[0]}`;
    if (lstatSync(top).isSymbolicLink()) put({ type: 'symlink', path: rel(top), target: readlinkSync(top) });
  }
  put({ type: 'file', path: 'etc/nginx/nginx.conf', data: Buffer.from(NGINX_CONF) });
  put({ type: 'file', path: 'etc/nginx/conf.d/default.conf', data: Buffer.from(DEFAULT_SERVER_CONF) });
  put({ type: 'file', path: 'etc/nginx/mime.types', data: readFileSync(options.mimeTypesPath ?? DEFAULT_MIME_TYPES) });
  put({ type: 'file', path: 'usr/share/nginx/html/index.html', data: Buffer.from(NGINX_INDEX_HTML) });
  put({ type: 'file', path: 'etc/passwd', data: Buffer.from(PASSWD) });
  put({ type: 'file', path: 'etc/group', data: Buffer.from(GROUP) });
  // Like the upstream image: logs go to the container's output, where the runtime's log file picks them up.
  put({ type: 'symlink', path: 'var/log/nginx/access.log', target: '/dev/stdout' });
  put({ type: 'symlink', path: 'var/log/nginx/error.log', target: '/dev/stderr' });
  put({ type: 'dir', path: 'var/lib/nginx', mode: 0o755 });
  put({ type: 'dir', path: 'var/cache/nginx', mode: 0o755 });

  return withParentDirs([...files.values()]);
}

/** The absolute paths of the shared objects `ldd` lists for a binary, including the dynamic loader. */
function linkedLibraries(binary: string): string[] {
  const r = spawnSync('ldd', [binary], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ldd ${binary} failed: ${r.stderr || r.error?.message || `exit ${r.status}`}`);
  const libs: string[] = [];
  for (const line of r.stdout.split('\n')) {
    // "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x…)" or "/lib64/ld-linux-x86-64.so.2 (0x…)";
    // the vDSO has no file and "not found" means the binary cannot run here at all.
    if (line.includes('not found')) throw new Error(`ldd ${binary}: ${line.trim()}`);
    const m = /(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line);
    if (m) libs.push(m[1]!);
  }
  if (libs.length === 0) throw new Error(`ldd ${binary} listed no libraries; is it dynamically linked?`);
  return libs;
}

/** Adds a directory entry for every missing parent and orders parents before children. */
function withParentDirs(entries: TarEntry[]): TarEntry[] {
  const have = new Set(entries.map((e) => e.path));
  const dirs: TarEntry[] = [];
  for (const e of entries) {
    for (let d = dirname(e.path); d !== '.' && d !== '/'; d = dirname(d)) {
      if (have.has(d)) continue;
      have.add(d);
      dirs.push({ type: 'dir', path: d, mode: 0o755 });
    }
  }
  return [...dirs, ...entries].sort((a, b) => depth(a.path) - depth(b.path) || a.path.localeCompare(b.path));
}

function depth(path: string): number {
  return path.split('/').length;
}
