/**
 * core/v1: services and endpoints.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { boolean, field, inline, int32, intOrString, list, map, string, struct, type StructType } from './dsl.js';
import { ObjectReference } from './core-v1-config.js';
import { Condition, ObjectMeta, TypeMeta } from './meta-v1.js';

export const Service: StructType = struct(
  'io.k8s.api.core.v1.Service',
  'A named abstraction over a set of pods, with a stable virtual IP and ports.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => ServiceSpec, 'Desired behaviour of the service.'),
    status: field(3, () => ServiceStatus, 'Most recently observed status of the service.'),
  },
);

export const ServiceSpec: StructType = struct('io.k8s.api.core.v1.ServiceSpec', 'Desired behaviour of a service.', {
  ports: field(
    1,
    list(() => ServicePort),
    'Ports the service exposes.',
    { patchStrategy: 'merge', patchMergeKey: 'port', listType: 'map', listMapKeys: ['port', 'protocol'] },
  ),
  selector: field(2, map(string), 'Labels of the pods traffic is routed to.', { mapType: 'atomic' }),
  clusterIP: field(3, string, 'Virtual IP of the service; None makes it headless.'),
  clusterIPs: field(18, list(string), 'Virtual IPs of the service, one per IP family.', { listType: 'atomic' }),
  type: field(4, string, 'ClusterIP, NodePort, LoadBalancer or ExternalName.', {
    enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  }),
  externalIPs: field(5, list(string), 'Extra IPs for which nodes accept traffic for the service.', {
    listType: 'atomic',
  }),
  sessionAffinity: field(7, string, 'ClientIP or None.', { enum: ['ClientIP', 'None'] }),
  loadBalancerIP: field(8, string, 'Deprecated requested load balancer IP.'),
  loadBalancerSourceRanges: field(9, list(string), 'Client CIDRs allowed through the load balancer.', {
    listType: 'atomic',
  }),
  externalName: field(10, string, 'DNS name returned as a CNAME for ExternalName services.'),
  externalTrafficPolicy: field(
    11,
    string,
    'Whether external traffic is routed to node-local endpoints only: Cluster or Local.',
    { enum: ['Cluster', 'Local'] },
  ),
  healthCheckNodePort: field(12, int32, 'Node port of the health check for Local external traffic.'),
  publishNotReadyAddresses: field(13, boolean, 'Publish endpoints of pods that are not ready.'),
  sessionAffinityConfig: field(14, () => SessionAffinityConfig, 'Settings of session affinity.', { pointer: true }),
  ipFamilies: field(19, list(string), 'IP families of the service, IPv4 and/or IPv6.', { listType: 'atomic' }),
  ipFamilyPolicy: field(17, string, 'SingleStack, PreferDualStack or RequireDualStack.', {
    pointer: true,
    enum: ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
  }),
  allocateLoadBalancerNodePorts: field(20, boolean, 'Whether node ports are allocated for LoadBalancer services.', {
    pointer: true,
  }),
  loadBalancerClass: field(21, string, 'Load balancer implementation to use.', { pointer: true }),
  internalTrafficPolicy: field(
    22,
    string,
    'Whether internal traffic is routed to node-local endpoints only: Cluster or Local.',
    { pointer: true, enum: ['Cluster', 'Local'] },
  ),
  trafficDistribution: field(23, string, 'Preference for how traffic is distributed, e.g. PreferClose.', {
    pointer: true,
  }),
});

export const ServicePort: StructType = struct('io.k8s.api.core.v1.ServicePort', 'A port of a service.', {
  name: field(1, string, 'Name of the port, required when there are several.'),
  protocol: field(2, string, 'TCP, UDP or SCTP.', { default: 'TCP', enum: ['SCTP', 'TCP', 'UDP'] }),
  appProtocol: field(6, string, 'Application protocol, e.g. http or kubernetes.io/h2c.', { pointer: true }),
  port: field(3, int32, 'Port the service listens on.', { required: true }),
  targetPort: field(4, intOrString, 'Port number or name on the pods.'),
  nodePort: field(5, int32, 'Port on each node for NodePort and LoadBalancer services.'),
});

export const ServiceStatus: StructType = struct('io.k8s.api.core.v1.ServiceStatus', 'Observed state of a service.', {
  loadBalancer: field(1, () => LoadBalancerStatus, 'Status of the load balancer, if any.'),
  conditions: field(
    2,
    list(() => Condition),
    'Current conditions of the service.',
    { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
  ),
});

export const LoadBalancerStatus: StructType = struct(
  'io.k8s.api.core.v1.LoadBalancerStatus',
  'Status of a load balancer.',
  {
    ingress: field(
      1,
      list(() => LoadBalancerIngress),
      'Ingress points of the load balancer.',
      { listType: 'atomic' },
    ),
  },
);

export const LoadBalancerIngress: StructType = struct(
  'io.k8s.api.core.v1.LoadBalancerIngress',
  'An ingress point of a load balancer.',
  {
    ip: field(1, string, 'IP address of the ingress point.'),
    hostname: field(2, string, 'Hostname of the ingress point.'),
    ipMode: field(3, string, 'How traffic reaches the IP: VIP or Proxy.', { pointer: true }),
    ports: field(
      4,
      list(() => PortStatus),
      'Status of the service ports.',
      { listType: 'atomic' },
    ),
  },
);

export const PortStatus: StructType = struct('io.k8s.api.core.v1.PortStatus', 'Status of one service port.', {
  port: field(1, int32, 'Port number.', { required: true }),
  protocol: field(2, string, 'TCP, UDP or SCTP.', { required: true, enum: ['SCTP', 'TCP', 'UDP'] }),
  error: field(3, string, 'Problem with the port, if any.', { pointer: true }),
});

export const SessionAffinityConfig: StructType = struct(
  'io.k8s.api.core.v1.SessionAffinityConfig',
  'Settings of session affinity.',
  {
    clientIP: field(1, () => ClientIPConfig, 'Settings of ClientIP affinity.', { pointer: true }),
  },
);

export const ClientIPConfig: StructType = struct(
  'io.k8s.api.core.v1.ClientIPConfig',
  'Settings of ClientIP session affinity.',
  {
    timeoutSeconds: field(1, int32, 'Seconds a session sticks to one endpoint.', { pointer: true }),
  },
);

export const Endpoints: StructType = struct(
  'io.k8s.api.core.v1.Endpoints',
  'The addresses and ports backing a service.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    subsets: field(
      2,
      list(() => EndpointSubset),
      'Groups of addresses sharing the same ports.',
      { listType: 'atomic' },
    ),
  },
);

export const EndpointSubset: StructType = struct(
  'io.k8s.api.core.v1.EndpointSubset',
  'Addresses that share a set of ports.',
  {
    addresses: field(
      1,
      list(() => EndpointAddress),
      'Addresses that are ready.',
      { listType: 'atomic' },
    ),
    notReadyAddresses: field(
      2,
      list(() => EndpointAddress),
      'Addresses that are not ready yet.',
      { listType: 'atomic' },
    ),
    ports: field(
      3,
      list(() => EndpointPort),
      'Ports available on the addresses.',
      { listType: 'atomic' },
    ),
  },
);

export const EndpointAddress: StructType = struct(
  'io.k8s.api.core.v1.EndpointAddress',
  'One endpoint address.',
  {
    ip: field(1, string, 'IP address of the endpoint.', { required: true }),
    hostname: field(3, string, 'Hostname of the endpoint.'),
    nodeName: field(4, string, 'Node hosting the endpoint.', { pointer: true }),
    targetRef: field(2, () => ObjectReference, 'Object providing the endpoint, usually a pod.', { pointer: true }),
  },
  { mapType: 'atomic' },
);

export const EndpointPort: StructType = struct(
  'io.k8s.api.core.v1.EndpointPort',
  'A port of endpoints.',
  {
    name: field(1, string, 'Name of the port, matching the service port name.'),
    port: field(2, int32, 'Port number.', { required: true }),
    protocol: field(3, string, 'TCP, UDP or SCTP.', { enum: ['SCTP', 'TCP', 'UDP'] }),
    appProtocol: field(4, string, 'Application protocol of the port.', { pointer: true }),
  },
  { mapType: 'atomic' },
);
