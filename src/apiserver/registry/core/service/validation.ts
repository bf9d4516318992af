/**
 * Service validation (upstream ValidateService, ValidateServiceUpdate and the cluster-IP/IP-family rules),
 * with upstream's messages. An empty clusterIP is valid on create: the allocator fills it in.
 */
import {
  duplicate,
  forbidden,
  invalidValue,
  notSupported,
  required,
  root,
  type FieldError,
} from '../../../../apimachinery/field-errors.js';
import {
  invalidEach,
  isDNS1123Label,
  isDNS1123Subdomain,
  isDNS1035Label,
  isQualifiedName,
  isValidPortNum,
  validateLabels,
} from '../../../../apimachinery/validation/names.js';
import { ipFamilyOf, validateCIDR, validateIP, validateNonSpecialIP, validatePortNumOrName } from './net.js';
import {
  externallyAccessible,
  isHeadless,
  needsHealthCheckNodePort,
  specOf,
  type Service,
  type ServiceSpec,
} from './types.js';

const SESSION_AFFINITIES = ['ClientIP', 'None'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];

const specPath = root('spec');

function validatePorts(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const ports = spec.ports ?? [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = specPath.child('ports').index(i);
    if (ports.length > 1 && !p.name) errs.push(required(path.child('name')));
    else if (p.name) {
      errs.push(...invalidEach(path.child('name'), p.name, isDNS1123Label(p.name)));
      if (names.has(p.name)) errs.push(duplicate(path.child('name'), p.name));
      else names.add(p.name);
    }
    errs.push(...invalidEach(path.child('port'), p.port ?? 0, isValidPortNum(p.port ?? 0)));
    if (!p.protocol) errs.push(required(path.child('protocol')));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(path.child('protocol'), p.protocol, PROTOCOLS));
    errs.push(...validatePortNumOrName(p.targetPort, path.child('targetPort')));
    if (p.appProtocol !== undefined)
      errs.push(...invalidEach(path.child('appProtocol'), p.appProtocol, isQualifiedName(p.appProtocol)));
  });
  return errs;
}

