/**
 * networking.k8s.io/v1: NetworkPolicy, Ingress, IngressClass, and the service IP allocation kinds IPAddress and
 * ServiceCIDR (GA in 1.33).
 *
 * Field numbers, JSON names, Go field order and patch/list metadata follow upstream `k8s.io/api/networking/v1`;
 * descriptions are our own.
 */

import {
  field,
  inline,
  int32,
  intOrString,
  kind,
  list,
  statusSubresource,
  string,
  struct,
  type KindDef,
  type StructType,
} from './dsl.js';
import { TypedLocalObjectReference } from './core-v1-config.js';
import { Condition, LabelSelector, ObjectMeta, TypeMeta } from './meta-v1.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export const NetworkPolicy: StructType = struct(
  'io.k8s.api.networking.v1.NetworkPolicy',
  'Which network traffic is allowed to and from a set of pods.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => NetworkPolicySpec, 'The pods selected and the traffic allowed for them.'),
  },
);

export const NetworkPolicySpec: StructType = struct(
  'io.k8s.api.networking.v1.NetworkPolicySpec',
  'The pods a network policy isolates and the traffic it allows.',
  {
    podSelector: field(1, () => LabelSelector, 'Pods in the namespace the policy applies to; empty selects all.', {
      required: true,
    }),
    ingress: field(
      2,
      list(() => NetworkPolicyIngressRule),
      'Incoming traffic allowed to the selected pods.',
      {
        listType: 'atomic',
      },
    ),
    egress: field(
      3,
      list(() => NetworkPolicyEgressRule),
      'Outgoing traffic allowed from the selected pods.',
      {
        listType: 'atomic',
      },
    ),
    policyTypes: field(4, list(string), 'Directions the policy isolates: Ingress, Egress or both.', {
      listType: 'atomic',
    }),
  },
);

export const NetworkPolicyIngressRule: StructType = struct(
  'io.k8s.api.networking.v1.NetworkPolicyIngressRule',
  'Traffic allowed in when it matches both the ports and the sources.',
  {
    ports: field(
      1,
      list(() => NetworkPolicyPort),
      'Destination ports allowed; empty allows all ports.',
      {
        listType: 'atomic',
      },
    ),
    from: field(
      2,
      list(() => NetworkPolicyPeer),
      'Sources allowed; empty allows all sources.',
      {
        listType: 'atomic',
      },
    ),
  },
);

export const NetworkPolicyEgressRule: StructType = struct(
  'io.k8s.api.networking.v1.NetworkPolicyEgressRule',
  'Traffic allowed out when it matches both the ports and the destinations.',
  {
    ports: field(
      1,
      list(() => NetworkPolicyPort),
      'Destination ports allowed; empty allows all ports.',
      {
        listType: 'atomic',
      },
    ),
    to: field(
      2,
      list(() => NetworkPolicyPeer),
      'Destinations allowed; empty allows all destinations.',
      {
        listType: 'atomic',
      },
    ),
  },
);

export const NetworkPolicyPort: StructType = struct(
  'io.k8s.api.networking.v1.NetworkPolicyPort',
  'A port, or range of ports, and protocol.',
  {
    protocol: field(1, string, 'TCP (the default), UDP or SCTP.', { pointer: true, enum: PROTOCOLS }),
    port: field(2, intOrString, 'Port number or named port; all ports when unset.', { pointer: true }),
    endPort: field(3, int32, 'Last port of a range starting at port.', { pointer: true }),
  },
);

export const IPBlock: StructType = struct(
  'io.k8s.api.networking.v1.IPBlock',
  'A CIDR range, minus some sub-ranges, as a traffic peer.',
  {
    cidr: field(1, string, 'The IP range, e.g. 10.0.0.0/16.', { required: true }),
    except: field(2, list(string), 'Sub-ranges of cidr that are excluded.', { listType: 'atomic' }),
  },
);

export const NetworkPolicyPeer: StructType = struct(
  'io.k8s.api.networking.v1.NetworkPolicyPeer',
  'A traffic peer: selected pods, selected namespaces, or an IP block.',
  {
    podSelector: field(1, () => LabelSelector, 'Pods selected, in the policy namespace or the selected namespaces.', {
      pointer: true,
    }),
    namespaceSelector: field(2, () => LabelSelector, 'Namespaces whose pods (or all pods) are peers.', {
      pointer: true,
    }),
    ipBlock: field(3, () => IPBlock, 'An IP range that is a peer.', { pointer: true }),
  },
);

export const Ingress: StructType = struct(
  'io.k8s.api.networking.v1.Ingress',
  'Rules routing outside HTTP traffic to services, implemented by an ingress controller.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => IngressSpec, 'Desired routing of the ingress.'),
    status: field(3, () => IngressStatus, 'Most recently observed state of the ingress.'),
  },
);

