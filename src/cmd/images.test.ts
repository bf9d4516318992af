import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './flags.js';
import { imagesUsage, runImagesCommand } from './images.js';

async function captureStdout(fn: () => Promise<void>): Promise<string> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    await fn();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

test('images build writes archives under the data dir; list shows them when containerd is not running', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'k8ts-images-cmd-'));
  try {
    const built = await captureStdout(() => runImagesCommand(['build', '--data-dir', dir, '--only', 'busybox']));
    assert.match(
      built,
      /built .*busybox\.tar sha256:[0-9a-f]{64} docker\.io\/library\/busybox:latest docker\.io\/library\/busybox:1\.36/,
    );
    assert.deepEqual(await readdir(join(dir, 'images')), ['busybox.tar']);
    const listed = await captureStdout(() => runImagesCommand(['list', '--data-dir', dir]));
    assert.match(listed, /busybox\.tar/);
    assert.match(listed, /not reachable/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('images rejects bad usage with a UsageError', async () => {
  const cases = [[], ['frobnicate'], ['import'], ['list', 'extra'], ['build', '--bogus']];
  for (const args of cases) await assert.rejects(runImagesCommand(args), UsageError, args.join(' '));
  assert.match(await captureStdout(() => runImagesCommand(['--help'])), /^Usage: k8ts images/);
  assert.match(imagesUsage, /import FILE/);
});
