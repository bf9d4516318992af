/**
 * EndpointSlices (upstream pkg/registry/discovery/endpointslice): addressType required and fixed, addresses
 * of that type, ports with protocols; generation tracks changes.
 */
import {
  duplicate,
  invalidValue,
  notSupported,
  required,
  root,
  tooMany,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import {
  invalidEach,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  validateImmutableField,
  validateLabels,
} from '../../../../apimachinery/validation/names.js';
import type { KObject, Strategy } from '../../types.js';
import { ipFamilyOf, validateNonSpecialIP } from '../../core/service/net.js';

interface Endpoint {
  addresses?: string[];
  hostname?: string;
  deprecatedTopology?: Record<string, string>;
}
interface EndpointPort {
  name?: string;
  protocol?: string;
  port?: number;
  appProtocol?: string;
}
interface EndpointSlice extends KObject {
  addressType?: string;
  endpoints?: Endpoint[];
  ports?: EndpointPort[];
}

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 100;
const MAX_TOPOLOGY_LABELS = 16;

function validateAddress(type: string, address: string, path: FieldPath): FieldError[] {
  switch (type) {
    case 'IPv4':
      return ipFamilyOf(address) === 'IPv4'
        ? validateNonSpecialIP(address, path)
        : [invalidValue(path, address, 'must be a valid IPv4 address')];
    case 'IPv6':
      return ipFamilyOf(address) === 'IPv6'
        ? validateNonSpecialIP(address, path)
        : [invalidValue(path, address, 'must be a valid IPv6 address')];
    case 'FQDN':
      return invalidEach(path, address, isDNS1123Subdomain(address.toLowerCase()));
    default:
      return [];
  }
}

/** ValidateEndpointSlice without the metadata part; `updating` also accepts the deprecated type "IP". */
export function validateEndpointSlice(obj: KObject, updating = false): FieldError[] {
  const es = obj as EndpointSlice;
  const errs: FieldError[] = [];
  const types = updating ? [...ADDRESS_TYPES, 'IP'] : ADDRESS_TYPES;
  if (!es.addressType) errs.push(required(root('addressType')));
  else if (!types.includes(es.addressType)) errs.push(notSupported(root('addressType'), es.addressType, types));
  const endpoints = es.endpoints ?? [];
  if (endpoints.length > MAX_ENDPOINTS) errs.push(tooMany(root('endpoints'), endpoints.length, MAX_ENDPOINTS));
  else {
    endpoints.forEach((ep, i) => {
      const p = root('endpoints').index(i);
      const addrs = ep?.addresses ?? [];
      if (!addrs.length) errs.push(required(p.child('addresses'), 'must contain at least 1 address'));
      else if (addrs.length > MAX_ADDRESSES) errs.push(tooMany(p.child('addresses'), addrs.length, MAX_ADDRESSES));
      addrs.forEach((a, j) => errs.push(...validateAddress(es.addressType ?? '', a, p.child('addresses').index(j))));
      const topo = ep?.deprecatedTopology ?? {};
      if (Object.keys(topo).length > MAX_TOPOLOGY_LABELS)
        errs.push(tooMany(p.child('deprecatedTopology'), Object.keys(topo).length, MAX_TOPOLOGY_LABELS));
      errs.push(...validateLabels(topo, p.child('deprecatedTopology')));
      if (ep?.hostname !== undefined)
        errs.push(...invalidEach(p.child('hostname'), ep.hostname, isDNS1123Label(ep.hostname)));
    });
  }
  const ports = es.ports ?? [];
  if (ports.length > MAX_PORTS) errs.push(tooMany(root('ports'), ports.length, MAX_PORTS));
  else {
    const names = new Set<string>();
    ports.forEach((port, i) => {
      const p = root('ports').index(i);
      const name = port?.name ?? '';
      if (name) errs.push(...invalidEach(p.child('name'), name, isDNS1123Label(name)));
      if (names.has(name)) errs.push(duplicate(p.child('name'), name));
      names.add(name);
      if (!port?.protocol) errs.push(required(p.child('protocol')));
      else if (!PROTOCOLS.includes(port.protocol))
        errs.push(notSupported(p.child('protocol'), port.protocol, PROTOCOLS));
      if (port?.appProtocol !== undefined)
        errs.push(...invalidEach(p.child('appProtocol'), port.appProtocol, isQualifiedName(port.appProtocol)));
    });
  }
  return errs;
}

export const endpointSliceStrategy: Strategy = {
  defaults(obj) {
    // Ports default to an empty name and TCP (SetDefaults_EndpointPort).
    for (const p of (obj as EndpointSlice).ports ?? []) {
      if (p.name === undefined) p.name = '';
      if (p.protocol === undefined) p.protocol = 'TCP';
    }
  },
  validate: (obj) => validateEndpointSlice(obj),
  validateUpdate: (obj, old) => [
    ...validateEndpointSlice(obj, true),
    ...validateImmutableField(
      (obj as EndpointSlice).addressType,
      (old as EndpointSlice).addressType,
      root('addressType'),
    ),
  ],
  allowUnconditionalUpdate: true,
};
