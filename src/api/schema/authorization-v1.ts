/**
 * authorization.k8s.io/v1: access reviews (`kubectl auth can-i`) and rules reviews.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { boolean, field, inline, kind, type KindDef, list, map, string, struct, type StructType } from './dsl.js';
import { FieldSelectorRequirement, LabelSelectorRequirement, ObjectMeta, TypeMeta } from './meta-v1.js';

export const SubjectAccessReview: StructType = struct(
  'io.k8s.api.authorization.v1.SubjectAccessReview',
  'Asks whether a given user or group may perform an action.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => SubjectAccessReviewSpec, 'The access request being evaluated.', { required: true }),
    status: field(3, () => SubjectAccessReviewStatus, 'The decision, filled in by the server.'),
  },
);

export const SelfSubjectAccessReview: StructType = struct(
  'io.k8s.api.authorization.v1.SelfSubjectAccessReview',
  'Asks whether the requesting user may perform an action.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(
      2,
      () => SelfSubjectAccessReviewSpec,
      'The access request being evaluated; user and groups come from the request.',
      { required: true },
    ),
    status: field(3, () => SubjectAccessReviewStatus, 'The decision, filled in by the server.'),
  },
);

export const LocalSubjectAccessReview: StructType = struct(
  'io.k8s.api.authorization.v1.LocalSubjectAccessReview',
  'A SubjectAccessReview scoped to one namespace.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(
      2,
      () => SubjectAccessReviewSpec,
      "The access request; its namespace must match the request's namespace.",
      { required: true },
    ),
    status: field(3, () => SubjectAccessReviewStatus, 'The decision, filled in by the server.'),
  },
);

export const ResourceAttributes: StructType = struct(
  'io.k8s.api.authorization.v1.ResourceAttributes',
  'The attributes of a request against a resource.',
  {
    namespace: field(1, string, 'Namespace of the action; empty means all namespaces for namespaced resources.'),
    verb: field(2, string, 'API verb, e.g. get, list, create, or * for all.'),
    group: field(3, string, 'API group of the resource, or * for all.'),
    version: field(4, string, 'API version of the resource, or * for all.'),
    resource: field(5, string, 'Resource name, e.g. pods, or * for all.'),
    subresource: field(6, string, 'Subresource name, e.g. log; empty means none.'),
    name: field(7, string, 'Name of the object; empty means all.'),
    fieldSelector: field(8, () => FieldSelectorAttributes, 'Field selector the request is limited to.', {
      pointer: true,
    }),
    labelSelector: field(9, () => LabelSelectorAttributes, 'Label selector the request is limited to.', {
      pointer: true,
    }),
  },
);

export const LabelSelectorAttributes: StructType = struct(
  'io.k8s.api.authorization.v1.LabelSelectorAttributes',
  'The label selector of a list or watch request being authorized.',
  {
    rawSelector: field(1, string, 'The selector exactly as written in the request.'),
    requirements: field(
      2,
      list(() => LabelSelectorRequirement),
      'The parsed selector requirements.',
      { listType: 'atomic' },
    ),
  },
);

export const FieldSelectorAttributes: StructType = struct(
  'io.k8s.api.authorization.v1.FieldSelectorAttributes',
  'The field selector of a list or watch request being authorized.',
  {
    rawSelector: field(1, string, 'The selector exactly as written in the request.'),
    requirements: field(
      2,
      list(() => FieldSelectorRequirement),
      'The parsed selector requirements.',
      { listType: 'atomic' },
    ),
  },
);

export const NonResourceAttributes: StructType = struct(
  'io.k8s.api.authorization.v1.NonResourceAttributes',
  'The attributes of a request to a non-resource URL.',
  {
    path: field(1, string, 'URL path of the request.'),
    verb: field(2, string, 'HTTP verb in lower case, e.g. get.'),
  },
);

export const SubjectAccessReviewSpec: StructType = struct(
  'io.k8s.api.authorization.v1.SubjectAccessReviewSpec',
  'The request and the subject to check it for; exactly one of the attribute sets is set.',
  {
    resourceAttributes: field(1, () => ResourceAttributes, 'Attributes of a resource request.', { pointer: true }),
    nonResourceAttributes: field(2, () => NonResourceAttributes, 'Attributes of a non-resource request.', {
      pointer: true,
    }),
    user: field(3, string, 'User to check for.'),
    groups: field(4, list(string), 'Groups the user belongs to.', { listType: 'atomic' }),
    extra: field(5, map(list(string, { wrapped: true })), 'Extra authenticator-provided attributes of the user.'),
    uid: field(6, string, 'UID of the user.'),
  },
);

export const SelfSubjectAccessReviewSpec: StructType = struct(
  'io.k8s.api.authorization.v1.SelfSubjectAccessReviewSpec',
  'The request to check for the current user; exactly one attribute set is set.',
  {
    resourceAttributes: field(1, () => ResourceAttributes, 'Attributes of a resource request.', { pointer: true }),
    nonResourceAttributes: field(2, () => NonResourceAttributes, 'Attributes of a non-resource request.', {
      pointer: true,
    }),
  },
);

export const SubjectAccessReviewStatus: StructType = struct(
  'io.k8s.api.authorization.v1.SubjectAccessReviewStatus',
  'The authorization decision.',
  {
    allowed: field(1, boolean, 'Whether the action is allowed.', { required: true }),
    denied: field(4, boolean, 'Whether the action is explicitly denied, short-circuiting other authorizers.'),
    reason: field(2, string, 'Why the action was allowed or denied.'),
    evaluationError: field(3, string, 'An error that occurred while evaluating authorization, if any.'),
  },
);

export const SelfSubjectRulesReview: StructType = struct(
  'io.k8s.api.authorization.v1.SelfSubjectRulesReview',
  'Lists the actions the current user may perform in a namespace.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => SelfSubjectRulesReviewSpec, 'The namespace to evaluate.', { required: true }),
    status: field(3, () => SubjectRulesReviewStatus, 'The rules found, filled in by the server.'),
  },
);

export const SelfSubjectRulesReviewSpec: StructType = struct(
  'io.k8s.api.authorization.v1.SelfSubjectRulesReviewSpec',
  'What a SelfSubjectRulesReview evaluates.',
  {
    namespace: field(1, string, 'Namespace to list rules for.'),
  },
);

export const SubjectRulesReviewStatus: StructType = struct(
  'io.k8s.api.authorization.v1.SubjectRulesReviewStatus',
  'The rules a user has; may be incomplete.',
  {
    resourceRules: field(
      1,
      list(() => ResourceRule),
      'Allowed actions on resources.',
      { required: true, listType: 'atomic' },
    ),
    nonResourceRules: field(
      2,
      list(() => NonResourceRule),
      'Allowed actions on non-resource URLs.',
      { required: true, listType: 'atomic' },
    ),
    incomplete: field(3, boolean, 'True when the authorizer could not list every rule.', { required: true }),
    evaluationError: field(4, string, 'An error that occurred while listing rules, if any.'),
  },
);

export const ResourceRule: StructType = struct(
  'io.k8s.api.authorization.v1.ResourceRule',
  'Verbs allowed on some resources.',
  {
    verbs: field(1, list(string), 'Allowed verbs, or * for all.', { required: true, listType: 'atomic' }),
    apiGroups: field(2, list(string), 'API groups the rule covers, or * for all.', { listType: 'atomic' }),
    resources: field(3, list(string), 'Resources the rule covers, or * for all.', { listType: 'atomic' }),
    resourceNames: field(4, list(string), 'Object names the rule is limited to; empty means all.', {
      listType: 'atomic',
    }),
  },
);

export const NonResourceRule: StructType = struct(
  'io.k8s.api.authorization.v1.NonResourceRule',
  'Verbs allowed on some non-resource URLs.',
  {
    verbs: field(1, list(string), 'Allowed verbs, or * for all.', { required: true, listType: 'atomic' }),
    nonResourceURLs: field(2, list(string), 'URL paths the rule covers; a trailing * matches any suffix.', {
      listType: 'atomic',
    }),
  },
);

const authz = { group: 'authorization.k8s.io', version: 'v1' } as const;

/** authorization.k8s.io/v1 kinds. The reviews are create-only virtual resources (nothing is stored). */
export const authorizationV1Kinds: readonly KindDef[] = [
  kind(LocalSubjectAccessReview, {
    ...authz,
    kind: 'LocalSubjectAccessReview',
    plural: 'localsubjectaccessreviews',
    namespaced: true,
    verbs: ['create'],
  }),
  kind(SelfSubjectAccessReview, {
    ...authz,
    kind: 'SelfSubjectAccessReview',
    plural: 'selfsubjectaccessreviews',
    namespaced: false,
    verbs: ['create'],
  }),
  kind(SelfSubjectRulesReview, {
    ...authz,
    kind: 'SelfSubjectRulesReview',
    plural: 'selfsubjectrulesreviews',
    namespaced: false,
    verbs: ['create'],
  }),
  kind(SubjectAccessReview, {
    ...authz,
    kind: 'SubjectAccessReview',
    plural: 'subjectaccessreviews',
    namespaced: false,
    verbs: ['create'],
  }),
];
