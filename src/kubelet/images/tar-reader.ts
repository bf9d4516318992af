/**
 * A small tar reader for the archives k8ts handles: OCI and docker image archives and image layers. It
 * understands ustar, PAX extended headers (`path`, `linkpath`, `size`) and GNU long names, which covers
 * what our own writer, skopeo and docker produce.
 */

/** One member as read. `path` has no trailing slash; `data` is empty for non-files. */
export interface TarMember {
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  mode: number;
  uid: number;
  gid: number;
  linkname: string;
  data: Buffer;
}

const BLOCK = 512;

/** Reads every member of an uncompressed tar held in memory; throws on a corrupt header. */
export function readTar(buf: Buffer): TarMember[] {
  const out: TarMember[] = [];
  let offset = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (offset + BLOCK <= buf.length) {
    const h = buf.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) break;
    verifyChecksum(h, offset);
    const typeflag = String.fromCharCode(h[156]!);
    let size = parseNumber(h.subarray(124, 136));
    if (pax.size !== undefined) size = Number(pax.size);
    const dataStart = offset + BLOCK;
    const data = buf.subarray(dataStart, dataStart + size);
    if (data.length < size) throw new Error(`tar: member at ${offset} is truncated`);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;

    if (typeflag === 'x') {
      pax = { ...pax, ...parsePax(data) };
      continue;
    }
    if (typeflag === 'g') continue; // global PAX headers carry nothing we use
    if (typeflag === 'L') {
      longName = cString(data);
      continue;
    }
    if (typeflag === 'K') {
      longLink = cString(data);
      continue;
    }
    const prefix = cString(h.subarray(345, 500));
    const name = cString(h.subarray(0, 100));
    const path = pax.path ?? longName ?? (prefix ? `${prefix}/${name}` : name);
    const linkname = pax.linkpath ?? longLink ?? cString(h.subarray(157, 257));
    out.push({
      path: path.replace(/\/+$/, '').replace(/^\.\//, ''),
      type: memberType(typeflag),
      mode: parseNumber(h.subarray(100, 108)),
      uid: parseNumber(h.subarray(108, 116)),
      gid: parseNumber(h.subarray(116, 124)),
      linkname,
      data: typeflag === '0' || typeflag === '\u0000' || typeflag === '7' ? data : Buffer.alloc(0),
    });
    pax = {};
    longName = undefined;
    longLink = undefined;
  }
  return out;
}

function memberType(flag: string): TarMember['type'] {
  switch (flag) {
    case '0':
    case '\u0000':
    case '7':
      return 'file';
    case '5':
      return 'dir';
    case '2':
      return 'symlink';
    case '1':
      return 'hardlink';
    default:
      return 'other';
  }
}

function verifyChecksum(h: Buffer, offset: number): void {
  const want = parseNumber(h.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  if (sum !== want) throw new Error(`tar: bad header checksum at offset ${offset}`);
}

function parseNumber(field: Buffer): number {
  // Base-256 (high bit set) is GNU's encoding for values that do not fit in octal.
  if (field[0]! & 0x80) {
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i]!;
    return n;
  }
  const s = cString(field).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

function cString(b: Buffer): string {
  const end = b.indexOf(0);
  return b.subarray(0, end < 0 ? b.length : end).toString('utf8');
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(0x20, i);
    if (space < 0) break;
    const len = Number(data.subarray(i, space).toString('ascii'));
    if (!Number.isFinite(len) || len <= 0) break;
    const record = data.subarray(space + 1, i + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += len;
  }
  return out;
}
