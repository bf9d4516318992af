/**
 * meta/v1: object and list metadata, label selectors, Status, DeleteOptions, watch events and discovery types.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import {
  boolean,
  field,
  fieldsV1,
  inline,
  int32,
  int64,
  list,
  map,
  rawExtension,
  string,
  struct,
  type StructType,
  time,
} from './dsl.js';

export const TypeMeta: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.TypeMeta',
  'The apiVersion and kind every serialized object carries.',
  {
    kind: field(1, string, 'The kind of object, in CamelCase, e.g. Pod.'),
    apiVersion: field(2, string, 'The versioned schema of the object, e.g. v1 or apps/v1.'),
  },
);

export const ObjectMeta: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
  'Metadata every persisted object has: name, namespace, labels, annotations, ownership and bookkeeping.',
  {
    name: field(1, string, 'Name of the object, unique within its namespace and kind; cannot be changed.'),
    generateName: field(2, string, 'Prefix the server uses to generate a unique name when name is empty.'),
    namespace: field(3, string, 'Namespace the object lives in; empty for cluster-scoped objects.'),
    selfLink: field(4, string, 'Deprecated URL of the object; no longer populated.'),
    uid: field(5, string, 'Unique identifier assigned by the server at creation.'),
    resourceVersion: field(6, string, 'Opaque version used for optimistic concurrency and watches.'),
    generation: field(7, int64, 'Sequence number of the desired state, bumped on spec changes.'),
    creationTimestamp: field(8, time, 'Server time at which the object was created.'),
    deletionTimestamp: field(
      9,
      time,
      'Time after which the object will be deleted; set when graceful deletion is requested.',
      { pointer: true },
    ),
    deletionGracePeriodSeconds: field(
      10,
      int64,
      'Seconds allowed for graceful termination once deletion is requested.',
      { pointer: true },
    ),
    labels: field(11, map(string), 'Key/value pairs used to organize and select objects.'),
    annotations: field(12, map(string), 'Arbitrary non-identifying key/value metadata for tools and users.'),
    ownerReferences: field(
      13,
      list(() => OwnerReference),
      'Objects this object depends on; it is garbage collected when all owners are gone.',
      { patchStrategy: 'merge', patchMergeKey: 'uid', listType: 'map', listMapKeys: ['uid'] },
    ),
    finalizers: field(14, list(string), 'Identifiers that must be removed before the object is deleted from storage.', {
      patchStrategy: 'merge',
      listType: 'set',
    }),
    managedFields: field(
      17,
      list(() => ManagedFieldsEntry),
      'Which field manager owns which fields, as tracked by server-side apply.',
      { listType: 'atomic' },
    ),
  },
);

export const ListMeta: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta',
  'Metadata of a list response: its version and paging token.',
  {
    selfLink: field(1, string, 'Deprecated URL of the list; no longer populated.'),
    resourceVersion: field(2, string, 'Version of the collection, usable as the starting point of a watch.'),
    continue: field(3, string, 'Token to fetch the next page; empty when the list is complete.'),
    remainingItemCount: field(4, int64, 'Approximate number of items after this page, when known.', { pointer: true }),
  },
);

export const LabelSelector: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
  'A query over labels; all of matchLabels and matchExpressions must hold (AND).',
  {
    matchLabels: field(1, map(string), 'Labels that must equal the given values.'),
    matchExpressions: field(
      2,
      list(() => LabelSelectorRequirement),
      'Set-based requirements on labels.',
      { listType: 'atomic' },
    ),
  },
  { mapType: 'atomic' },
);

export const LabelSelectorRequirement: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement',
  'One requirement on a label key: In, NotIn, Exists or DoesNotExist.',
  {
    key: field(1, string, 'The label key the requirement applies to.', { required: true }),
    operator: field(2, string, 'How the key relates to the values: In, NotIn, Exists or DoesNotExist.', {
      required: true,
    }),
    values: field(3, list(string), 'Values compared against; empty for Exists and DoesNotExist.', {
      listType: 'atomic',
    }),
  },
);

export const OwnerReference: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference',
  'Identifies an owning object in the same namespace (or cluster scope).',
  {
    apiVersion: field(5, string, 'API version of the owner.', { required: true }),
    kind: field(1, string, 'Kind of the owner.', { required: true }),
    name: field(3, string, 'Name of the owner.', { required: true }),
    uid: field(4, string, 'UID of the owner.', { required: true }),
    controller: field(6, boolean, 'True when the owner is the managing controller.', { pointer: true }),
    blockOwnerDeletion: field(7, boolean, 'When true, foreground deletion of the owner waits for this object.', {
      pointer: true,
    }),
  },
  { mapType: 'atomic' },
);

export const ManagedFieldsEntry: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry',
  'The set of fields one manager owns, for one operation and API version.',
  {
    manager: field(1, string, 'Name of the field manager (workflow) that owns the fields.'),
    operation: field(2, string, 'Kind of operation that last changed the fields: Apply or Update.'),
    apiVersion: field(3, string, 'API version the field set is expressed in.'),
    time: field(4, time, 'When the manager last changed the fields.', { pointer: true }),
    fieldsType: field(6, string, 'Format of the field set; always FieldsV1.'),
    fieldsV1: field(7, fieldsV1, 'The owned fields, as a nested map of field paths.', { pointer: true }),
    subresource: field(8, string, 'Subresource the fields were changed through, empty for the main resource.'),
  },
);

export const Status: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
  'The result of an operation that does not return an object, typically an error.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ListMeta, 'List metadata; unused for most errors.'),
    status: field(2, string, 'Success or Failure.'),
    message: field(3, string, 'Human-readable description of the result.'),
    reason: field(4, string, 'Machine-readable reason for a failure, e.g. NotFound or AlreadyExists.'),
    details: field(5, () => StatusDetails, 'Extra data about the reason, such as the object name and field causes.', {
      pointer: true,
      listType: 'atomic',
    }),
    code: field(6, int32, 'HTTP status code of the result.'),
  },
);

export const StatusDetails: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.StatusDetails',
  'Details about a failed operation: the object and the causes.',
  {
    name: field(1, string, 'Name of the object the status is about.'),
    group: field(2, string, 'API group of the object.'),
    kind: field(3, string, 'Kind (or resource) of the object.'),
    uid: field(6, string, 'UID of the object, when known.'),
    causes: field(
      4,
      list(() => StatusCause),
      'Individual causes, e.g. one per invalid field.',
      { listType: 'atomic' },
    ),
    retryAfterSeconds: field(5, int32, 'Seconds the client should wait before retrying.'),
  },
);

export const StatusCause: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.StatusCause',
  'One specific cause of a failure, often tied to a field.',
  {
    reason: field(1, string, 'Machine-readable cause, e.g. FieldValueInvalid.'),
    message: field(2, string, 'Human-readable description of the cause.'),
    field: field(3, string, 'Path of the field that caused the error, e.g. spec.containers[0].name.'),
  },
);

export const DeleteOptions: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  'Options for a delete request.',
  {
    typeMeta: inline(undefined, TypeMeta),
    gracePeriodSeconds: field(1, int64, 'Seconds before the object is deleted; zero deletes immediately.', {
      pointer: true,
    }),
    preconditions: field(2, () => Preconditions, 'Conditions that must hold for the delete to proceed.', {
      pointer: true,
    }),
    orphanDependents: field(3, boolean, 'Deprecated; use propagationPolicy. Whether dependents are orphaned.', {
      pointer: true,
    }),
    propagationPolicy: field(4, string, 'How dependents are garbage collected: Orphan, Background or Foreground.', {
      pointer: true,
    }),
    dryRun: field(5, list(string), 'When set to All, the request is validated but not persisted.', {
      listType: 'atomic',
    }),
    ignoreStoreReadErrorWithClusterBreakingPotential: field(
      6,
      boolean,
      'Deletes an object that cannot be decoded from storage; dangerous.',
      { pointer: true },
    ),
  },
);

export const Preconditions: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.Preconditions',
  'Conditions the stored object must meet before an operation proceeds.',
  {
    uid: field(1, string, 'Required UID of the stored object.', { pointer: true }),
    resourceVersion: field(2, string, 'Required resourceVersion of the stored object.', { pointer: true }),
  },
);

export const Condition: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.Condition',
  "One aspect of an object's current state, in the standard condition shape.",
  {
    type: field(1, string, 'Condition type in CamelCase, e.g. Ready.', { required: true }),
    status: field(2, string, 'True, False or Unknown.', { required: true }),
    observedGeneration: field(3, int64, 'The metadata.generation the condition was computed from.'),
    lastTransitionTime: field(4, time, 'Last time the status changed.', { required: true }),
    reason: field(5, string, 'Machine-readable CamelCase reason for the last transition.', { required: true }),
    message: field(6, string, 'Human-readable details about the transition.', { required: true }),
  },
);

export const WatchEvent: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent',
  'One event of a watch stream.',
  {
    type: field(1, string, 'ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.', { required: true }),
    object: field(2, rawExtension, 'The object the event is about (a Status for ERROR).', { required: true }),
  },
);

export const APIResourceList: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList',
  'The resources served by one group-version.',
  {
    typeMeta: inline(undefined, TypeMeta),
    groupVersion: field(1, string, 'The group-version the resources belong to.', { required: true }),
    resources: field(
      2,
      list(() => APIResource),
      'The resources and their verbs.',
      { required: true, listType: 'atomic' },
    ),
  },
);

export const APIResource: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIResource',
  'One resource served by a group-version, as listed in discovery.',
  {
    name: field(1, string, 'Plural resource name, with a subresource suffix such as pods/status.', { required: true }),
    singularName: field(6, string, 'Singular resource name used by kubectl.', { required: true }),
    namespaced: field(2, boolean, 'Whether the resource is namespaced.', { required: true }),
    group: field(8, string, 'Group of the resource when it differs from the containing group-version.'),
    version: field(9, string, 'Version of the resource when it differs from the containing group-version.'),
    kind: field(3, string, 'Kind of the objects served.', { required: true }),
    verbs: field(
      4,
      list(string, { wrapped: true }),
      'Verbs the resource supports: get, list, watch, create, update, patch, delete, deletecollection.',
      { required: true },
    ),
    shortNames: field(5, list(string), 'Short aliases, e.g. po for pods.', { listType: 'atomic' }),
    categories: field(7, list(string), 'Groupings the resource belongs to, e.g. all.', { listType: 'atomic' }),
    storageVersionHash: field(10, string, 'Hash of the storage version, for detecting storage migrations.'),
  },
);

export const APIGroupList: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIGroupList',
  'The API groups served, as returned at /apis.',
  {
    typeMeta: inline(undefined, TypeMeta),
    groups: field(
      1,
      list(() => APIGroup),
      'The API groups.',
      { required: true, listType: 'atomic' },
    ),
  },
);

export const APIGroup: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup',
  'An API group with its versions.',
  {
    typeMeta: inline(undefined, TypeMeta),
    name: field(1, string, 'Name of the group.', { required: true }),
    versions: field(
      2,
      list(() => GroupVersionForDiscovery),
      'Versions the group serves.',
      { required: true, listType: 'atomic' },
    ),
    preferredVersion: field(3, () => GroupVersionForDiscovery, 'The version clients should prefer.'),
    serverAddressByClientCIDRs: field(
      4,
      list(() => ServerAddressByClientCIDR),
      'Server addresses to use for given client CIDRs.',
      { listType: 'atomic' },
    ),
  },
);

export const APIVersions: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIVersions',
  'The versions of the core (legacy) API, as returned at /api.',
  {
    typeMeta: inline(undefined, TypeMeta),
    versions: field(1, list(string), 'The core API versions served.', { required: true, listType: 'atomic' }),
    serverAddressByClientCIDRs: field(
      2,
      list(() => ServerAddressByClientCIDR),
      'Server addresses to use for given client CIDRs.',
      { required: true, listType: 'atomic' },
    ),
  },
);

export const ServerAddressByClientCIDR: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.ServerAddressByClientCIDR',
  'Which server address clients in a CIDR should use.',
  {
    clientCIDR: field(1, string, 'The client network the address applies to.', { required: true }),
    serverAddress: field(2, string, 'Address (host or host:port) clients in the CIDR should use.', { required: true }),
  },
);

export const GroupVersionForDiscovery: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.GroupVersionForDiscovery',
  'One group-version of a group.',
  {
    groupVersion: field(1, string, 'The group/version string.', { required: true }),
    version: field(2, string, 'The version alone.', { required: true }),
  },
);

export const FieldSelectorRequirement: StructType = struct(
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement',
  'One requirement on a field: In, NotIn, Exists or DoesNotExist.',
  {
    key: field(1, string, 'The field path the requirement applies to.', { required: true }),
    operator: field(2, string, 'How the field relates to the values: In, NotIn, Exists or DoesNotExist.', {
      required: true,
    }),
    values: field(3, list(string), 'Values compared against; empty for Exists and DoesNotExist.', {
      listType: 'atomic',
    }),
  },
);
