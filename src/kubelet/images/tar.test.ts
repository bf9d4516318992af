import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTar } from './tar-reader.js';
import { writeTar, type TarEntry } from './tar-writer.js';

const longDir = `${'d'.repeat(120)}/${'e'.repeat(60)}`;
const veryLong = `${'x'.repeat(170)}/${'y'.repeat(120)}`;

const entries: TarEntry[] = [
  { type: 'dir', path: 'bin' },
  { type: 'file', path: 'bin/busybox', data: Buffer.from('#!fake\n'), mode: 0o755 },
  { type: 'symlink', path: 'bin/sh', target: '/bin/busybox' },
  { type: 'dir', path: 'tmp', mode: 0o1777 },
  { type: 'file', path: 'etc/empty', data: Buffer.alloc(0) },
  { type: 'file', path: `${longDir}/file.txt`, data: Buffer.from('in a long directory') },
  { type: 'file', path: veryLong, data: Buffer.alloc(1000, 7), uid: 33, gid: 33 },
  { type: 'symlink', path: 'long-link', target: `/${veryLong}` },
];

test('readTar reads back what writeTar wrote, including long names and link targets', () => {
  const members = readTar(writeTar(entries));
  assert.deepEqual(
    members.map((m) => [m.path, m.type, m.linkname, m.data.length]),
    [
      ['bin', 'dir', '', 0],
      ['bin/busybox', 'file', '', 7],
      ['bin/sh', 'symlink', '/bin/busybox', 0],
      ['tmp', 'dir', '', 0],
      ['etc/empty', 'file', '', 0],
      [`${longDir}/file.txt`, 'file', '', 19],
      [veryLong, 'file', '', 1000],
      ['long-link', 'symlink', `/${veryLong}`, 0],
    ],
  );
  assert.equal(members[1]!.mode, 0o755);
  assert.equal(members[3]!.mode, 0o1777);
  assert.deepEqual([members[6]!.uid, members[6]!.gid], [33, 33]);
});

test('writeTar is deterministic and block-aligned', () => {
  const a = writeTar(entries);
  assert.deepEqual(a, writeTar(entries));
  assert.equal(a.length % 512, 0);
});

test('GNU tar lists our archives identically', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8ts-tar-'));
  try {
    writeFileSync(join(dir, 'a.tar'), writeTar(entries));
    const listed = execFileSync('tar', ['-tf', join(dir, 'a.tar')], { encoding: 'utf8' })
      .trim()
      .split('\n');
    assert.deepEqual(
      listed,
      entries.map((e) => (e.type === 'dir' ? `${e.path}/` : e.path)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readTar rejects a corrupt header', () => {
  const tar = writeTar(entries);
  tar[10] = tar[10]! ^ 0xff;
  assert.throws(() => readTar(tar), /checksum/);
});
