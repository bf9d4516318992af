/**
 * NetworkPolicies (upstream pkg/registry/networking/networkpolicy): policyTypes and port protocols defaulted,
 * peers and ports validated; generation tracks spec changes.
 */
import {
  forbidden,
  invalidValue,
  notSupported,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import type { LabelSelector } from '../../../../apimachinery/meta.js';
import { validateLabelSelector } from '../../../../apimachinery/validation/label-selector.js';
import { invalidEach, isValidPortNum } from '../../../../apimachinery/validation/names.js';
import type { KObject, Strategy } from '../../types.js';
import { isStrictSubnet, isValidPortName, parseCIDR, validateCIDR } from '../../core/service/net.js';

interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}
interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr?: string; except?: string[] };
}
interface PolicySpec {
  podSelector?: LabelSelector;
  ingress?: { ports?: PolicyPort[]; from?: PolicyPeer[] }[];
  egress?: { ports?: PolicyPort[]; to?: PolicyPeer[] }[];
  policyTypes?: string[];
}

const specOf = (obj: KObject) => (obj.spec ??= {}) as PolicySpec;
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const POLICY_TYPES = ['Ingress', 'Egress'];

/** Port protocols default to TCP; policyTypes to Ingress, plus Egress when egress rules exist. */
export function defaultNetworkPolicy(obj: KObject): void {
  const spec = specOf(obj);
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])])
    for (const p of rule?.ports ?? []) if (!p.protocol) p.protocol = 'TCP';
  if (!spec.policyTypes?.length) spec.policyTypes = spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
}

function validatePort(p: PolicyPort, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (p.protocol !== undefined && !PROTOCOLS.includes(p.protocol))
    errs.push(notSupported(path.child('protocol'), p.protocol, PROTOCOLS));
  if (p.port === undefined) {
    if (p.endPort !== undefined)
      errs.push(invalidValue(path.child('endPort'), p.endPort, 'may not be specified when `port` is not specified'));
  } else if (typeof p.port === 'number') {
    errs.push(...invalidEach(path.child('port'), p.port, isValidPortNum(p.port)));
    if (p.endPort !== undefined) {
      if (p.endPort < p.port)
        errs.push(invalidValue(path.child('endPort'), p.endPort, 'must be greater than or equal to `port`'));
      errs.push(...invalidEach(path.child('endPort'), p.endPort, isValidPortNum(p.endPort)));
    }
  } else {
    if (p.endPort !== undefined)
      errs.push(invalidValue(path.child('endPort'), p.endPort, 'may not be specified when `port` is non-numeric'));
    errs.push(...invalidEach(path.child('port'), p.port, isValidPortName(p.port)));
  }
  return errs;
}

function validatePeer(peer: PolicyPeer, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (peer.podSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.podSelector, {}, path.child('podSelector')));
  }
  if (peer.namespaceSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, {}, path.child('namespaceSelector')));
  }
  if (peer.ipBlock) {
    n++;
    const p = path.child('ipBlock');
    const cidr = peer.ipBlock.cidr ?? '';
    if (!cidr) errs.push(required(p.child('cidr')));
    else {
      errs.push(...validateCIDR(cidr, p.child('cidr')));
      if (parseCIDR(cidr)) {
        (peer.ipBlock.except ?? []).forEach((e, i) => {
          const ep = p.child('except').index(i);
          const bad = validateCIDR(e, ep);
          errs.push(...bad);
          if (!bad.length && !isStrictSubnet(e, cidr))
            errs.push(invalidValue(ep, e, 'must be a strict subset of `cidr`'));
        });
      }
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a peer'));
  else if (n > 1 && peer.ipBlock) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

/** ValidateNetworkPolicySpec. */
export function validateNetworkPolicy(obj: KObject): FieldError[] {
  const spec = specOf(obj);
  const sp = root('spec');
  const errs = validateLabelSelector(spec.podSelector ?? {}, {}, sp.child('podSelector'));
  (spec.ingress ?? []).forEach((rule, i) => {
    const p = sp.child('ingress').index(i);
    (rule?.ports ?? []).forEach((port, j) => errs.push(...validatePort(port, p.child('ports').index(j))));
    (rule?.from ?? []).forEach((peer, j) => errs.push(...validatePeer(peer, p.child('from').index(j))));
  });
  (spec.egress ?? []).forEach((rule, i) => {
    const p = sp.child('egress').index(i);
    (rule?.ports ?? []).forEach((port, j) => errs.push(...validatePort(port, p.child('ports').index(j))));
    (rule?.to ?? []).forEach((peer, j) => errs.push(...validatePeer(peer, p.child('to').index(j))));
  });
  const types = spec.policyTypes ?? [];
  if (types.length > POLICY_TYPES.length) {
    errs.push(invalidValue(sp.child('policyTypes'), types, 'may not specify more than two policyTypes'));
    return errs;
  }
  types.forEach((t, i) => {
    if (!POLICY_TYPES.includes(t)) errs.push(notSupported(sp.child('policyTypes').index(i), t, POLICY_TYPES));
  });
  return errs;
}

export const networkPolicyStrategy: Strategy = {
  defaults: defaultNetworkPolicy,
  validate: (obj) => validateNetworkPolicy(obj),
  validateUpdate: (obj) => validateNetworkPolicy(obj),
  allowUnconditionalUpdate: true,
};
