/** IngressClasses (upstream pkg/registry/networking/ingressclass): controller required and immutable. */
import {
  forbidden,
  invalidValue,
  notSupported,
  required,
  root,
  tooLong,
  type FieldError,
} from '../../../../apimachinery/field-errors.js';
import {
  invalidEach,
  isDNS1123Subdomain,
  isValidPathSegmentName,
  nameIsDNSLabel,
  regexError,
  validateImmutableField,
} from '../../../../apimachinery/validation/names.js';
import type { KObject, Strategy } from '../../types.js';

interface Params {
  apiGroup?: string;
  kind?: string;
  name?: string;
  scope?: string;
  namespace?: string;
}
interface IngressClassSpec {
  controller?: string;
  parameters?: Params;
}
const specOf = (obj: KObject) => (obj.spec ?? {}) as IngressClassSpec;
const MAX_CONTROLLER = 250;
const SCOPES = ['Cluster', 'Namespace'];

const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const HTTP_PATH_RE = new RegExp(`^${HTTP_PATH_FMT}$`);

/** A domain-prefixed path such as example.com/ingress-controller (validation.IsDomainPrefixedPath). */
function validateDomainPrefixedPath(value: string): FieldError[] {
  const path = root('spec', 'controller');
  const slash = value.indexOf('/');
  const host = slash < 0 ? '' : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (!host || !rest) return [invalidValue(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = invalidEach(path, host, isDNS1123Subdomain(host));
  if (!HTTP_PATH_RE.test(rest)) errs.push(invalidValue(path, rest, regexError('Invalid path', HTTP_PATH_FMT)));
  return errs;
}

/** ValidateIngressClass without the metadata part. */
export function validateIngressClass(obj: KObject): FieldError[] {
  const spec = specOf(obj);
  const sp = root('spec');
  const errs: FieldError[] = [];
  if (!spec.controller) errs.push(required(sp.child('controller')));
  else {
    if (Buffer.byteLength(spec.controller) > MAX_CONTROLLER) errs.push(tooLong(sp.child('controller'), MAX_CONTROLLER));
    errs.push(...validateDomainPrefixedPath(spec.controller));
  }
  const p = spec.parameters;
  if (p) {
    const pp = sp.child('parameters');
    if (p.apiGroup !== undefined)
      errs.push(...invalidEach(pp.child('apiGroup'), p.apiGroup, isDNS1123Subdomain(p.apiGroup)));
    if (!p.kind) errs.push(required(pp.child('kind')));
    else errs.push(...invalidEach(pp.child('kind'), p.kind, isValidPathSegmentName(p.kind)));
    if (!p.name) errs.push(required(pp.child('name')));
    else errs.push(...invalidEach(pp.child('name'), p.name, isValidPathSegmentName(p.name)));
    if (p.scope === undefined) errs.push(required(pp.child('scope')));
    else if (!SCOPES.includes(p.scope)) errs.push(notSupported(pp.child('scope'), p.scope, SCOPES));
    else if (p.scope === 'Namespace') {
      if (p.namespace === undefined)
        errs.push(required(pp.child('namespace'), "`parameters.scope` is set to 'Namespace'"));
      else errs.push(...invalidEach(pp.child('namespace'), p.namespace, nameIsDNSLabel(p.namespace, false)));
    } else if (p.namespace !== undefined)
      errs.push(forbidden(pp.child('namespace'), "`parameters.scope` is set to 'Cluster'"));
  }
  return errs;
}

export const ingressClassStrategy: Strategy = {
  defaults(obj) {
    // Parameters without a scope refer to a cluster-scoped object (SetDefaults_IngressClass).
    const p = specOf(obj).parameters;
    if (p && p.scope === undefined) p.scope = 'Cluster';
  },
  validate: (obj) => validateIngressClass(obj),
  validateUpdate: (obj, old) => [
    ...validateImmutableField(specOf(obj).controller, specOf(old).controller, root('spec', 'controller')),
    ...validateIngressClass(obj),
  ],
  allowUnconditionalUpdate: true,
};
