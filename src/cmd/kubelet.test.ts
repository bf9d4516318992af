import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from './flags.js';
import { kubeletUsage, parseDurationMs, runKubelet } from './kubelet.js';

test('runKubelet rejects bad flags before starting anything', async () => {
  const cases = [
    { name: 'no kubeconfig', args: [], want: /--kubeconfig is required/ },
    { name: 'bad max-pods', args: ['--kubeconfig', '/dev/null', '--max-pods', '0'], want: /--max-pods/ },
    { name: 'unknown flag', args: ['--nope'], want: /nope/ },
    { name: 'unknown runtime', args: ['--kubeconfig', '/dev/null', '--runtime', 'docker'], want: /want containerd or fake/ },
    { name: 'hollow nodes need fake', args: ['--kubeconfig', '/dev/null', '--hollow-nodes', '3'], want: /need --runtime=fake/ },
    { name: 'bad hollow count', args: ['--kubeconfig', '/dev/null', '--runtime=fake', '--hollow-nodes', '-1'], want: /--hollow-nodes/ },
    { name: 'pod CIDR too small', args: ['--kubeconfig', '/dev/null', '--runtime=fake', '--hollow-nodes', '3', '--pod-cidr', '10.1.0.0/23'], want: /--pod-cidr: .*no subnet/ },
    { name: 'bad duration', args: ['--kubeconfig', '/dev/null', '--file-check-frequency', 'soon'], want: /not a duration/ },
    { name: 'bad qps', args: ['--kubeconfig', '/dev/null', '--kube-api-qps', '0'], want: /--kube-api-qps/ },
    { name: 'bad eviction threshold', args: ['--kubeconfig', '/dev/null', '--eviction-hard', 'memory.available=1Mi'], want: /--eviction-hard/ },
    { name: 'bad image GC threshold', args: ['--kubeconfig', '/dev/null', '--image-gc-high-threshold', '101'], want: /--image-gc-high-threshold/ },
  ];
  for (const c of cases) await assert.rejects(runKubelet(c.args), (err: unknown) => err instanceof UsageError && c.want.test(err.message), c.name);
});

test('kubeletUsage documents the required flag', () => {
  assert.match(kubeletUsage, /--kubeconfig FILE/);
  assert.match(kubeletUsage, /--eviction-hard SIGNAL<VALUE/);
});

test('parseDurationMs reads one-unit Go durations', () => {
  const cases = [
    { in: '20s', want: 20_000 },
    { in: '500ms', want: 500 },
    { in: '1.5m', want: 90_000 },
    { in: '1h', want: 3_600_000 },
  ];
  for (const c of cases) assert.equal(parseDurationMs('f', c.in), c.want, c.in);
  assert.throws(() => parseDurationMs('f', '20'), UsageError);
});
