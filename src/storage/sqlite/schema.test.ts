import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { randomBytes, createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { FakeClock } from '../../util/clock.js';
import { openSqliteStore } from './store.js';
import { SCHEMA_VERSION } from './schema.js';
import { storageError, tempDir } from './testing.js';

const dir = tempDir();
const open = (file: string) => openSqliteStore(file, { clock: new FakeClock() });
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('opening files that are not ours', () => {
  const cases: { name: string; make: (file: string) => void | Promise<void>; problem: RegExp }[] = [
    {
      name: 'random bytes',
      make: (file) => writeFileSync(file, randomBytes(64 * 1024)),
      problem: /corrupt|not a database/,
    },
    {
      name: 'another application’s SQLite database',
      make: (file) => {
        const db = new Database(file);
        db.exec(`CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO users (email) VALUES ('a@b')`);
        db.close();
      },
      problem: /another application.*table users/,
    },
    {
      name: 'a k8ts database from a newer version',
      make: async (file) => {
        await open(file).close();
        const db = new Database(file);
        db.prepare(`UPDATE meta SET value = ? WHERE key = 'schema_version'`).run(SCHEMA_VERSION + 1);
        db.close();
      },
      problem: new RegExp(`schema version ${SCHEMA_VERSION + 1} is newer`),
    },
    {
      name: 'a k8ts database with damaged pages past the header',
      make: async (file) => {
        const s = open(file);
        await Promise.all(Array.from({ length: 2000 }, (_, i) => s.create(`/registry/d/${i}`, 'x'.repeat(500))));
        await s.close();
        const fd = openSync(file, 'r+');
        writeSync(fd, Buffer.alloc(16 * 1024, 0xab), 0, 16 * 1024, 4096 * 100);
        closeSync(fd);
      },
      problem: /integrity check failed|malformed/,
    },
    {
      name: 'a k8ts database whose log table was dropped',
      make: async (file) => {
        await open(file).close();
        const db = new Database(file);
        db.exec('DROP TABLE kine');
        db.close();
      },
      problem: /table kine is missing/,
    },
  ];
  for (const c of cases) {
    test(`${c.name} fails with Corrupt naming the file, and the file is left as it was`, async () => {
      const file = join(dir, `${c.name.replace(/\W+/g, '-')}.db`);
      await c.make(file);
      const before = sha(file);
      assert.throws(
        () => open(file),
        storageError('Corrupt', new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*`)),
      );
      assert.throws(() => open(file), storageError('Corrupt', c.problem));
      assert.equal(sha(file), before, 'the file was not modified');
    });
  }
});

describe('opening and locking', () => {
  test('a missing file and its parent directories are created', async () => {
    const file = join(dir, 'a', 'b', 'state.db');
    const s = open(file);
    await s.create('/registry/x/a', 'v');
    await s.close();
    assert.ok(existsSync(file));
  });

  test('a second open in the same process fails with Unavailable until the first closes', async () => {
    const file = join(dir, 'twice.db');
    const s = open(file);
    assert.throws(() => open(file), storageError('Unavailable', /in use by another process/));
    await s.close();
    const again = open(file);
    await again.close();
  });

  test('a file held by another process fails with Unavailable naming it', async (t) => {
    const file = join(dir, 'held.db');
    const child = spawn(process.execPath, [new URL('./crash-child.js', import.meta.url).pathname, 'hold', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    t.after(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const lines = createInterface({ input: child.stdout });
    const [first] = (await once(lines, 'line')) as [string];
    assert.equal(first, 'ready');
    assert.throws(() => open(file), storageError('Unavailable', /held\.db is in use by another process/));
    child.kill('SIGKILL');
    await once(child, 'exit');
    // The lock dies with its holder.
    const s = open(file);
    await s.close();
  });
});
