import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerHash, generateContainerConfig } from './container-config.js';
import { generatePodSandboxConfig } from './sandbox-config.js';
import type { ApiPod } from './pod-types.js';

const settings = { podLogsDir: '/var/log/pods', cgroupRoot: '/k8ts/n1' };
const pod = (over: Partial<ApiPod['spec']> = {}): ApiPod => ({
  metadata: { name: 'web', namespace: 'ns', uid: 'u1', labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image: 'busybox', ports: [{ containerPort: 80, hostPort: 8080 }] }], ...over },
});

test('generatePodSandboxConfig picks network mode and hostname from hostNetwork', () => {
  const cases = [
    { name: 'pod network', hostNetwork: false, wantNet: 'POD', wantHost: 'web' },
    { name: 'host network', hostNetwork: true, wantNet: 'NODE', wantHost: '' },
  ];
  for (const c of cases) {
    const cfg = generatePodSandboxConfig(pod({ hostNetwork: c.hostNetwork }), 1, settings);
    assert.equal(cfg.linux?.security_context?.namespace_options?.network, c.wantNet, c.name);
    assert.equal(cfg.hostname, c.wantHost, c.name);
    assert.equal(cfg.log_directory, '/var/log/pods/ns_web_u1', c.name);
    assert.equal(cfg.linux?.cgroup_parent, '/k8ts/n1/podu1', c.name);
    assert.equal(cfg.labels?.['io.kubernetes.pod.uid'], 'u1', c.name);
    assert.deepEqual(cfg.port_mappings, [{ protocol: 'TCP', container_port: 80, host_port: 8080, host_ip: '' }], c.name);
  }
});

test('generatePodSandboxConfig uses cluster DNS only for ClusterFirst pod-network pods', () => {
  const dns = { ...settings, clusterDNS: ['10.96.0.10'] };
  assert.deepEqual(generatePodSandboxConfig(pod(), 0, dns).dns_config?.searches, ['ns.svc.cluster.local', 'svc.cluster.local', 'cluster.local']);
  assert.equal(generatePodSandboxConfig(pod({ hostNetwork: true }), 0, dns).dns_config, null);
  assert.equal(generatePodSandboxConfig(pod(), 0, settings).dns_config, null);
});

test('generateContainerConfig expands command and args and sets resources', () => {
  const p = pod();
  const container = { name: 'c', image: 'busybox', command: ['sh', '-c'], args: ['echo $(GREETING) $(NOPE)'], resources: { limits: { cpu: '500m', memory: '32Mi' } } };
  p.spec.containers = [container];
  const cfg = generateContainerConfig({ pod: p, container, imageRef: 'sha256:abc', attempt: 2, env: [['GREETING', 'hi']], mounts: [], memoryCapacity: 1024 ** 3 });
  assert.deepEqual(cfg.args, ['echo hi $(NOPE)']);
  assert.equal(cfg.log_path, 'c/2.log');
  assert.deepEqual(cfg.metadata, { name: 'c', attempt: 2 });
  assert.deepEqual(cfg.linux?.resources, { cpu_shares: '512', oom_score_adj: '-997', cpu_period: '100000', cpu_quota: '50000', memory_limit_in_bytes: String(32 * 1024 * 1024) });
  assert.equal(cfg.annotations?.['io.kubernetes.container.hash'], containerHash(container));
  assert.deepEqual(cfg.envs, [{ key: 'GREETING', value: 'hi' }]);
});
