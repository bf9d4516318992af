import { badRequest } from '../../apimachinery/errors.js';
import type { ResourceBehavior } from '../registry/api-registry.js';
import type { KObject, RequestContext } from '../registry/types.js';
import type { Authorizer, Attributes } from './authorizer.js';

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}
interface ReviewSpec {
  resourceAttributes?: ResourceAttributes;
  nonResourceAttributes?: { path?: string; verb?: string };
  user?: string;
  groups?: string[];
  uid?: string;
}

function attributesOf(spec: ReviewSpec, user: Attributes['user'], namespaceOverride?: string): Attributes {
  const ra = spec.resourceAttributes;
  const nra = spec.nonResourceAttributes;
  if (!ra && !nra) throw badRequest('exactly one of nonResourceAttributes or resourceAttributes must be specified');
  if (ra) {
    return {
      user,
      verb: ra.verb ?? '',
      namespace: namespaceOverride ?? ra.namespace ?? '',
      apiGroup: ra.group ?? '',
      resource: ra.resource ?? '',
      subresource: ra.subresource ?? '',
      name: ra.name ?? '',
      resourceRequest: true,
    };
  }
  return { user, verb: nra!.verb ?? '', namespace: '', apiGroup: '', resource: '', subresource: '', name: '', path: nra!.path ?? '', resourceRequest: false };
}

/** Answers a review: copies the request and fills status from the authorizer. Nothing is stored. */
async function answer(authorizer: Authorizer, obj: KObject, attrs: Attributes): Promise<KObject> {
  const d = await authorizer.authorize(attrs);
  const status: Record<string, unknown> = { allowed: d.allowed };
  if (d.denied) status.denied = true;
  if (d.reason) status.reason = d.reason;
  return { ...obj, metadata: { ...obj.metadata, creationTimestamp: null }, status };
}

/**
 * authorization.k8s.io/v1 reviews (SelfSubjectAccessReview, SubjectAccessReview, LocalSubjectAccessReview,
 * SelfSubjectRulesReview) and authentication.k8s.io/v1 SelfSubjectReview, answered by the authorizer in
 * force; `kubectl auth can-i` and `kubectl auth whoami` use them.
 */
export function reviewBehaviors(authorizer: Authorizer): ResourceBehavior[] {
  const gv = { group: 'authorization.k8s.io', version: 'v1' };
  const virtual = (create: (obj: KObject, ctx: RequestContext) => Promise<KObject>) => ({ strategy: {}, verbs: ['create'], virtual: { create } });
  return [
    {
      ...gv,
      resource: 'selfsubjectaccessreviews',
      ...virtual((obj, ctx) => answer(authorizer, obj, attributesOf((obj.spec ?? {}) as ReviewSpec, ctx.user))),
    },
    {
      ...gv,
      resource: 'subjectaccessreviews',
      ...virtual((obj) => {
        const spec = (obj.spec ?? {}) as ReviewSpec;
        return answer(authorizer, obj, attributesOf(spec, { name: spec.user ?? '', groups: spec.groups ?? [], uid: spec.uid }));
      }),
    },
    {
      ...gv,
      resource: 'localsubjectaccessreviews',
      ...virtual((obj, ctx) => {
        const spec = (obj.spec ?? {}) as ReviewSpec;
        if (spec.resourceAttributes?.namespace && spec.resourceAttributes.namespace !== ctx.namespace) {
          throw badRequest(`spec.resourceAttributes.namespace must match metadata.namespace: ${JSON.stringify(ctx.namespace)}`);
        }
        return answer(authorizer, obj, attributesOf(spec, { name: spec.user ?? '', groups: spec.groups ?? [], uid: spec.uid }, ctx.namespace));
      }),
    },
    {
      ...gv,
      resource: 'selfsubjectrulesreviews',
      ...virtual(async (obj) => ({
        ...obj,
        metadata: { ...obj.metadata, creationTimestamp: null },
        // Allow-all: one rule granting everything, as upstream reports for system:masters.
        status: {
          resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
          nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
          incomplete: false,
        },
      })),
    },
    {
      group: 'authentication.k8s.io',
      version: 'v1',
      resource: 'selfsubjectreviews',
      ...virtual(async (obj, ctx) => ({
        ...obj,
        metadata: { ...obj.metadata, creationTimestamp: null },
        status: { userInfo: { username: ctx.user.name, groups: ctx.user.groups, ...(ctx.user.uid ? { uid: ctx.user.uid } : {}) } },
      })),
    },
  ];
}