export const IngressSpec: StructType = struct(
  'io.k8s.api.networking.v1.IngressSpec',
  'Desired routing of an ingress.',
  {
    ingressClassName: field(4, string, 'IngressClass that selects the controller implementing the ingress.', {
      pointer: true,
    }),
    defaultBackend: field(1, () => IngressBackend, 'Backend for requests that match no rule.', { pointer: true }),
    tls: field(
      2,
      list(() => IngressTLS),
      'TLS settings per set of hosts.',
      { listType: 'atomic' },
    ),
    rules: field(
      3,
      list(() => IngressRule),
      'Host and path rules; unmatched traffic goes to the default backend.',
      {
        listType: 'atomic',
      },
    ),
  },
);

export const IngressTLS: StructType = struct(
  'io.k8s.api.networking.v1.IngressTLS',
  'TLS termination for a set of hosts.',
  {
    hosts: field(1, list(string), 'Hosts the certificate covers.', { listType: 'atomic' }),
    secretName: field(2, string, 'Secret holding the certificate and key.'),
  },
);

export const IngressStatus: StructType = struct(
  'io.k8s.api.networking.v1.IngressStatus',
  'Observed state of an ingress.',
  {
    loadBalancer: field(1, () => IngressLoadBalancerStatus, 'The load balancer serving the ingress.'),
  },
);

export const IngressLoadBalancerStatus: StructType = struct(
  'io.k8s.api.networking.v1.IngressLoadBalancerStatus',
  'The load balancer of an ingress.',
  {
    ingress: field(
      1,
      list(() => IngressLoadBalancerIngress),
      'Entry points of the load balancer.',
      {
        listType: 'atomic',
      },
    ),
  },
);

export const IngressLoadBalancerIngress: StructType = struct(
  'io.k8s.api.networking.v1.IngressLoadBalancerIngress',
  'One entry point of an ingress load balancer.',
  {
    ip: field(1, string, 'IP address of the entry point.'),
    hostname: field(2, string, 'DNS name of the entry point.'),
    ports: field(
      4,
      list(() => IngressPortStatus),
      'Status of the entry point ports.',
      { listType: 'atomic' },
    ),
  },
);

export const IngressPortStatus: StructType = struct(
  'io.k8s.api.networking.v1.IngressPortStatus',
  'Status of one load balancer port.',
  {
    port: field(1, int32, 'Port number.', { required: true }),
    protocol: field(2, string, 'TCP, UDP or SCTP.', { required: true, enum: PROTOCOLS }),
    error: field(3, string, 'Problem with the port, as a CamelCase reason; empty when healthy.', { pointer: true }),
  },
);

export const IngressRule: StructType = struct(
  'io.k8s.api.networking.v1.IngressRule',
  'Routes requests for a host to backends by path.',
  {
    host: field(1, string, 'Host name matched, optionally with a leading wildcard label; all hosts when empty.'),
    ingressRuleValue: inline(2, () => IngressRuleValue),
  },
);

export const IngressRuleValue: StructType = struct(
  'io.k8s.api.networking.v1.IngressRuleValue',
  'How requests matching a rule are routed.',
  {
    http: field(1, () => HTTPIngressRuleValue, 'HTTP path routing.', { pointer: true }),
  },
);

export const HTTPIngressRuleValue: StructType = struct(
  'io.k8s.api.networking.v1.HTTPIngressRuleValue',
  'HTTP paths mapped to backends.',
  {
    paths: field(
      1,
      list(() => HTTPIngressPath),
      'Paths and their backends.',
      { required: true, listType: 'atomic' },
    ),
  },
);

export const HTTPIngressPath: StructType = struct(
  'io.k8s.api.networking.v1.HTTPIngressPath',
  'A request path routed to a backend.',
  {
    path: field(1, string, 'Path matched against the request path; must start with a slash.'),
    pathType: field(3, string, 'How path is matched: Exact, Prefix or ImplementationSpecific.', {
      required: true,
      pointer: true,
      enum: ['Exact', 'ImplementationSpecific', 'Prefix'],
    }),
    backend: field(2, () => IngressBackend, 'Where matching requests are sent.', { required: true }),
  },
);

export const IngressBackend: StructType = struct(
  'io.k8s.api.networking.v1.IngressBackend',
  'A service port or a resource that receives traffic; exactly one is set.',
  {
    service: field(4, () => IngressServiceBackend, 'A service and port.', { pointer: true }),
    resource: field(3, () => TypedLocalObjectReference, 'Another resource in the namespace, e.g. a bucket.', {
      pointer: true,
    }),
  },
);

export const IngressServiceBackend: StructType = struct(
  'io.k8s.api.networking.v1.IngressServiceBackend',
  'A service and port receiving ingress traffic.',
  {
    name: field(1, string, 'Name of the service, in the ingress namespace.', { required: true }),
    port: field(2, () => ServiceBackendPort, 'Port of the service, by name or number.'),
  },
);

