/**
 * A small, deterministic POSIX tar (ustar) writer for image layers and OCI archives. Deterministic means the
 * same entries always give the same bytes (fixed mtime, numeric owners, no user names), so layer digests
 * are reproducible and containerd/registries deduplicate them across builds.
 *
 * Names longer than ustar allows are carried in a PAX extended header, which every reader in this
 * pipeline (containerd, skopeo, docker-registry) understands.
 */

/** One member of a tar stream. Paths are relative (`bin/sh`); directories may omit the trailing slash. */
export type TarEntry =
  | { type: 'file'; path: string; data: Buffer; mode?: number; uid?: number; gid?: number }
  | { type: 'dir'; path: string; mode?: number; uid?: number; gid?: number }
  | { type: 'symlink'; path: string; target: string; uid?: number; gid?: number };

const BLOCK = 512;
/** The fixed mtime of every entry: the epoch, so nothing about the build time leaks into digests. */
const MTIME = 0;

/** Serializes entries, in the given order, followed by the two zero blocks that end a tar stream. */
export function writeTar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const name = entry.type === 'dir' ? withSlash(entry.path) : entry.path;
    const linkname = entry.type === 'symlink' ? entry.target : '';
    const data = entry.type === 'file' ? entry.data : Buffer.alloc(0);
    const pax: Record<string, string> = {};
    const split = splitName(name);
    if (!split) pax.path = name;
    if (Buffer.byteLength(linkname) > 100) pax.linkpath = linkname;
    if (Object.keys(pax).length > 0) {
      const body = paxBody(pax);
      parts.push(
        header({
          name: 'PaxHeader',
          prefix: '',
          linkname: '',
          size: body.length,
          mode: 0o644,
          uid: 0,
          gid: 0,
          typeflag: 'x',
        }),
      );
      parts.push(body, padding(body.length));
    }
    const mode = entry.type === 'symlink' ? 0o777 : (entry.mode ?? (entry.type === 'dir' ? 0o755 : 0o644));
    parts.push(
      header({
        name: split ? split.name : truncate(name, 100),
        prefix: split ? split.prefix : '',
        linkname: truncate(linkname, 100),
        size: data.length,
        mode,
        uid: entry.uid ?? 0,
        gid: entry.gid ?? 0,
        typeflag: entry.type === 'file' ? '0' : entry.type === 'dir' ? '5' : '2',
      }),
    );
    if (data.length > 0) parts.push(data, padding(data.length));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

interface HeaderFields {
  name: string;
  prefix: string;
  linkname: string;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  typeflag: string;
}

function header(f: HeaderFields): Buffer {
  const b = Buffer.alloc(BLOCK);
  b.write(f.name, 0, 100, 'utf8');
  octal(b, 100, 8, f.mode);
  octal(b, 108, 8, f.uid);
  octal(b, 116, 8, f.gid);
  octal(b, 124, 12, f.size);
  octal(b, 136, 12, MTIME);
  b.fill(0x20, 148, 156); // the checksum is computed with its own field read as spaces
  b.write(f.typeflag, 156, 1, 'ascii');
  b.write(f.linkname, 157, 100, 'utf8');
  b.write('ustar\u000000', 257, 8, 'ascii');
  octal(b, 329, 8, 0);
  octal(b, 337, 8, 0);
  b.write(f.prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(sum.toString(8).padStart(6, '0') + '\u0000 ', 148, 8, 'ascii');
  return b;
}

function octal(b: Buffer, offset: number, width: number, value: number): void {
  const digits = value.toString(8);
  if (digits.length > width - 1) throw new Error(`tar: value ${value} does not fit a ${width}-byte field`);
  b.write(digits.padStart(width - 1, '0') + '\u0000', offset, width, 'ascii');
}

/** ustar stores long names as prefix (≤155 bytes) + "/" + name (≤100 bytes); undefined if it cannot. */
function splitName(path: string): { prefix: string; name: string } | undefined {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  // Split at a slash so that both halves fit; a trailing slash of a directory stays with the name.
  for (let i = path.length - 2; i > 0; i--) {
    if (path[i] !== '/') continue;
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== '') return { prefix, name };
  }
  return undefined;
}

/** PAX records are `LEN key=value\n` where LEN counts the whole record including its own digits. */
function paxBody(records: Record<string, string>): Buffer {
  let out = '';
  for (const [key, value] of Object.entries(records)) {
    const rest = ` ${key}=${value}\n`;
    let len = Buffer.byteLength(rest) + 1;
    while (String(len).length + Buffer.byteLength(rest) !== len) len = String(len).length + Buffer.byteLength(rest);
    out += `${len}${rest}`;
  }
  return Buffer.from(out, 'utf8');
}

function padding(size: number): Buffer {
  const rem = size % BLOCK;
  return Buffer.alloc(rem === 0 ? 0 : BLOCK - rem);
}

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

function truncate(s: string, bytes: number): string {
  const buf = Buffer.from(s, 'utf8');
  return buf.length <= bytes ? s : buf.subarray(0, bytes).toString('utf8');
}
