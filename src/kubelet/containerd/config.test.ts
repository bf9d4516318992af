import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAUSE_IMAGE } from '../images/catalog.js';
import {
  containerdPaths,
  DEBIAN_CNI_BIN_DIR,
  MIRRORED_REGISTRIES,
  NO_MIRROR,
  renderContainerdConfig,
  renderRegistryHosts,
  writeContainerdConfig,
} from './config.js';

test('the config keeps every path under the data dir and sets what this machine needs', () => {
  const paths = containerdPaths('/var/lib/k8ts/node1/containerd');
  const toml = renderContainerdConfig(paths, { streamServerPort: 34567 });
  const want = [
    'version = 2',
    'root = "/var/lib/k8ts/node1/containerd/root"',
    'state = "/var/lib/k8ts/node1/containerd/state"',
    'address = "/var/lib/k8ts/node1/containerd/containerd.sock"',
    `sandbox_image = "${PAUSE_IMAGE}"`,
    'stream_server_address = "127.0.0.1"',
    'stream_server_port = "34567"',
    'restrict_oom_score_adj = true',
    'netns_mounts_under_state_dir = true',
    'SystemdCgroup = false',
    'Root = "/var/lib/k8ts/node1/containerd/state/runc"',
    `bin_dir = "${DEBIAN_CNI_BIN_DIR}"`,
    'conf_dir = "/var/lib/k8ts/node1/containerd/cni/net.d"',
    'config_path = "/var/lib/k8ts/node1/containerd/certs.d"',
    'path = "/var/lib/k8ts/node1/containerd/opt"',
  ];
  for (const line of want) assert.ok(toml.includes(line), `config lacks ${line}:\n${toml}`);
  assert.ok(!toml.includes('/var/lib/containerd'), 'nothing in the shared default root');
  assert.ok(!/\/run\/containerd/.test(toml), 'nothing in the shared default state dir');
});

test('options override the sandbox image, streaming address and CNI dirs', () => {
  const toml = renderContainerdConfig(containerdPaths('/d'), {
    streamServerPort: 1,
    streamServerAddress: '10.0.0.2',
    sandboxImage: 'docker.io/library/busybox:latest',
    cniBinDir: '/opt/cni/bin',
    cniConfDir: '/etc/k8ts/cni',
  });
  for (const line of [
    'sandbox_image = "docker.io/library/busybox:latest"',
    'stream_server_address = "10.0.0.2"',
    'bin_dir = "/opt/cni/bin"',
    'conf_dir = "/etc/k8ts/cni"',
  ]) {
    assert.ok(toml.includes(line), line);
  }
});

test('a socket path too long for a unix socket is refused up front', () => {
  assert.throws(
    () => renderContainerdConfig(containerdPaths(`/tmp/${'x'.repeat(120)}`), { streamServerPort: 1 }),
    /longer than/,
  );
});

test('hosts.toml points both server and host at the local mirror, pull and resolve only', () => {
  const hosts = renderRegistryHosts('127.0.0.1:5000');
  assert.match(hosts, /^server = "http:\/\/127\.0\.0\.1:5000"$/m);
  assert.match(hosts, /^\[host\."http:\/\/127\.0\.0\.1:5000"\]$/m);
  assert.match(hosts, /capabilities = \["pull", "resolve"\]/);
  assert.ok(!hosts.includes('docker.io'), 'nothing falls through to the real registry');
});

test('writeContainerdConfig creates the layout and a mirror hosts.toml for every registry', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'k8ts-ctdcfg-'));
  try {
    const paths = await writeContainerdConfig(dir, { streamServerPort: 40000, registryMirror: '127.0.0.1:41000' });
    assert.match(await readFile(paths.config, 'utf8'), /stream_server_port = "40000"/);
    for (const d of [paths.root, paths.state, paths.cniConfDir]) assert.ok((await stat(d)).isDirectory(), d);
    for (const registry of MIRRORED_REGISTRIES) {
      const hosts = await readFile(join(paths.registryConfigDir, registry, 'hosts.toml'), 'utf8');
      assert.match(hosts, /server = "http:\/\/127\.0\.0\.1:41000"/, registry);
    }
    assert.ok(MIRRORED_REGISTRIES.includes('docker.io') && MIRRORED_REGISTRIES.includes('_default'));

    await writeContainerdConfig(dir, { streamServerPort: 40001 });
    const hosts = await readFile(join(paths.registryConfigDir, 'docker.io', 'hosts.toml'), 'utf8');
    assert.match(
      hosts,
      new RegExp(`server = "http://${NO_MIRROR.replace(/\./g, '\\.')}"`),
      'without a mirror, pulls fail locally',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
