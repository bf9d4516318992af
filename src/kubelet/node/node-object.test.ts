import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialNode, KUBELET_VERSION, nodeStatusFields } from './node-object.js';
import type { MachineInfo } from './machine-info.js';

const machine: MachineInfo = {
  numCores: 2,
  memoryCapacity: 4 * 1024 * 1024 * 1024,
  filesystemCapacity: 10 * 1024 * 1024 * 1024,
  machineID: 'mid',
  bootID: 'bid',
  kernelVersion: '6.1.0',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
  architecture: 'amd64',
};
const id = { nodeName: 'n1', hostname: 'n1', nodeIP: '10.0.0.5', labels: { role: 'worker' } };

test('initialNode carries the well-known labels and extra labels', () => {
  const node = initialNode(id, machine);
  assert.equal(node.metadata.name, 'n1');
  const cases = [
    { label: 'kubernetes.io/hostname', want: 'n1' },
    { label: 'kubernetes.io/os', want: 'linux' },
    { label: 'kubernetes.io/arch', want: 'amd64' },
    { label: 'role', want: 'worker' },
  ];
  for (const c of cases) assert.equal(node.metadata.labels?.[c.label], c.want, c.label);
  assert.equal(node.status, undefined);
});

test('nodeStatusFields reports capacity, allocatable, addresses and nodeInfo', () => {
  const s = nodeStatusFields({ ...id, kubeletPort: 10250 }, machine, 'containerd://1.6.20');
  assert.deepEqual(s.capacity, { cpu: '2', 'ephemeral-storage': '10485760Ki', memory: '4194304Ki', pods: '110' });
  assert.equal(s.allocatable?.memory, `${4194304 - 102400}Ki`);
  assert.equal(s.allocatable?.['ephemeral-storage'], String(Math.floor(10 * 1024 ** 3 * 0.9)));
  assert.deepEqual(s.addresses, [
    { type: 'InternalIP', address: '10.0.0.5' },
    { type: 'Hostname', address: 'n1' },
  ]);
  assert.equal(s.nodeInfo?.kubeletVersion, KUBELET_VERSION);
  assert.equal(s.nodeInfo?.containerRuntimeVersion, 'containerd://1.6.20');
  assert.deepEqual(s.daemonEndpoints, { kubeletEndpoint: { Port: 10250 } });
});