export const ServiceBackendPort: StructType = struct(
  'io.k8s.api.networking.v1.ServiceBackendPort',
  'A service port, by name or by number.',
  {
    name: field(1, string, 'Name of the service port.'),
    number: field(2, int32, 'Number of the service port.'),
  },
  { mapType: 'atomic' },
);

export const IngressClass: StructType = struct(
  'io.k8s.api.networking.v1.IngressClass',
  'A kind of ingress and the controller that implements it.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => IngressClassSpec, 'The controller and its parameters.'),
  },
);

export const IngressClassSpec: StructType = struct(
  'io.k8s.api.networking.v1.IngressClassSpec',
  'The controller of an ingress class.',
  {
    controller: field(1, string, 'Name of the controller, e.g. example.com/ingress-controller.'),
    parameters: field(2, () => IngressClassParametersReference, 'Resource holding controller configuration.', {
      pointer: true,
    }),
  },
);

export const IngressClassParametersReference: StructType = struct(
  'io.k8s.api.networking.v1.IngressClassParametersReference',
  'A reference to the resource holding an ingress class configuration.',
  {
    apiGroup: field(1, string, 'API group of the resource; the core group when unset.', { pointer: true }),
    kind: field(2, string, 'Kind of the resource.', { required: true }),
    name: field(3, string, 'Name of the resource.', { required: true }),
    scope: field(4, string, 'Cluster (the default) or Namespace.', { pointer: true, omitempty: false }),
    namespace: field(5, string, 'Namespace of the resource when scope is Namespace.', { pointer: true }),
  },
);

export const IPAddress: StructType = struct(
  'io.k8s.api.networking.v1.IPAddress',
  'An IP address allocated to a service, named after the address.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata; the name is the IP address.'),
    spec: field(2, () => IPAddressSpec, 'The object the address is allocated to.'),
  },
);

export const IPAddressSpec: StructType = struct(
  'io.k8s.api.networking.v1.IPAddressSpec',
  'What an IP address is allocated to.',
  {
    parentRef: field(1, () => ParentReference, 'The object that owns the address, usually a service.', {
      required: true,
      omitempty: true,
      pointer: true,
    }),
  },
);

export const ParentReference: StructType = struct(
  'io.k8s.api.networking.v1.ParentReference',
  'A reference to the object an IP address belongs to.',
  {
    group: field(1, string, 'API group of the object; empty for the core group.'),
    resource: field(2, string, 'Resource of the object, e.g. services.', { required: true, omitempty: true }),
    namespace: field(3, string, 'Namespace of the object.'),
    name: field(4, string, 'Name of the object.', { required: true, omitempty: true }),
  },
);

export const ServiceCIDR: StructType = struct(
  'io.k8s.api.networking.v1.ServiceCIDR',
  'A range of IPs from which service cluster IPs are allocated.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => ServiceCIDRSpec, 'The IP ranges.'),
    status: field(3, () => ServiceCIDRStatus, 'Observed state of the ranges.'),
  },
);

export const ServiceCIDRSpec: StructType = struct(
  'io.k8s.api.networking.v1.ServiceCIDRSpec',
  'The ranges of a ServiceCIDR.',
  {
    cidrs: field(1, list(string), 'At most two CIDRs, one per IP family; immutable.', { listType: 'atomic' }),
  },
);

export const ServiceCIDRStatus: StructType = struct(
  'io.k8s.api.networking.v1.ServiceCIDRStatus',
  'Observed state of a ServiceCIDR.',
  {
    conditions: field(
      1,
      list(() => Condition),
      'Latest observations, e.g. Ready.',
      {
        patchStrategy: 'merge',
        patchMergeKey: 'type',
        listType: 'map',
        listMapKeys: ['type'],
      },
    ),
  },
);

const networking = { group: 'networking.k8s.io', version: 'v1' } as const;

/** networking.k8s.io/v1 kinds. Resource names, short names and subresources match upstream discovery. */
export const networkingV1Kinds: readonly KindDef[] = [
  kind(IngressClass, { ...networking, kind: 'IngressClass', plural: 'ingressclasses', namespaced: false }),
  kind(Ingress, {
    ...networking,
    kind: 'Ingress',
    plural: 'ingresses',
    shortNames: ['ing'],
    subresources: [statusSubresource],
  }),
  kind(IPAddress, {
    ...networking,
    kind: 'IPAddress',
    plural: 'ipaddresses',
    namespaced: false,
    shortNames: ['ip'],
  }),
  kind(NetworkPolicy, { ...networking, kind: 'NetworkPolicy', plural: 'networkpolicies', shortNames: ['netpol'] }),
  kind(ServiceCIDR, {
    ...networking,
    kind: 'ServiceCIDR',
    plural: 'servicecidrs',
    namespaced: false,
    subresources: [statusSubresource],
  }),
];
