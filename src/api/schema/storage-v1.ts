/**
 * storage.k8s.io/v1: StorageClass, CSIDriver, CSINode, VolumeAttachment and CSIStorageCapacity.
 *
 * Field numbers, JSON names, Go field order and patch/list metadata follow upstream `k8s.io/api/storage/v1`;
 * descriptions are our own.
 */

import {
  boolean,
  field,
  inline,
  int32,
  int64,
  kind,
  list,
  map,
  quantity,
  statusSubresource,
  string,
  struct,
  time,
  type KindDef,
  type StructType,
} from './dsl.js';
import { PersistentVolumeSpec } from './core-v1-pv.js';
import { LabelSelector, ObjectMeta, TypeMeta } from './meta-v1.js';

/**
 * core/v1 TopologySelectorTerm, which only StorageClass uses upstream. Declared here because core-v1 does not
 * declare it; if core-v1 ever does, this copy must go (the registry rejects two structs with one name).
 */
export const TopologySelectorTerm: StructType = struct(
  'io.k8s.api.core.v1.TopologySelectorTerm',
  'Topology label requirements that must all hold.',
  {
    matchLabelExpressions: field(
      1,
      list(() => TopologySelectorLabelRequirement),
      'Label requirements on topology domains.',
      { listType: 'atomic' },
    ),
  },
  { mapType: 'atomic' },
);

export const TopologySelectorLabelRequirement: StructType = struct(
  'io.k8s.api.core.v1.TopologySelectorLabelRequirement',
  'A topology label that must have one of the given values.',
  {
    key: field(1, string, 'The topology label key.', { required: true }),
    values: field(2, list(string), 'Values the label may have.', { required: true, listType: 'atomic' }),
  },
);

export const StorageClass: StructType = struct(
  'io.k8s.api.storage.v1.StorageClass',
  'A class of storage from which persistent volumes are provisioned dynamically.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    provisioner: field(2, string, 'Name of the volume plugin or CSI driver that provisions volumes.', {
      required: true,
    }),
    parameters: field(3, map(string), 'Provisioner-specific settings for new volumes.'),
    reclaimPolicy: field(4, string, 'Reclaim policy of provisioned volumes: Delete (the default) or Retain.', {
      pointer: true,
      enum: ['Delete', 'Recycle', 'Retain'],
    }),
    mountOptions: field(5, list(string), 'Mount options of provisioned volumes, e.g. ro.', { listType: 'atomic' }),
    allowVolumeExpansion: field(6, boolean, 'Whether claims of this class may be resized.', { pointer: true }),
    volumeBindingMode: field(7, string, 'Immediate (the default) or WaitForFirstConsumer binding and provisioning.', {
      pointer: true,
      enum: ['Immediate', 'WaitForFirstConsumer'],
    }),
    allowedTopologies: field(
      8,
      list(() => TopologySelectorTerm),
      'Topologies volumes may be provisioned in.',
      {
        listType: 'atomic',
      },
    ),
  },
);

export const VolumeAttachment: StructType = struct(
  'io.k8s.api.storage.v1.VolumeAttachment',
  'A request to attach a volume to a node, and its outcome.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => VolumeAttachmentSpec, 'The volume, node and attacher.', { required: true }),
    status: field(3, () => VolumeAttachmentStatus, 'Outcome of the attach or detach, set by the attacher.'),
  },
);

export const VolumeAttachmentSpec: StructType = struct(
  'io.k8s.api.storage.v1.VolumeAttachmentSpec',
  'The volume to attach and where.',
  {
    attacher: field(1, string, 'Name of the CSI driver that attaches the volume.', { required: true }),
    source: field(2, () => VolumeAttachmentSource, 'The volume to attach.', { required: true }),
    nodeName: field(3, string, 'Node the volume is attached to.', { required: true }),
  },
);

export const VolumeAttachmentSource: StructType = struct(
  'io.k8s.api.storage.v1.VolumeAttachmentSource',
  'The volume of an attachment: a persistent volume or an inline volume spec.',
  {
    persistentVolumeName: field(1, string, 'Name of the persistent volume to attach.', { pointer: true }),
    inlineVolumeSpec: field(2, () => PersistentVolumeSpec, 'An inline volume migrated to CSI.', { pointer: true }),
  },
);

export const VolumeAttachmentStatus: StructType = struct(
  'io.k8s.api.storage.v1.VolumeAttachmentStatus',
  'Outcome of attaching or detaching a volume.',
  {
    attached: field(1, boolean, 'Whether the volume is attached.', { required: true }),
    attachmentMetadata: field(2, map(string), 'Data from a successful attach, passed on to the mount step.'),
    attachError: field(3, () => VolumeError, 'Last error of an attach attempt.', { pointer: true }),
    detachError: field(4, () => VolumeError, 'Last error of a detach attempt.', { pointer: true }),
  },
);

export const VolumeError: StructType = struct(
  'io.k8s.api.storage.v1.VolumeError',
  'An error from a volume operation.',
  {
    time: field(1, time, 'When the error happened.'),
    message: field(2, string, 'Description of the error.'),
    errorCode: field(3, int32, 'Numeric gRPC code of the error, when known.', { pointer: true }),
  },
);

