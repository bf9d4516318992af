/**
 * discovery.k8s.io/v1: EndpointSlice, the scalable replacement of core/v1 Endpoints.
 *
 * Field numbers, JSON names, Go field order and patch/list metadata follow upstream `k8s.io/api/discovery/v1`;
 * descriptions are our own.
 */

import {
  boolean,
  field,
  inline,
  int32,
  kind,
  list,
  map,
  string,
  struct,
  type KindDef,
  type StructType,
} from './dsl.js';
import { ObjectReference } from './core-v1-config.js';
import { ObjectMeta, TypeMeta } from './meta-v1.js';

export const EndpointSlice: StructType = struct(
  'io.k8s.api.discovery.v1.EndpointSlice',
  'A subset of the endpoints of a service, with the ports they serve.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    addressType: field(4, string, 'Kind of address in the slice: IPv4, IPv6 or FQDN; immutable.', {
      required: true,
      enum: ['FQDN', 'IPv4', 'IPv6'],
    }),
    endpoints: field(
      2,
      list(() => Endpoint),
      'The endpoints of the slice.',
      { required: true, listType: 'atomic' },
    ),
    ports: field(
      3,
      list(() => EndpointPort),
      'Ports every endpoint of the slice serves.',
      {
        omitempty: false,
        listType: 'atomic',
      },
    ),
  },
);

export const Endpoint: StructType = struct('io.k8s.api.discovery.v1.Endpoint', 'One backend of a service.', {
  addresses: field(1, list(string), 'Addresses of the endpoint, of the slice address type.', {
    required: true,
    listType: 'set',
  }),
  conditions: field(2, () => EndpointConditions, 'Readiness of the endpoint.'),
  hostname: field(3, string, 'Hostname of the endpoint, used for DNS records.', { pointer: true }),
  targetRef: field(4, () => ObjectReference, 'The object (usually a pod) behind the endpoint.', { pointer: true }),
  deprecatedTopology: field(5, map(string), 'Deprecated topology labels; use nodeName and zone.'),
  nodeName: field(6, string, 'Node hosting the endpoint.', { pointer: true }),
  zone: field(7, string, 'Zone the endpoint is in.', { pointer: true }),
  hints: field(8, () => EndpointHints, 'How the endpoint should be consumed for topology-aware routing.', {
    pointer: true,
  }),
});

export const EndpointConditions: StructType = struct(
  'io.k8s.api.discovery.v1.EndpointConditions',
  'Readiness of an endpoint.',
  {
    ready: field(1, boolean, 'Whether the endpoint should receive traffic; unknown when unset.', { pointer: true }),
    serving: field(2, boolean, 'Whether the endpoint is ready, even while terminating.', { pointer: true }),
    terminating: field(3, boolean, 'Whether the endpoint is terminating.', { pointer: true }),
  },
);

export const EndpointHints: StructType = struct(
  'io.k8s.api.discovery.v1.EndpointHints',
  'Topology-aware routing hints for an endpoint.',
  {
    forZones: field(
      1,
      list(() => ForZone),
      'Zones that should consume the endpoint.',
      { listType: 'atomic' },
    ),
    forNodes: field(
      2,
      list(() => ForNode),
      'Nodes that should consume the endpoint.',
      { listType: 'atomic' },
    ),
  },
);

export const ForZone: StructType = struct('io.k8s.api.discovery.v1.ForZone', 'A zone that should use an endpoint.', {
  name: field(1, string, 'Name of the zone.', { required: true }),
});

export const ForNode: StructType = struct('io.k8s.api.discovery.v1.ForNode', 'A node that should use an endpoint.', {
  name: field(1, string, 'Name of the node.', { required: true }),
});

export const EndpointPort: StructType = struct(
  'io.k8s.api.discovery.v1.EndpointPort',
  'A port served by the endpoints of a slice.',
  {
    name: field(1, string, 'Name of the port, matching the service port name.', { pointer: true }),
    protocol: field(2, string, 'TCP (the default), UDP or SCTP.', { pointer: true, enum: ['SCTP', 'TCP', 'UDP'] }),
    port: field(3, int32, 'Port number; unset means all ports.', { pointer: true }),
    appProtocol: field(4, string, 'Application protocol of the port, e.g. http or kubernetes.io/h2c.', {
      pointer: true,
    }),
  },
  { mapType: 'atomic' },
);

/** discovery.k8s.io/v1 kinds. */
export const discoveryV1Kinds: readonly KindDef[] = [
  kind(EndpointSlice, { group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', plural: 'endpointslices' }),
];
