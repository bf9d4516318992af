import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../testing/ports.js';
import { projectRoot } from './shared-scripts.js';

/** The README must stay true: its tour is run as written, on a scratch dir and a free port. */
test('the README tour runs as written', async () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const tour = /## A short tour[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(tour, 'README.md has a "## A short tour" section with a sh block');
  const dir = mkdtempSync(join(tmpdir(), 'k8ts-tour-'));
  const port = await findFreePort();
  const script = tour.replaceAll('/tmp/k8ts', dir).replaceAll('6443', String(port));
  try {
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, KUBECACHEDIR: join(dir, 'kcache') },
    });
    const out = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.status, 0, out);
    assert.match(r.stdout, /^ok/); // /readyz answers "ok" without a newline, as upstream
    assert.match(r.stdout, /resourcequota\/compute-resources/);
    assert.match(r.stdout, /deployment.apps\/nginx-deployment/);
    assert.match(r.stdout, /^yes$/m);
    assert.match(r.stdout, /\/registry\/namespaces\/team-a/);
    // The pod ran on the server's own node: Ready, a pod IP from the first /24 of the cluster CIDR, exec works.
    assert.match(r.stdout, /^node\/\S+ condition met$/m);
    assert.match(r.stdout, /^pod\/web condition met$/m);
    assert.match(r.stdout, /^web +1\/1 +Running +0 +\S+ +10\.42\.0\.\d+ /m);
    assert.match(out, /nginx version: nginx\//);
    assert.match(r.stdout, /^pod "web" deleted/m);
  } finally {
    spawnSync('pkill', ['-f', `--data-dir ${dir}`]);
    rmSync(dir, { recursive: true, force: true });
  }
});
