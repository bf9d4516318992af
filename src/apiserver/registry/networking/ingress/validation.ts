/** Ingress validation (upstream ValidateIngressCreate/ValidateIngressUpdate, networking.k8s.io/v1). */
import {
  invalidValue,
  notSupported,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import {
  invalidEach,
  isDNS1123Subdomain,
  isValidPathSegmentName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
} from '../../../../apimachinery/validation/names.js';
import type { KObject } from '../../types.js';
import { ipFamilyOf, isValidPortName } from '../../core/service/net.js';

interface Backend {
  service?: { name?: string; port?: { name?: string; number?: number } };
  resource?: { apiGroup?: string; kind?: string; name?: string };
}
interface HTTPPath {
  path?: string;
  pathType?: string;
  backend?: Backend;
}
interface Rule {
  host?: string;
  http?: { paths?: HTTPPath[] };
}
interface IngressSpec {
  ingressClassName?: string;
  defaultBackend?: Backend;
  rules?: Rule[];
  tls?: { hosts?: string[]; secretName?: string }[];
}

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

/** An ingress backend: a service (name and port) or a resource, not both (validateIngressBackend). */
export function validateBackend(b: Backend, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (b.resource && b.service) return [invalidValue(path, '', 'cannot set both resource and service backends')];
  if (b.resource) {
    const r = b.resource;
    const p = path.child('resource');
    if (r.apiGroup !== undefined)
      errs.push(...invalidEach(p.child('apiGroup'), r.apiGroup, isDNS1123Subdomain(r.apiGroup)));
    if (!r.kind) errs.push(required(p.child('kind')));
    else errs.push(...invalidEach(p.child('kind'), r.kind, isValidPathSegmentName(r.kind)));
    if (!r.name) errs.push(required(p.child('name')));
    else errs.push(...invalidEach(p.child('name'), r.name, isValidPathSegmentName(r.name)));
    return errs;
  }
  if (!b.service) return [invalidValue(path, '', 'resource or service backend is required')];
  const svc = b.service;
  if (!svc.name) errs.push(required(path.child('service', 'name')));
  else errs.push(...invalidEach(path.child('service', 'name'), svc.name, nameIsDNS1035Label(svc.name, false)));
  const name = svc.port?.name ?? '';
  const num = svc.port?.number ?? 0;
  if (name && num) errs.push(invalidValue(path, '', 'cannot set both port name & port number'));
  else if (name) errs.push(...invalidEach(path.child('service', 'port', 'name'), name, isValidPortName(name)));
  else if (num) errs.push(...invalidEach(path.child('service', 'port', 'number'), num, isValidPortNum(num)));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function validatePath(p: HTTPPath, path: FieldPath): FieldError[] {
  if (!p.pathType) return [required(path.child('pathType'), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = p.path ?? '';
  switch (p.pathType) {
    case 'Exact':
    case 'Prefix':
      if (!value.startsWith('/')) errs.push(invalidValue(path.child('path'), value, 'must be an absolute path'));
      for (const seq of INVALID_SEQUENCES)
        if (value.includes(seq)) errs.push(invalidValue(path.child('path'), value, `must not contain '${seq}'`));
      for (const suf of INVALID_SUFFIXES)
        if (value.endsWith(suf)) errs.push(invalidValue(path.child('path'), value, `cannot end with '${suf}'`));
      break;
    case 'ImplementationSpecific':
      if (value && !value.startsWith('/'))
        errs.push(invalidValue(path.child('path'), value, 'must be an absolute path'));
      break;
    default:
      errs.push(notSupported(path.child('pathType'), p.pathType, PATH_TYPES));
  }
  errs.push(...validateBackend(p.backend ?? {}, path.child('backend')));
  return errs;
}

function validateHost(host: string, path: FieldPath): FieldError[] {
  return host.includes('*')
    ? invalidEach(path, host, isWildcardDNS1123Subdomain(host))
    : invalidEach(path, host, isDNS1123Subdomain(host));
}

/** ValidateIngressSpec and the ingress-class annotation rule of create. */
export function validateIngress(obj: KObject, creating: boolean): FieldError[] {
  const spec = (obj.spec ?? {}) as IngressSpec;
  const sp = root('spec');
  const errs: FieldError[] = [];
  if (!spec.rules?.length && !spec.defaultBackend)
    errs.push(invalidValue(sp, spec.rules ?? null, 'either `defaultBackend` or `rules` must be specified'));
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, sp.child('defaultBackend')));
  (spec.rules ?? []).forEach((rule, i) => {
    const p = sp.child('rules').index(i);
    if (rule.host) {
      if (ipFamilyOf(rule.host))
        errs.push(invalidValue(p.child('host'), rule.host, 'must be a DNS name, not an IP address'));
      errs.push(...validateHost(rule.host, p.child('host')));
    }
    if (rule.http) {
      const paths = rule.http.paths ?? [];
      if (!paths.length) errs.push(required(p.child('http', 'paths')));
      paths.forEach((hp, j) => errs.push(...validatePath(hp, p.child('http', 'paths').index(j))));
    }
  });
  (spec.tls ?? []).forEach((tls, i) => {
    const p = sp.child('tls').index(i);
    (tls.hosts ?? []).forEach((h, j) => errs.push(...validateHost(h, p.child('hosts').index(j))));
    if (tls.secretName)
      errs.push(...invalidEach(p.child('secretName'), tls.secretName, nameIsDNSSubdomain(tls.secretName, false)));
  });
  if (spec.ingressClassName !== undefined) {
    errs.push(
      ...invalidEach(
        sp.child('ingressClassName'),
        spec.ingressClassName,
        nameIsDNSSubdomain(spec.ingressClassName, false),
      ),
    );
  }
  const annotation = obj.metadata.annotations?.['kubernetes.io/ingress.class'];
  if (
    creating &&
    annotation !== undefined &&
    spec.ingressClassName !== undefined &&
    annotation !== spec.ingressClassName
  ) {
    errs.push(
      invalidValue(
        root('annotations').child('kubernetes.io/ingress.class'),
        annotation,
        'must match `ingressClassName` when both are specified',
      ),
    );
  }
  return errs;
}
