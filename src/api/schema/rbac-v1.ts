/**
 * rbac.authorization.k8s.io/v1: roles, cluster roles and their bindings.
 *
 * Field numbers, JSON names, Go field order and patch/list metadata follow upstream `k8s.io/api/rbac/v1`;
 * descriptions are our own.
 */

import { field, inline, kind, list, string, struct, type KindDef, type StructType } from './dsl.js';
import { LabelSelector, ObjectMeta, TypeMeta } from './meta-v1.js';

export const PolicyRule: StructType = struct(
  'io.k8s.api.rbac.v1.PolicyRule',
  'Verbs allowed on a set of resources or non-resource URLs.',
  {
    verbs: field(1, list(string), 'Verbs allowed, e.g. get, list, watch; "*" allows all.', {
      required: true,
      listType: 'atomic',
    }),
    apiGroups: field(2, list(string), 'API groups of the resources; "" is the core group, "*" all groups.', {
      listType: 'atomic',
    }),
    resources: field(3, list(string), 'Resources the rule applies to, e.g. pods or pods/log; "*" is all.', {
      listType: 'atomic',
    }),
    resourceNames: field(4, list(string), 'Object names the rule is restricted to; empty allows all names.', {
      listType: 'atomic',
    }),
    nonResourceURLs: field(5, list(string), 'URL paths such as /healthz the rule applies to (cluster roles only).', {
      listType: 'atomic',
    }),
  },
);

export const Subject: StructType = struct(
  'io.k8s.api.rbac.v1.Subject',
  'A user, group or service account a binding grants a role to.',
  {
    kind: field(1, string, 'User, Group or ServiceAccount.', { required: true }),
    apiGroup: field(2, string, 'API group of the subject kind: rbac.authorization.k8s.io for users and groups.'),
    name: field(3, string, 'Name of the subject.', { required: true }),
    namespace: field(4, string, 'Namespace of a service account subject.'),
  },
  { mapType: 'atomic' },
);

export const RoleRef: StructType = struct(
  'io.k8s.api.rbac.v1.RoleRef',
  'The role a binding grants.',
  {
    apiGroup: field(1, string, 'API group of the role: rbac.authorization.k8s.io.', { required: true }),
    kind: field(2, string, 'Role or ClusterRole.', { required: true }),
    name: field(3, string, 'Name of the role.', { required: true }),
  },
  { mapType: 'atomic' },
);

export const Role: StructType = struct('io.k8s.api.rbac.v1.Role', 'A namespaced set of permissions.', {
  typeMeta: inline(undefined, TypeMeta),
  metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
  rules: field(
    2,
    list(() => PolicyRule),
    'The permissions the role grants.',
    {
      omitempty: false,
      listType: 'atomic',
    },
  ),
});

export const ClusterRole: StructType = struct(
  'io.k8s.api.rbac.v1.ClusterRole',
  'A cluster-wide set of permissions, usable in any namespace through a binding.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    rules: field(
      2,
      list(() => PolicyRule),
      'The permissions the role grants.',
      {
        omitempty: false,
        listType: 'atomic',
      },
    ),
    aggregationRule: field(
      3,
      () => AggregationRule,
      'When set, the rules are computed by the controller from other cluster roles.',
      { pointer: true },
    ),
  },
);

export const AggregationRule: StructType = struct(
  'io.k8s.api.rbac.v1.AggregationRule',
  'Which cluster roles are combined into an aggregated cluster role.',
  {
    clusterRoleSelectors: field(
      1,
      list(() => LabelSelector),
      'Selectors of the cluster roles whose rules are aggregated.',
      { listType: 'atomic' },
    ),
  },
);

export const RoleBinding: StructType = struct(
  'io.k8s.api.rbac.v1.RoleBinding',
  'Grants the permissions of a role or cluster role to subjects within a namespace.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    subjects: field(
      2,
      list(() => Subject),
      'Who the role is granted to.',
      { listType: 'atomic' },
    ),
    roleRef: field(3, () => RoleRef, 'The Role or ClusterRole granted; cannot be changed.', { required: true }),
  },
);

export const ClusterRoleBinding: StructType = struct(
  'io.k8s.api.rbac.v1.ClusterRoleBinding',
  'Grants the permissions of a cluster role to subjects across the cluster.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    subjects: field(
      2,
      list(() => Subject),
      'Who the role is granted to.',
      { listType: 'atomic' },
    ),
    roleRef: field(3, () => RoleRef, 'The ClusterRole granted; cannot be changed.', { required: true }),
  },
);

const rbac = { group: 'rbac.authorization.k8s.io', version: 'v1' } as const;

/** rbac.authorization.k8s.io/v1 kinds. None has short names, categories or subresources upstream. */
export const rbacV1Kinds: readonly KindDef[] = [
  kind(ClusterRoleBinding, {
    ...rbac,
    kind: 'ClusterRoleBinding',
    plural: 'clusterrolebindings',
    namespaced: false,
  }),
  kind(ClusterRole, { ...rbac, kind: 'ClusterRole', plural: 'clusterroles', namespaced: false }),
  kind(RoleBinding, { ...rbac, kind: 'RoleBinding', plural: 'rolebindings' }),
  kind(Role, { ...rbac, kind: 'Role', plural: 'roles' }),
];
