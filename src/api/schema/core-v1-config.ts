/**
 * core/v1: namespaces, config maps, secrets, service accounts and object references.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { boolean, bytes, field, inline, list, map, string, struct, type StructType, time } from './dsl.js';
import { ObjectMeta, TypeMeta } from './meta-v1.js';

export const Namespace: StructType = struct(
  'io.k8s.api.core.v1.Namespace',
  'A scope for names; most resources live in exactly one namespace.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => NamespaceSpec, 'Desired behaviour of the namespace.'),
    status: field(3, () => NamespaceStatus, 'Current state of the namespace, maintained by the system.'),
  },
);

export const NamespaceSpec: StructType = struct(
  'io.k8s.api.core.v1.NamespaceSpec',
  'Desired behaviour of a namespace.',
  {
    finalizers: field(
      1,
      list(string),
      'Finalizers that must be cleared before the namespace is removed from storage.',
      { listType: 'atomic' },
    ),
  },
);

export const NamespaceStatus: StructType = struct(
  'io.k8s.api.core.v1.NamespaceStatus',
  'Observed state of a namespace.',
  {
    phase: field(1, string, 'Lifecycle phase: Active or Terminating.', { enum: ['Active', 'Terminating'] }),
    conditions: field(
      2,
      list(() => NamespaceCondition),
      "Latest observations of the namespace's state.",
      { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
    ),
  },
);

export const NamespaceCondition: StructType = struct(
  'io.k8s.api.core.v1.NamespaceCondition',
  "One observed aspect of a namespace's state.",
  {
    type: field(1, string, 'Type of the condition, e.g. NamespaceDeletionContentFailure.', { required: true }),
    status: field(2, string, 'True, False or Unknown.', { required: true }),
    lastTransitionTime: field(4, time, 'Last time the status changed.'),
    reason: field(5, string, 'Machine-readable reason for the last transition.'),
    message: field(6, string, 'Human-readable details about the last transition.'),
  },
);

export const ConfigMap: StructType = struct(
  'io.k8s.api.core.v1.ConfigMap',
  'Non-confidential configuration data as key/value pairs.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    immutable: field(4, boolean, 'When true, data and binaryData cannot be changed after creation.', { pointer: true }),
    data: field(2, map(string), 'UTF-8 configuration values by key.'),
    binaryData: field(3, map(bytes), 'Binary configuration values by key, base64-encoded in JSON.'),
  },
);

export const Secret: StructType = struct(
  'io.k8s.api.core.v1.Secret',
  'A small amount of sensitive data such as a password, token or key.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    immutable: field(5, boolean, 'When true, data cannot be changed after creation.', { pointer: true }),
    data: field(2, map(bytes), 'Secret values by key, base64-encoded in JSON.'),
    stringData: field(4, map(string), 'Write-only plain-text values merged into data on write.'),
    type: field(3, string, 'Type of secret, used to validate its content, e.g. Opaque or kubernetes.io/tls.'),
  },
);

export const ServiceAccount: StructType = struct(
  'io.k8s.api.core.v1.ServiceAccount',
  'An identity for processes that run in a pod.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    secrets: field(
      2,
      list(() => ObjectReference),
      'Deprecated list of secrets pods running as this account may use.',
      { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
    ),
    imagePullSecrets: field(
      3,
      list(() => LocalObjectReference),
      'Secrets used to pull images for pods running as this account.',
      { listType: 'atomic' },
    ),
    automountServiceAccountToken: field(
      4,
      boolean,
      'Whether pods running as this account mount an API token by default.',
      { pointer: true },
    ),
  },
);

export const ObjectReference: StructType = struct(
  'io.k8s.api.core.v1.ObjectReference',
  'A reference to any object, possibly to a field within it.',
  {
    kind: field(1, string, 'Kind of the referent.'),
    namespace: field(2, string, 'Namespace of the referent.'),
    name: field(3, string, 'Name of the referent.'),
    uid: field(4, string, 'UID of the referent.'),
    apiVersion: field(5, string, 'API version of the referent.'),
    resourceVersion: field(6, string, 'Specific resourceVersion the reference is to, if any.'),
    fieldPath: field(7, string, 'Path to a part of the object, e.g. spec.containers{name}.'),
  },
  { mapType: 'atomic' },
);

export const LocalObjectReference: StructType = struct(
  'io.k8s.api.core.v1.LocalObjectReference',
  'A reference by name to an object in the same namespace.',
  {
    name: field(1, string, 'Name of the referent.', { default: '' }),
  },
  { mapType: 'atomic' },
);

export const SecretReference: StructType = struct(
  'io.k8s.api.core.v1.SecretReference',
  'A reference to a secret by name and namespace.',
  {
    name: field(1, string, 'Name of the secret.'),
    namespace: field(2, string, 'Namespace of the secret.'),
  },
  { mapType: 'atomic' },
);

export const TypedLocalObjectReference: StructType = struct(
  'io.k8s.api.core.v1.TypedLocalObjectReference',
  'A reference to an object of a given kind in the same namespace.',
  {
    apiGroup: field(1, string, 'API group of the referent; empty for the core group.', {
      pointer: true,
      omitempty: false,
    }),
    kind: field(2, string, 'Kind of the referent.', { required: true }),
    name: field(3, string, 'Name of the referent.', { required: true }),
  },
  { mapType: 'atomic' },
);

export const TypedObjectReference: StructType = struct(
  'io.k8s.api.core.v1.TypedObjectReference',
  'A reference to an object of a given kind, possibly in another namespace.',
  {
    apiGroup: field(1, string, 'API group of the referent; empty for the core group.', {
      pointer: true,
      omitempty: false,
    }),
    kind: field(2, string, 'Kind of the referent.', { required: true }),
    name: field(3, string, 'Name of the referent.', { required: true }),
    namespace: field(4, string, 'Namespace of the referent; cross-namespace references need a ReferenceGrant.', {
      pointer: true,
    }),
  },
);

export const Binding: StructType = struct(
  'io.k8s.api.core.v1.Binding',
  'Binds a pod to a node; posted by the scheduler.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    target: field(2, () => ObjectReference, 'The node the pod is bound to.', { required: true }),
  },
);

export const ComponentStatus: StructType = struct(
  'io.k8s.api.core.v1.ComponentStatus',
  'Deprecated health of a control-plane component.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    conditions: field(
      2,
      list(() => ComponentCondition),
      'Observed conditions of the component.',
      { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
    ),
  },
);

export const ComponentCondition: StructType = struct(
  'io.k8s.api.core.v1.ComponentCondition',
  'One health condition of a component.',
  {
    type: field(1, string, 'Type of the condition; only Healthy is used.', { required: true }),
    status: field(2, string, 'True, False or Unknown.', { required: true }),
    message: field(3, string, 'Message about the condition.'),
    error: field(4, string, 'Error code of the condition, if any.'),
  },
);
