/** Endpoints (upstream pkg/registry/core/endpoint): port protocol defaulting and ValidateEndpoints. */
import {
  notSupported,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import {
  invalidEach,
  isDNS1123Label,
  isQualifiedName,
  isValidPortNum,
  nameIsDNSSubdomain,
} from '../../../../apimachinery/validation/names.js';
import type { KObject, Strategy } from '../../types.js';
import { validateIP, validateNonSpecialIP } from '../service/net.js';

interface EndpointAddress {
  ip?: string;
  hostname?: string;
  nodeName?: string;
}
interface EndpointPort {
  name?: string;
  port?: number;
  protocol?: string;
  appProtocol?: string;
}
interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const subsetsOf = (obj: KObject) => (obj.subsets ?? []) as EndpointSubset[];

function validateAddress(a: EndpointAddress, path: FieldPath): FieldError[] {
  const errs = validateIP(a.ip ?? '', path.child('ip'));
  if (a.hostname) errs.push(...invalidEach(path.child('hostname'), a.hostname, isDNS1123Label(a.hostname)));
  if (a.nodeName !== undefined)
    errs.push(...invalidEach(path.child('nodeName'), a.nodeName, nameIsDNSSubdomain(a.nodeName, false)));
  errs.push(...validateNonSpecialIP(a.ip ?? '', path.child('ip')));
  return errs;
}

function validatePort(p: EndpointPort, requireName: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(path.child('name')));
  else if (p.name) errs.push(...invalidEach(path.child('name'), p.name, isDNS1123Label(p.name)));
  errs.push(...invalidEach(path.child('port'), p.port ?? 0, isValidPortNum(p.port ?? 0)));
  if (!p.protocol) errs.push(required(path.child('protocol')));
  else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(path.child('protocol'), p.protocol, PROTOCOLS));
  if (p.appProtocol !== undefined)
    errs.push(...invalidEach(path.child('appProtocol'), p.appProtocol, isQualifiedName(p.appProtocol)));
  return errs;
}

/** ValidateEndpoints without the metadata part. */
export function validateEndpoints(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  subsetsOf(obj).forEach((ss, i) => {
    const path = root('subsets').index(i);
    // Headless services may have endpoints without ports, but never without addresses.
    if (!ss.addresses?.length && !ss.notReadyAddresses?.length) {
      errs.push(required(path, 'must specify `addresses` or `notReadyAddresses`'));
    }
    (ss.addresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, path.child('addresses').index(j))));
    (ss.notReadyAddresses ?? []).forEach((a, j) =>
      errs.push(...validateAddress(a, path.child('notReadyAddresses').index(j))),
    );
    const ports = ss.ports ?? [];
    ports.forEach((p, j) => errs.push(...validatePort(p, ports.length > 1, path.child('ports').index(j))));
  });
  return errs;
}

export const endpointsStrategy: Strategy = {
  defaults(obj) {
    for (const ss of subsetsOf(obj)) for (const p of ss.ports ?? []) if (!p.protocol) p.protocol = 'TCP';
  },
  validate: (obj) => validateEndpoints(obj),
  validateUpdate: (obj) => validateEndpoints(obj),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
};