export const CSIDriver: StructType = struct(
  'io.k8s.api.storage.v1.CSIDriver',
  'How Kubernetes interacts with one CSI volume driver, named after the driver.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata; the name is the driver name.'),
    spec: field(2, () => CSIDriverSpec, 'Capabilities and requirements of the driver.', { required: true }),
  },
);

export const CSIDriverSpec: StructType = struct(
  'io.k8s.api.storage.v1.CSIDriverSpec',
  'Capabilities and requirements of a CSI driver.',
  {
    attachRequired: field(1, boolean, 'Whether volumes need an attach step (ControllerPublish); defaults to true.', {
      pointer: true,
    }),
    podInfoOnMount: field(2, boolean, 'Whether pod name, namespace and UID are passed on mount.', {
      pointer: true,
    }),
    volumeLifecycleModes: field(3, list(string), 'Persistent and/or Ephemeral volume modes supported.', {
      listType: 'set',
    }),
    storageCapacity: field(4, boolean, 'Whether the driver publishes CSIStorageCapacity objects for scheduling.', {
      pointer: true,
    }),
    fsGroupPolicy: field(5, string, 'How volume ownership follows fsGroup: ReadWriteOnceWithFSType, File or None.', {
      pointer: true,
    }),
    tokenRequests: field(
      6,
      list(() => TokenRequest),
      'Service account tokens passed to the driver on mount.',
      {
        listType: 'atomic',
      },
    ),
    requiresRepublish: field(7, boolean, 'Whether NodePublishVolume is called periodically to refresh volumes.', {
      pointer: true,
    }),
    seLinuxMount: field(8, boolean, 'Whether the driver supports the -o context mount option.', { pointer: true }),
    nodeAllocatableUpdatePeriodSeconds: field(
      9,
      int64,
      'Interval at which the node allocatable volume count is refreshed.',
      { pointer: true },
    ),
  },
);

export const TokenRequest: StructType = struct(
  'io.k8s.api.storage.v1.TokenRequest',
  'A service account token a CSI driver receives.',
  {
    audience: field(1, string, 'Audience of the token.', { required: true }),
    expirationSeconds: field(2, int64, 'Lifetime of the token in seconds.', { pointer: true }),
  },
);

export const CSINode: StructType = struct(
  'io.k8s.api.storage.v1.CSINode',
  'The CSI drivers installed on a node, named after the node.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata; the name is the node name.'),
    spec: field(2, () => CSINodeSpec, 'The drivers on the node.', { required: true }),
  },
);

export const CSINodeSpec: StructType = struct('io.k8s.api.storage.v1.CSINodeSpec', 'The CSI drivers on a node.', {
  drivers: field(
    1,
    list(() => CSINodeDriver),
    'Drivers registered on the node.',
    {
      required: true,
      patchStrategy: 'merge',
      patchMergeKey: 'name',
      listType: 'map',
      listMapKeys: ['name'],
    },
  ),
});

export const CSINodeDriver: StructType = struct('io.k8s.api.storage.v1.CSINodeDriver', 'One CSI driver on a node.', {
  name: field(1, string, 'Name of the driver.', { required: true }),
  nodeID: field(2, string, 'ID of the node as known to the driver.', { required: true }),
  topologyKeys: field(3, list(string), 'Node label keys the driver uses for topology.', {
    omitempty: false,
    listType: 'atomic',
  }),
  allocatable: field(4, () => VolumeNodeResources, 'Volume limits of the driver on the node.', { pointer: true }),
});

export const VolumeNodeResources: StructType = struct(
  'io.k8s.api.storage.v1.VolumeNodeResources',
  'Volume limits of a CSI driver on a node.',
  {
    count: field(1, int32, 'Most volumes of the driver that can be used on the node.', { pointer: true }),
  },
);

export const CSIStorageCapacity: StructType = struct(
  'io.k8s.api.storage.v1.CSIStorageCapacity',
  'Storage capacity available to a storage class in a topology segment.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    nodeTopology: field(2, () => LabelSelector, 'Nodes that can reach the capacity.', { pointer: true }),
    storageClassName: field(3, string, 'The storage class the capacity is for.', { required: true }),
    capacity: field(4, quantity, 'Capacity reported by the driver.', { pointer: true }),
    maximumVolumeSize: field(5, quantity, 'Largest volume that can be created from the capacity.', {
      pointer: true,
    }),
  },
);

const storage = { group: 'storage.k8s.io', version: 'v1' } as const;

/** storage.k8s.io/v1 kinds. Resource names, short names and subresources match upstream discovery. */
export const storageV1Kinds: readonly KindDef[] = [
  kind(CSIDriver, { ...storage, kind: 'CSIDriver', plural: 'csidrivers', namespaced: false }),
  kind(CSINode, { ...storage, kind: 'CSINode', plural: 'csinodes', namespaced: false }),
  kind(CSIStorageCapacity, { ...storage, kind: 'CSIStorageCapacity', plural: 'csistoragecapacities' }),
  kind(StorageClass, {
    ...storage,
    kind: 'StorageClass',
    plural: 'storageclasses',
    namespaced: false,
    shortNames: ['sc'],
  }),
  kind(VolumeAttachment, {
    ...storage,
    kind: 'VolumeAttachment',
    plural: 'volumeattachments',
    namespaced: false,
    subresources: [statusSubresource],
  }),
];
