import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../testing/ports.js';
import { cniNames } from '../kubelet/cni/conflist.js';

const cli = fileURLToPath(new URL('./k8ts.js', import.meta.url));

function waitExit(child: ChildProcess, ms: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const t = setTimeout(() => reject(new Error(`process did not exit within ${ms} ms`)), ms);
    child.once('exit', (code) => {
      clearTimeout(t);
      resolve(code);
    });
  });
}

test('k8ts server serves /readyz, writes a kubeconfig kubectl can use, and stops cleanly on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8ts-server-test-'));
  const port = await findFreePort();
  // A static pod: the server's node runs it from DATA_DIR/agent/pod-manifests and mirrors it in the API.
  mkdirSync(join(dir, 'agent', 'pod-manifests'), { recursive: true });
  writeFileSync(
    join(dir, 'agent', 'pod-manifests', 'static-sleep.yaml'),
    'apiVersion: v1\nkind: Pod\nmetadata: {name: static-sleep}\nspec:\n  terminationGracePeriodSeconds: 1\n  containers:\n  - {name: c, image: busybox, command: [sleep, "3600"]}\n',
  );
  const child = spawn(process.execPath, [cli, 'server', '--data-dir', dir, '--port', String(port), '--kubelet-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  try {
    const kubeconfig = join(dir, 'kubeconfig.yaml');
    const deadline = Date.now() + 30_000;
    while (!existsSync(kubeconfig)) {
      assert.ok(Date.now() < deadline, `no kubeconfig after 30 s; log:\n${log}`);
      assert.equal(child.exitCode, null, `server exited early; log:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const readyz = await fetch(`http://127.0.0.1:${port}/readyz`);
    assert.equal(readyz.status, 200);
    assert.equal(await readyz.text(), 'ok');
    const version = (await (await fetch(`http://127.0.0.1:${port}/version`)).json()) as { major: string; gitVersion: string };
    assert.equal(version.major, '1');
    const out = execFileSync('kubectl', ['get', '--raw', '/readyz'], {
      env: { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'kcache') },
      encoding: 'utf8',
    });
    assert.equal(out.trim(), 'ok');
    assert.ok(existsSync(join(dir, 'db', 'state.db')), 'default datastore is sqlite under the data dir');
    // The server's own node registers Ready with the first /24 of --cluster-cidr and its gateway as InternalIP.
    const kubectl = (args: string[]) =>
      execFileSync('kubectl', args, { env: { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'kcache') }, encoding: 'utf8' });
    let nodes = '';
    for (const until = Date.now() + 60_000; !/ Ready /.test(nodes); ) {
      assert.ok(Date.now() < until, `no Ready node after 60 s: ${nodes}; log:\n${log}`);
      await new Promise((r) => setTimeout(r, 500));
      nodes = kubectl(['get', 'nodes', '--no-headers']);
    }
    const nodeName = kubectl(['get', 'nodes', '-o', 'jsonpath={.items[0].metadata.name}']);
    assert.equal(
      kubectl(['get', 'node', nodeName, '-o', 'jsonpath={.spec.podCIDR} {.status.addresses[?(@.type=="InternalIP")].address}']),
      '10.42.0.0/24 10.42.0.1',
    );
    let mirror = '';
    for (const until = Date.now() + 60_000; !/^Running kubernetes.io\/config.mirror$/.test(mirror); ) {
      assert.ok(Date.now() < until, `static pod not Running: ${mirror}; log:\n${log}`);
      await new Promise((r) => setTimeout(r, 500));
      mirror = kubectl(['get', 'pod', `static-sleep-${nodeName}`, '--ignore-not-found', '-o', 'jsonpath={.status.phase} {.metadata.annotations}']);
      mirror = mirror.replace(/ .*"(kubernetes\.io\/config\.mirror)".*/, ' $1');
    }
    const { bridgeName } = cniNames(nodeName);
    assert.match(execFileSync('ip', ['-4', 'addr', 'show', 'dev', bridgeName], { encoding: 'utf8' }), /inet 10\.42\.0\.1\/24/);
    child.kill('SIGTERM');
    assert.equal(await waitExit(child, 10_000), 0, `unclean exit; log:\n${log}`);
    // Stopping removed the node's bridge, its containerd's mounts and its service route.
    assert.throws(() => execFileSync('ip', ['link', 'show', 'dev', bridgeName], { stdio: 'ignore' }));
    assert.doesNotMatch(readFileSync('/proc/self/mountinfo', 'utf8'), new RegExp(dir));
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('k8ts server names the problem with a bad --datastore or an unreachable etcd', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8ts-server-test-'));
  try {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const c = spawn(process.execPath, [cli, 'server', '--data-dir', dir, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        c.stderr!.on('data', (d: Buffer) => (err += d.toString()));
        const t = setTimeout(() => c.kill('SIGKILL'), 30_000);
        c.on('exit', (code) => {
          clearTimeout(t);
          resolve({ code, err });
        });
      });
    const bad = await run(['--port', String(await findFreePort()), '--datastore', 'mysql:x']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown store "mysql"/);
    const badFlag = await run(['--prot', '1']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.err, /--prot/);
    const deadPort = await findFreePort();
    const unreachable = await run(['--port', String(await findFreePort()), '--datastore', `etcd:http://127.0.0.1:${deadPort}`]);
    assert.equal(unreachable.code, 1);
    assert.match(unreachable.err, new RegExp(`127\\.0\\.0\\.1:${deadPort}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Lets other users traverse the directories above `file` for the length of a test: a clone made with
 * `mktemp -d` sits in a 0700 directory, where user nobody could not load the CLI at all. Returns the undo.
 */
function traversableByOthers(file: string): () => void {
  const changed: [string, number][] = [];
  for (let d = dirname(file); ; d = dirname(d)) {
    const mode = statSync(d).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      chmodSync(d, mode | 0o001);
      changed.push([d, mode]);
    }
    if (d === dirname(d)) break;
  }
  return () => {
    for (const [d, mode] of changed.reverse()) chmodSync(d, mode);
  };
}

test('k8ts server run by another user than root says the node needs root and how to run without it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8ts-server-test-'));
  chmodSync(dir, 0o777);
  const restore = traversableByOthers(cli);
  try {
    const c = spawn(process.execPath, [cli, 'server', '--data-dir', dir, '--port', String(await findFreePort())], {
      stdio: ['ignore', 'ignore', 'pipe'],
      uid: 65534,
      gid: 65534,
    });
    let err = '';
    c.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    assert.equal(await waitExit(c, 30_000), 2, err);
    assert.match(err, /the node needs root/);
    assert.match(err, /--disable-agent/);
  } finally {
    restore();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('k8ts server starts again on the same data dir (system objects already exist)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8ts-server-test-'));
  try {
    for (let run = 0; run < 2; run++) {
      const port = await findFreePort();
      const child = spawn(process.execPath, [cli, 'server', '--data-dir', dir, '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
      let log = '';
      child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
      try {
        const deadline = Date.now() + 30_000;
        while (!/k8ts server is ready/.test(log)) {
          assert.equal(child.exitCode, null, `run ${run}: server exited early; log:\n${log}`);
          assert.ok(Date.now() < deadline, `run ${run}: not ready after 30 s; log:\n${log}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        const svc = (await (await fetch(`http://127.0.0.1:${port}/api/v1/namespaces/default/services/kubernetes`)).json()) as { spec: { clusterIP: string } };
        assert.equal(svc.spec.clusterIP, '10.43.0.1');
        child.kill('SIGTERM');
        assert.equal(await waitExit(child, 10_000), 0);
      } finally {
        child.kill('SIGKILL');
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two k8ts apiservers over one etcd serve the same objects and watches', async () => {
  const { startEtcd } = await import('../testing/etcd-process.js');
  const etcd = await startEtcd();
  const dirs = [mkdtempSync(join(tmpdir(), 'k8ts-ha-a-')), mkdtempSync(join(tmpdir(), 'k8ts-ha-b-'))];
  const children: ChildProcess[] = [];
  try {
    const ports: number[] = [];
    for (const dir of dirs) {
      const port = await findFreePort();
      ports.push(port);
      const child = spawn(process.execPath, [cli, 'apiserver', '--data-dir', dir, '--port', String(port), '--datastore', `etcd:${etcd.endpoint}`], { stdio: ['ignore', 'ignore', 'pipe'] });
      children.push(child);
      let log = '';
      child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
      const deadline = Date.now() + 30_000;
      while (!/k8ts apiserver is ready/.test(log)) {
        assert.equal(child.exitCode, null, `apiserver exited early; log:\n${log}`);
        assert.ok(Date.now() < deadline, `apiserver not ready after 30 s; log:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const [a, b] = ports.map((p) => `http://127.0.0.1:${p}`);
    // a watch on B, a write on A
    const ctl = new AbortController();
    const watch = await fetch(`${b}/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=0`, { signal: ctl.signal });
    const reader = watch.body!.getReader();
    const created = await fetch(`${a}/api/v1/namespaces/default/configmaps`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shared' }, data: { x: '1' } }),
    });
    assert.equal(created.status, 201);
    let text = '';
    const deadline = Date.now() + 10_000;
    while (!text.includes('"shared"') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
    }
    ctl.abort();
    assert.match(text, /"type":"ADDED".*"name":"shared"/);
    const got = (await (await fetch(`${b}/api/v1/namespaces/default/configmaps/shared`)).json()) as { data: { x: string } };
    assert.equal(got.data.x, '1');
    // both bootstrapped against the same store: one kubernetes Service, one ClusterIP
    const svc = (await (await fetch(`${b}/api/v1/namespaces/default/services/kubernetes`)).json()) as { spec: { clusterIP: string } };
    assert.equal(svc.spec.clusterIP, '10.43.0.1');
  } finally {
    for (const c of children) {
      c.kill('SIGTERM');
      await waitExit(c, 10_000).catch(() => c.kill('SIGKILL'));
    }
    await etcd.cleanup();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
});
