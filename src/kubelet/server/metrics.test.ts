import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ListContainersResponse, ListPodSandboxResponse } from '../cri/types-runtime.js';
import { KubeletMetrics } from './metrics.js';

test('kubelet metrics count ready sandboxes and containers by state when scraped', async () => {
  const containers = ['CONTAINER_RUNNING', 'CONTAINER_RUNNING', 'CONTAINER_EXITED'].map((state, i) => ({
    id: `c${i}`,
    state,
  }));
  const metrics = new KubeletMetrics(
    {
      listPodSandbox: async () => ({ items: [{ id: 's1' }, { id: 's2' }] }) as unknown as ListPodSandboxResponse,
      listContainers: async () => ({ containers }) as unknown as ListContainersResponse,
    },
    'node-1',
  );
  const text = await metrics.text();
  assert.match(text, /^kubelet_node_name\{node="node-1"\} 1$/m);
  assert.match(text, /^kubelet_running_pods 2$/m);
  assert.match(text, /^kubelet_running_containers\{container_state="running"\} 2$/m);
  assert.match(text, /^kubelet_running_containers\{container_state="exited"\} 1$/m);
  assert.match(text, /^kubelet_running_containers\{container_state="created"\} 0$/m);
});
