import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from './flags.js';
import { kubeletUsage, runKubelet } from './kubelet.js';

test('runKubelet rejects bad flags before starting anything', async () => {
  const cases = [
    { name: 'no kubeconfig', args: [], want: /--kubeconfig is required/ },
    { name: 'bad max-pods', args: ['--kubeconfig', '/dev/null', '--max-pods', '0'], want: /--max-pods/ },
    { name: 'unknown flag', args: ['--nope'], want: /nope/ },
  ];
  for (const c of cases) await assert.rejects(runKubelet(c.args), (err: unknown) => err instanceof UsageError && c.want.test(err.message), c.name);
});

test('kubeletUsage documents the required flag', () => {
  assert.match(kubeletUsage, /--kubeconfig FILE/);
});
