import { isAlreadyExists, isNotFound } from '../apimachinery/errors.js';
import type { Logger } from '../util/log.js';
import type { ApiRegistry } from './registry/api-registry.js';
import type { KObject, RequestContext } from './registry/types.js';

export interface BootstrapOptions {
  /** ClusterIP of the `kubernetes` Service (first address of the service CIDR). */
  kubernetesServiceIP: string;
  /** Address other nodes and pods reach this API server at (the Endpoints of the `kubernetes` Service). */
  advertiseAddress: string;
  port: number;
  now: () => Date;
  logger: Logger;
}

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/**
 * What kube-apiserver's bootstrap controller guarantees at start: the system namespaces, and the `kubernetes`
 * Service in `default` with Endpoints and an EndpointSlice pointing at this API server. Idempotent.
 */
export async function ensureSystemObjects(registry: ApiRegistry, o: BootstrapOptions): Promise<void> {
  const ctx = (namespace: string): RequestContext => ({
    namespace,
    dryRun: false,
    user: { name: 'system:apiserver', groups: ['system:masters'] },
    now: o.now(),
  });
  const ensure = async (group: string, version: string, resource: string, namespace: string, obj: KObject) => {
    const served = registry.get(group, version, resource);
    if (!served) return;
    // Look first: creating again would run the write hooks (e.g. ClusterIP allocation) for an object that exists.
    try {
      await served.store.get(ctx(namespace), obj.metadata.name!);
      return;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    try {
      await served.store.create(ctx(namespace), obj);
      o.logger.info('created system object', { resource, namespace, name: obj.metadata.name });
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  };
  for (const name of SYSTEM_NAMESPACES) {
    await ensure('', 'v1', 'namespaces', '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  await ensure('', 'v1', 'services', 'default', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: o.kubernetesServiceIP,
      clusterIPs: [o.kubernetesServiceIP],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: o.port }],
      sessionAffinity: 'None',
    },
  });
  await ensure('', 'v1', 'endpoints', 'default', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: o.advertiseAddress }], ports: [{ name: 'https', port: o.port, protocol: 'TCP' }] }],
  });
  await ensure('discovery.k8s.io', 'v1', 'endpointslices', 'default', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [o.advertiseAddress], conditions: { ready: true } }],
    ports: [{ name: 'https', port: o.port, protocol: 'TCP' }],
  });
}
