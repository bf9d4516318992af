/** Shared pieces of this directory's tests: an API server plus clients, and a fixed machine. */
import { startTestApiServer, type TestApiServer } from '../../testing/api-server.js';
import { RestClient } from '../../client/rest/rest-client.js';
import { LEASES, NODES } from '../../client/rest/resources.js';
import type { Lease } from '../../client/leaderelection/lease-lock.js';
import type { ResourceClient } from '../../client/rest/resource-client.js';
import type { MachineInfo } from './machine-info.js';
import { NODE_LEASE_NAMESPACE } from './node-lease.js';
import type { Node } from './types.js';

export const testMachine: MachineInfo = {
  numCores: 2,
  memoryCapacity: 2 * 1024 ** 3,
  filesystemCapacity: 20 * 1024 ** 3,
  machineID: 'machine-1',
  bootID: 'boot-1',
  kernelVersion: '6.1.0-test',
  osImage: 'Test Linux',
  architecture: 'amd64',
};

export interface ApiFixture {
  api: TestApiServer;
  client: RestClient;
  nodes: ResourceClient<Node>;
  leases: ResourceClient<Lease>;
  close(): Promise<void>;
}

export async function startApiFixture(): Promise<ApiFixture> {
  const api = await startTestApiServer();
  const client = RestClient.fromKubeconfig(api.kubeconfig, { component: 'kubelet-test' });
  return {
    api,
    client,
    nodes: client.resource<Node>(NODES),
    leases: client.resource<Lease>(LEASES, NODE_LEASE_NAMESPACE),
    async close() {
      client.close();
      await api.close();
    },
  };
}
