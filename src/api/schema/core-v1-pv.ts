/**
 * core/v1: persistent volumes and persistent volume claims.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { boolean, field, inline, list, map, quantity, string, struct, type StructType, time } from './dsl.js';
import { NodeSelector } from './core-v1-affinity.js';
import { ObjectReference, SecretReference, TypedLocalObjectReference, TypedObjectReference } from './core-v1-config.js';
import {
  AWSElasticBlockStoreVolumeSource,
  AzureDiskVolumeSource,
  AzureFilePersistentVolumeSource,
  CephFSPersistentVolumeSource,
  CinderPersistentVolumeSource,
  FCVolumeSource,
  FlexPersistentVolumeSource,
  FlockerVolumeSource,
  GCEPersistentDiskVolumeSource,
  GlusterfsPersistentVolumeSource,
  ISCSIPersistentVolumeSource,
  PhotonPersistentDiskVolumeSource,
  PortworxVolumeSource,
  QuobyteVolumeSource,
  RBDPersistentVolumeSource,
  ScaleIOPersistentVolumeSource,
  StorageOSPersistentVolumeSource,
  VsphereVirtualDiskVolumeSource,
} from './core-v1-volume-intree.js';
import { HostPathVolumeSource, LocalVolumeSource, NFSVolumeSource } from './core-v1-volume.js';
import { LabelSelector, ObjectMeta, TypeMeta } from './meta-v1.js';

export const PersistentVolume: StructType = struct(
  'io.k8s.api.core.v1.PersistentVolume',
  'A piece of storage provisioned in the cluster.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => PersistentVolumeSpec, 'Provisioned properties of the volume.'),
    status: field(3, () => PersistentVolumeStatus, 'Most recently observed status of the volume.'),
  },
);

export const PersistentVolumeSpec: StructType = struct(
  'io.k8s.api.core.v1.PersistentVolumeSpec',
  'Properties of a persistent volume.',
  {
    capacity: field(1, map(quantity), 'Size of the volume, as a storage resource.'),
    persistentVolumeSource: inline(2, () => PersistentVolumeSource),
    accessModes: field(3, list(string), 'How the volume can be mounted, e.g. ReadWriteOnce.', { listType: 'atomic' }),
    claimRef: field(4, () => ObjectReference, 'The claim bound to the volume.', { pointer: true }),
    persistentVolumeReclaimPolicy: field(5, string, 'What happens after release: Retain, Delete or Recycle.', {
      enum: ['Delete', 'Recycle', 'Retain'],
    }),
    storageClassName: field(6, string, 'Storage class the volume belongs to.'),
    mountOptions: field(7, list(string), 'Mount options, e.g. ro or soft.', { listType: 'atomic' }),
    volumeMode: field(8, string, 'Filesystem or Block.', { pointer: true, enum: ['Block', 'Filesystem'] }),
    nodeAffinity: field(9, () => VolumeNodeAffinity, 'Nodes the volume can be accessed from.', { pointer: true }),
    volumeAttributesClassName: field(10, string, 'VolumeAttributesClass the volume belongs to.', { pointer: true }),
  },
);

export const PersistentVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.PersistentVolumeSource',
  'The storage behind a persistent volume; exactly one member is set.',
  {
    gcePersistentDisk: field(1, () => GCEPersistentDiskVolumeSource, 'Deprecated GCE persistent disk.', {
      pointer: true,
    }),
    awsElasticBlockStore: field(2, () => AWSElasticBlockStoreVolumeSource, 'Deprecated AWS EBS disk.', {
      pointer: true,
    }),
    hostPath: field(3, () => HostPathVolumeSource, 'A directory on the node, for single-node testing.', {
      pointer: true,
    }),
    glusterfs: field(4, () => GlusterfsPersistentVolumeSource, 'Deprecated GlusterFS volume.', { pointer: true }),
    nfs: field(5, () => NFSVolumeSource, 'An NFS share.', { pointer: true }),
    rbd: field(6, () => RBDPersistentVolumeSource, 'Deprecated Rados block device.', { pointer: true }),
    iscsi: field(7, () => ISCSIPersistentVolumeSource, 'An iSCSI disk.', { pointer: true }),
    cinder: field(8, () => CinderPersistentVolumeSource, 'Deprecated OpenStack Cinder volume.', { pointer: true }),
    cephfs: field(9, () => CephFSPersistentVolumeSource, 'Deprecated CephFS volume.', { pointer: true }),
    fc: field(10, () => FCVolumeSource, 'A Fibre Channel disk.', { pointer: true }),
    flocker: field(11, () => FlockerVolumeSource, 'Deprecated Flocker volume.', { pointer: true }),
    flexVolume: field(12, () => FlexPersistentVolumeSource, 'Deprecated FlexVolume driver volume.', { pointer: true }),
    azureFile: field(13, () => AzureFilePersistentVolumeSource, 'Deprecated Azure File share.', { pointer: true }),
    vsphereVolume: field(14, () => VsphereVirtualDiskVolumeSource, 'Deprecated vSphere disk.', { pointer: true }),
    quobyte: field(15, () => QuobyteVolumeSource, 'Deprecated Quobyte volume.', { pointer: true }),
    azureDisk: field(16, () => AzureDiskVolumeSource, 'Deprecated Azure data disk.', { pointer: true }),
    photonPersistentDisk: field(17, () => PhotonPersistentDiskVolumeSource, 'Deprecated Photon Controller disk.', {
      pointer: true,
    }),
    portworxVolume: field(18, () => PortworxVolumeSource, 'Deprecated Portworx volume.', { pointer: true }),
    scaleIO: field(19, () => ScaleIOPersistentVolumeSource, 'Deprecated ScaleIO volume.', { pointer: true }),
    local: field(20, () => LocalVolumeSource, 'Local storage on one node.', { pointer: true }),
    storageos: field(21, () => StorageOSPersistentVolumeSource, 'Deprecated StorageOS volume.', { pointer: true }),
    csi: field(22, () => CSIPersistentVolumeSource, 'A volume managed by a CSI driver.', { pointer: true }),
  },
);

export const PersistentVolumeStatus: StructType = struct(
  'io.k8s.api.core.v1.PersistentVolumeStatus',
  'Observed state of a persistent volume.',
  {
    phase: field(1, string, 'Pending, Available, Bound, Released or Failed.', {
      enum: ['Available', 'Bound', 'Failed', 'Pending', 'Released'],
    }),
    message: field(2, string, 'Human-readable reason for the phase.'),
    reason: field(3, string, 'Brief CamelCase reason for a failure.'),
    lastPhaseTransitionTime: field(4, time, 'When the phase last changed.', { pointer: true }),
  },
);

export const CSIPersistentVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.CSIPersistentVolumeSource',
  'A persistent volume managed by a CSI driver.',
  {
    driver: field(1, string, 'Name of the CSI driver.', { required: true }),
    volumeHandle: field(2, string, 'ID of the volume returned by the driver.', { required: true }),
    readOnly: field(3, boolean, 'Publish the volume read-only.'),
    fsType: field(4, string, 'Filesystem type, e.g. ext4.'),
    volumeAttributes: field(5, map(string), 'Driver-specific properties.'),
    controllerPublishSecretRef: field(6, () => SecretReference, 'Secret passed to ControllerPublishVolume.', {
      pointer: true,
    }),
    nodeStageSecretRef: field(7, () => SecretReference, 'Secret passed to NodeStageVolume.', { pointer: true }),
    nodePublishSecretRef: field(8, () => SecretReference, 'Secret passed to NodePublishVolume.', { pointer: true }),
    controllerExpandSecretRef: field(9, () => SecretReference, 'Secret passed to ControllerExpandVolume.', {
      pointer: true,
    }),
    nodeExpandSecretRef: field(10, () => SecretReference, 'Secret passed to NodeExpandVolume.', { pointer: true }),
  },
);

export const VolumeNodeAffinity: StructType = struct(
  'io.k8s.api.core.v1.VolumeNodeAffinity',
  'Nodes a volume can be accessed from.',
  {
    required: field(1, () => NodeSelector, 'Node selector the nodes must match.', { pointer: true }),
  },
);

export const PersistentVolumeClaim: StructType = struct(
  'io.k8s.api.core.v1.PersistentVolumeClaim',
  "A user's request for storage.",
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => PersistentVolumeClaimSpec, 'Desired characteristics of the volume.'),
    status: field(3, () => PersistentVolumeClaimStatus, 'Current status of the claim.'),
  },
);

export const PersistentVolumeClaimSpec: StructType = struct(
  'io.k8s.api.core.v1.PersistentVolumeClaimSpec',
  'Desired characteristics of a claimed volume.',
  {
    accessModes: field(1, list(string), 'Access modes the volume must support.', { listType: 'atomic' }),
    selector: field(4, () => LabelSelector, 'Label query over volumes to bind to.', { pointer: true }),
    resources: field(2, () => VolumeResourceRequirements, 'Minimum resources the volume must have.'),
    volumeName: field(3, string, 'Name of the volume to bind to.'),
    storageClassName: field(5, string, 'Storage class to provision from.', { pointer: true }),
    volumeMode: field(6, string, 'Filesystem or Block.', { pointer: true, enum: ['Block', 'Filesystem'] }),
    dataSource: field(
      7,
      () => TypedLocalObjectReference,
      'An object to populate the volume from, e.g. a VolumeSnapshot.',
      { pointer: true },
    ),
    dataSourceRef: field(8, () => TypedObjectReference, 'Any populator object to fill the volume from.', {
      pointer: true,
    }),
    volumeAttributesClassName: field(9, string, 'VolumeAttributesClass to use.', { pointer: true }),
  },
);

export const PersistentVolumeClaimStatus: StructType = struct(
  'io.k8s.api.core.v1.PersistentVolumeClaimStatus',
  'Observed state of a claim.',
  {
    phase: field(1, string, 'Pending, Bound or Lost.', { enum: ['Bound', 'Lost', 'Pending'] }),
    accessModes: field(2, list(string), 'Access modes of the bound volume.', { listType: 'atomic' }),
    capacity: field(3, map(quantity), 'Actual resources of the bound volume.'),
    conditions: field(
      4,
      list(() => PersistentVolumeClaimCondition),
      'Current conditions of the claim, e.g. Resizing.',
      { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
    ),
    allocatedResources: field(5, map(quantity), 'Resources allocated to the claim, including pending expansion.'),
    allocatedResourceStatuses: field(7, map(string), 'Status of resize operations per resource.', {
      mapType: 'granular',
    }),
    currentVolumeAttributesClassName: field(8, string, 'VolumeAttributesClass currently applied.', { pointer: true }),
    modifyVolumeStatus: field(9, () => ModifyVolumeStatus, 'Status of a pending volume attribute change.', {
      pointer: true,
    }),
  },
);

export const PersistentVolumeClaimCondition: StructType = struct(
  'io.k8s.api.core.v1.PersistentVolumeClaimCondition',
  "One observed aspect of a claim's state.",
  {
    type: field(1, string, 'Type of the condition, e.g. Resizing.', { required: true }),
    status: field(2, string, 'True, False or Unknown.', { required: true }),
    lastProbeTime: field(3, time, 'Last time the condition was probed.'),
    lastTransitionTime: field(4, time, 'Last time the status changed.'),
    reason: field(5, string, 'Machine-readable reason for the last transition.'),
    message: field(6, string, 'Human-readable details about the last transition.'),
  },
);

export const VolumeResourceRequirements: StructType = struct(
  'io.k8s.api.core.v1.VolumeResourceRequirements',
  'Storage resource requests and limits of a claim.',
  {
    limits: field(1, map(quantity), 'Maximum amount of each resource.'),
    requests: field(2, map(quantity), 'Minimum amount of each resource required.'),
  },
);

export const ModifyVolumeStatus: StructType = struct(
  'io.k8s.api.core.v1.ModifyVolumeStatus',
  'Status of a volume attribute change.',
  {
    targetVolumeAttributesClassName: field(1, string, 'VolumeAttributesClass being applied.'),
    status: field(2, string, 'Pending, InProgress or Infeasible.', {
      required: true,
      enum: ['InProgress', 'Infeasible', 'Pending'],
    }),
  },
);