/** Node ports only where they mean something, and no (protocol, port) or (protocol, nodePort) twice. */
function validatePortUniqueness(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const ports = spec.ports ?? [];
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort)
        errs.push(
          forbidden(specPath.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"),
        );
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const k = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(k)) errs.push(duplicate(specPath.child('ports').index(i).child('nodePort'), p.nodePort));
    nodePorts.add(k);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${p.protocol}/${p.port}`;
    if (portKeys.has(k)) errs.push(duplicate(specPath.child('ports').index(i), { protocol: p.protocol, port: p.port }));
    portKeys.add(k);
  });
  return errs;
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP/clusterIPs agreement, families, policy. */
export function validateClusterIPFields(spec: ServiceSpec): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ipsPath = specPath.child('clusterIPs');
  const ips = spec.clusterIPs ?? [];
  if (spec.clusterIP) {
    if (ips.length === 0) errs.push(required(ipsPath));
    else if (ips[0] !== spec.clusterIP) errs.push(invalidValue(ipsPath, ips, 'first value must match `clusterIP`'));
  } else if (ips.length) {
    errs.push(invalidValue(ipsPath, ips, 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  (spec.ipFamilies ?? []).forEach((f, i) => {
    if (!IP_FAMILIES.includes(f)) errs.push(notSupported(specPath.child('ipFamilies').index(i), f, IP_FAMILIES));
    if (seen.has(f)) errs.push(duplicate(specPath.child('ipFamilies').index(i), f));
    seen.add(f);
  });
  if (spec.ipFamilyPolicy !== undefined && !IP_FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) {
    errs.push(notSupported(specPath.child('ipFamilyPolicy'), spec.ipFamilyPolicy, IP_FAMILY_POLICIES));
  }
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(invalidValue(ipsPath, ips, "'None' must be the first and only value"));
      }
      return;
    }
    const e = validateIP(ip, ipsPath.index(i));
    if (e.length) badIPs = true;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(invalidValue(ipsPath, ips, 'may only hold up to 2 values'));
  if (badIPs) return errs;
  if (ips.length > 1 && ipFamilyOf(ips[0]!) === ipFamilyOf(ips[1]!)) {
    errs.push(invalidValue(ipsPath, ips, 'may specify no more than one IP for each IP family'));
  }
  if (!isHeadless(spec)) {
    const families = spec.ipFamilies ?? [];
    ips.forEach((ip, i) => {
      if (i >= families.length) return;
      const fam = ipFamilyOf(ip);
      if (families[i] === 'IPv4' && fam === 'IPv6') {
        errs.push(invalidValue(ipsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      }
      if (families[i] === 'IPv6' && fam !== 'IPv6') {
        errs.push(invalidValue(ipsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
      }
    });
  }
  return errs;
}

function validateTrafficPolicies(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  if (!externallyAccessible(spec)) {
    if (spec.externalTrafficPolicy) {
      errs.push(
        invalidValue(
          specPath.child('externalTrafficPolicy'),
          spec.externalTrafficPolicy,
          'may only be set for externally-accessible services',
        ),
      );
    }
  } else if (!spec.externalTrafficPolicy) {
    errs.push(required(specPath.child('externalTrafficPolicy')));
  } else if (!TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    errs.push(notSupported(specPath.child('externalTrafficPolicy'), spec.externalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (!needsHealthCheckNodePort(spec)) {
    if (spec.healthCheckNodePort) {
      errs.push(
        invalidValue(
          specPath.child('healthCheckNodePort'),
          spec.healthCheckNodePort,
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        ),
      );
    }
  } else if (spec.healthCheckNodePort) {
    errs.push(
      ...invalidEach(
        specPath.child('healthCheckNodePort'),
        spec.healthCheckNodePort,
        isValidPortNum(spec.healthCheckNodePort),
      ),
    );
  }
  // (A missing healthCheckNodePort is the allocator's to fill, as with nodePorts.)
  if (spec.internalTrafficPolicy === undefined) {
    if (['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type ?? ''))
      errs.push(required(specPath.child('internalTrafficPolicy')));
  } else if (!TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported(specPath.child('internalTrafficPolicy'), spec.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== 'PreferClose') {
    errs.push(notSupported(specPath.child('trafficDistribution'), spec.trafficDistribution, ['PreferClose']));
  }
  return errs;
}

/** ValidateService without the metadata part, plus the DNS-1035 rule for names. */
export function validateService(svc: Service): FieldError[] {
  const spec = specOf(svc);
  const errs: FieldError[] = [];
  const name = svc.metadata.name ?? '';
  // Service names are DNS-1035 labels (they become DNS names); the store reports non-subdomains already.
  if (name && isDNS1123Subdomain(name).length === 0)
    errs.push(...invalidEach(root('metadata', 'name'), name, isDNS1035Label(name)));
  const headless = isHeadless(spec);
  if (!spec.ports?.length && !headless && spec.type !== 'ExternalName') errs.push(required(specPath.child('ports')));
  if (spec.type === 'LoadBalancer' && headless) {
    errs.push(
      invalidValue(specPath.child('clusterIPs').index(0), 'None', "may not be set to 'None' for LoadBalancer services"),
    );
  } else if (spec.type === 'NodePort' && headless) {
    errs.push(
      invalidValue(specPath.child('clusterIPs').index(0), 'None', "may not be set to 'None' for NodePort services"),
    );
  } else if (spec.type === 'ExternalName') {
    if (spec.clusterIPs?.length)
      errs.push(forbidden(specPath.child('clusterIPs'), 'may not be set for ExternalName services'));
    if (spec.ipFamilies?.length)
      errs.push(forbidden(specPath.child('ipFamilies'), 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined)
      errs.push(forbidden(specPath.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
    // The value is a CNAME and may be written fully qualified, with a trailing dot.
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (cname) errs.push(...invalidEach(specPath.child('externalName'), cname, isDNS1123Subdomain(cname)));
    else errs.push(required(specPath.child('externalName')));
  }
  errs.push(...validatePorts(spec));
  if (spec.selector) errs.push(...validateLabels(spec.selector, specPath.child('selector')));
  if (!spec.sessionAffinity) errs.push(required(specPath.child('sessionAffinity')));
  else if (!SESSION_AFFINITIES.includes(spec.sessionAffinity)) {
    errs.push(notSupported(specPath.child('sessionAffinity'), spec.sessionAffinity, SESSION_AFFINITIES));
  }
  if (spec.sessionAffinity === 'ClientIP') {
    const t = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    const p = specPath.child('sessionAffinityConfig', 'clientIP', 'timeoutSeconds');
    if (t === undefined) errs.push(required(p));
    else if (!(t > 0 && t <= 86400)) errs.push(invalidValue(p, t, 'must be greater than 0 and less than 86400'));
  } else if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig) {
    errs.push(forbidden(specPath.child('sessionAffinityConfig'), 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPFields(spec));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    const e = validateIP(ip, specPath.child('externalIPs').index(i));
    errs.push(...(e.length ? e : validateNonSpecialIP(ip, specPath.child('externalIPs').index(i))));
  });
  if (!spec.type) errs.push(required(specPath.child('type')));
  else if (!SERVICE_TYPES.includes(spec.type))
    errs.push(notSupported(specPath.child('type'), spec.type, SERVICE_TYPES));
  errs.push(...validatePortUniqueness(spec));
  if (spec.loadBalancerSourceRanges?.length) {
    const p = specPath.child('LoadBalancerSourceRanges');
    if (spec.type !== 'LoadBalancer') errs.push(forbidden(p, "may only be used when `type` is 'LoadBalancer'"));
    spec.loadBalancerSourceRanges.forEach((r, i) => errs.push(...validateCIDR(r.trim(), p.index(i))));
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') {
    errs.push(
      forbidden(specPath.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"),
    );
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) {
    errs.push(required(root('allocateLoadBalancerNodePorts')));
  }
  if (spec.loadBalancerClass !== undefined) {
    if (spec.type === 'LoadBalancer') {
      errs.push(
        ...invalidEach(
          specPath.child('loadBalancerClass'),
          spec.loadBalancerClass,
          isQualifiedName(spec.loadBalancerClass),
        ),
      );
    } else {
      errs.push(forbidden(specPath.child('loadBalancerClass'), "may only be used when `type` is 'LoadBalancer'"));
    }
  }
  errs.push(...validateTrafficPolicies(spec));
  return errs;
}

/** The cluster IPs and families may grow (dual-stack upgrade) but never change once set. */
function validateClusterIPChanges(spec: ServiceSpec, old: ServiceSpec): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  if (!(isHeadless(old) && isHeadless(spec))) {
    const a = old.clusterIPs ?? [];
    const b = spec.clusterIPs ?? [];
    const p = specPath.child('clusterIPs');
    if (a.length === b.length) {
      a.forEach((ip, i) => {
        if (ip !== b[i]) errs.push(invalidValue(p.index(i), b, 'may not change once set'));
      });
    } else if (a.length > b.length) {
      if (b.length === 0) errs.push(invalidValue(p.index(0), b, 'primary clusterIP can not be unset'));
      if (a.length && b.length && a[0] !== b[0]) errs.push(invalidValue(p.index(0), b, 'may not change once set'));
      if (b.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
        errs.push(
          invalidValue(
            specPath.child('ipFamilyPolicy'),
            spec.ipFamilyPolicy ?? null,
            "must be set to 'SingleStack' when releasing the secondary clusterIP",
          ),
        );
      }
    } else if (a.length && a[0] !== b[0]) {
      errs.push(invalidValue(p.index(0), b, 'may not change once set'));
    }
  }
  if (isHeadless(old) === isHeadless(spec) && !isHeadless(spec)) {
    const a = old.ipFamilies ?? [];
    const b = spec.ipFamilies ?? [];
    const p = specPath.child('ipFamilies').index(0);
    if (a.length === b.length) {
      if (a.some((f, i) => f !== b[i])) errs.push(invalidValue(p, b, 'may not change once set'));
    } else if (a.length > b.length) {
      if (!spec.clusterIPs?.length) errs.push(invalidValue(p, b, 'primary ipFamily can not be unset'));
      if (b.length && b[0] !== a[0]) errs.push(invalidValue(p, spec.clusterIPs ?? [], 'may not change once set'));
      if (b.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
        errs.push(
          invalidValue(
            specPath.child('ipFamilyPolicy'),
            spec.ipFamilyPolicy ?? null,
            "must be set to 'SingleStack' when releasing the secondary ipFamily",
          ),
        );
      }
    } else if (a.length && b.length && b[0] !== a[0]) {
      errs.push(invalidValue(p, spec.clusterIPs ?? [], 'may not change once set'));
    }
  }
  return errs;
}

/** ValidateServiceUpdate without the metadata part. */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const spec = specOf(svc);
  const prev = (old.spec ?? {}) as ServiceSpec;
  const errs = validateClusterIPChanges(spec, prev);
  if (
    prev.type === 'LoadBalancer' &&
    spec.type === 'LoadBalancer' &&
    (prev.loadBalancerClass ?? null) !== (spec.loadBalancerClass ?? null)
  ) {
    errs.push(
      invalidValue(specPath.child('loadBalancerClass'), spec.loadBalancerClass ?? null, 'may not change once set'),
    );
  }
  if (
    needsHealthCheckNodePort(prev) &&
    needsHealthCheckNodePort(spec) &&
    spec.healthCheckNodePort !== prev.healthCheckNodePort
  ) {
    errs.push(forbidden(specPath.child('healthCheckNodePort'), 'field is immutable'));
  }
  return [...errs, ...validateService(svc)];
}
