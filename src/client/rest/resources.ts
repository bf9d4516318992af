/**
 * Descriptors of the built-in resources components use most. A frozen table of constants (no registry):
 * anything else is described inline with the same shape.
 */
import type { ResourceDescriptor } from './types.js';

const core = (resource: string, kind: string, namespaced = true): ResourceDescriptor =>
  Object.freeze({ group: '', version: 'v1', resource, kind, namespaced });
const grouped = (
  group: string,
  version: string,
  resource: string,
  kind: string,
  namespaced = true,
): ResourceDescriptor => Object.freeze({ group, version, resource, kind, namespaced });

export const CONFIGMAPS = core('configmaps', 'ConfigMap');
export const SECRETS = core('secrets', 'Secret');
export const PODS = core('pods', 'Pod');
export const SERVICES = core('services', 'Service');
export const ENDPOINTS = core('endpoints', 'Endpoints');
export const EVENTS = core('events', 'Event');
export const SERVICEACCOUNTS = core('serviceaccounts', 'ServiceAccount');
export const PERSISTENTVOLUMECLAIMS = core('persistentvolumeclaims', 'PersistentVolumeClaim');
export const NODES = core('nodes', 'Node', false);
export const NAMESPACES = core('namespaces', 'Namespace', false);
export const PERSISTENTVOLUMES = core('persistentvolumes', 'PersistentVolume', false);
export const LEASES = grouped('coordination.k8s.io', 'v1', 'leases', 'Lease');
export const DEPLOYMENTS = grouped('apps', 'v1', 'deployments', 'Deployment');
export const REPLICASETS = grouped('apps', 'v1', 'replicasets', 'ReplicaSet');
export const STATEFULSETS = grouped('apps', 'v1', 'statefulsets', 'StatefulSet');
export const DAEMONSETS = grouped('apps', 'v1', 'daemonsets', 'DaemonSet');
export const JOBS = grouped('batch', 'v1', 'jobs', 'Job');
export const ENDPOINTSLICES = grouped('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice');
