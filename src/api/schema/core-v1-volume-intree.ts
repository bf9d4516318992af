/**
 * core/v1: the deprecated in-tree volume plugins, for pods and persistent volumes.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { boolean, field, int32, list, map, string, struct, type StructType } from './dsl.js';
import { LocalObjectReference, ObjectReference, SecretReference } from './core-v1-config.js';

export const GCEPersistentDiskVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.GCEPersistentDiskVolumeSource',
  'A GCE persistent disk.',
  {
    pdName: field(1, string, 'Name of the disk in GCE.', { required: true }),
    fsType: field(2, string, 'Filesystem type, e.g. ext4.'),
    partition: field(3, int32, 'Partition to mount; 0 means the whole disk.'),
    readOnly: field(4, boolean, 'Mount read-only.'),
  },
);

export const AWSElasticBlockStoreVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource',
  'An AWS EBS disk.',
  {
    volumeID: field(1, string, 'ID of the EBS volume.', { required: true }),
    fsType: field(2, string, 'Filesystem type, e.g. ext4.'),
    partition: field(3, int32, 'Partition to mount; 0 means the whole disk.'),
    readOnly: field(4, boolean, 'Mount read-only.'),
  },
);

export const GitRepoVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.GitRepoVolumeSource',
  'A directory with a git repository checked out.',
  {
    repository: field(1, string, 'Repository URL.', { required: true }),
    revision: field(2, string, 'Commit hash to check out.'),
    directory: field(3, string, 'Target directory name.'),
  },
);

export const ISCSIVolumeSource: StructType = struct('io.k8s.api.core.v1.ISCSIVolumeSource', 'An iSCSI disk.', {
  targetPortal: field(1, string, 'Target portal as IP or IP:port.', { required: true }),
  iqn: field(2, string, 'iSCSI Qualified Name of the target.', { required: true }),
  lun: field(3, int32, 'Logical unit number of the target.', { required: true }),
  iscsiInterface: field(4, string, 'iSCSI interface name.', { default: 'default' }),
  fsType: field(5, string, 'Filesystem type, e.g. ext4.'),
  readOnly: field(6, boolean, 'Mount read-only.'),
  portals: field(7, list(string), 'Additional target portals.', { listType: 'atomic' }),
  chapAuthDiscovery: field(8, boolean, 'Use CHAP authentication for discovery.'),
  chapAuthSession: field(11, boolean, 'Use CHAP authentication for the session.'),
  secretRef: field(10, () => LocalObjectReference, 'Secret with the CHAP credentials.', { pointer: true }),
  initiatorName: field(12, string, 'Custom iSCSI initiator name.', { pointer: true }),
});

export const ISCSIPersistentVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.ISCSIPersistentVolumeSource',
  'An iSCSI disk of a persistent volume.',
  {
    targetPortal: field(1, string, 'Target portal as IP or IP:port.', { required: true }),
    iqn: field(2, string, 'iSCSI Qualified Name of the target.', { required: true }),
    lun: field(3, int32, 'Logical unit number of the target.', { required: true }),
    iscsiInterface: field(4, string, 'iSCSI interface name.', { default: 'default' }),
    fsType: field(5, string, 'Filesystem type, e.g. ext4.'),
    readOnly: field(6, boolean, 'Mount read-only.'),
    portals: field(7, list(string), 'Additional target portals.', { listType: 'atomic' }),
    chapAuthDiscovery: field(8, boolean, 'Use CHAP authentication for discovery.'),
    chapAuthSession: field(11, boolean, 'Use CHAP authentication for the session.'),
    secretRef: field(10, () => SecretReference, 'Secret with the CHAP credentials.', { pointer: true }),
    initiatorName: field(12, string, 'Custom iSCSI initiator name.', { pointer: true }),
  },
);

export const GlusterfsVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.GlusterfsVolumeSource',
  'A GlusterFS volume.',
  {
    endpoints: field(1, string, 'Endpoints object naming the Glusterfs servers.', { required: true }),
    path: field(2, string, 'Glusterfs volume path.', { required: true }),
    readOnly: field(3, boolean, 'Mount read-only.'),
  },
);

export const GlusterfsPersistentVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.GlusterfsPersistentVolumeSource',
  'A GlusterFS volume of a persistent volume.',
  {
    endpoints: field(1, string, 'Endpoints object naming the Glusterfs servers.', { required: true }),
    path: field(2, string, 'Glusterfs volume path.', { required: true }),
    readOnly: field(3, boolean, 'Mount read-only.'),
    endpointsNamespace: field(4, string, 'Namespace of the endpoints object.', { pointer: true }),
  },
);

export const RBDVolumeSource: StructType = struct('io.k8s.api.core.v1.RBDVolumeSource', 'A Rados block device.', {
  monitors: field(1, list(string), 'Ceph monitor addresses.', { required: true, listType: 'atomic' }),
  image: field(2, string, 'Rados image name.', { required: true }),
  fsType: field(3, string, 'Filesystem type, e.g. ext4.'),
  pool: field(4, string, 'Rados pool name.', { default: 'rbd' }),
  user: field(5, string, 'Rados user name.', { default: 'admin' }),
  keyring: field(6, string, 'Path of the keyring file.', { default: '/etc/ceph/keyring' }),
  secretRef: field(7, () => LocalObjectReference, 'Secret with the authentication key.', { pointer: true }),
  readOnly: field(8, boolean, 'Mount read-only.'),
});

export const RBDPersistentVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.RBDPersistentVolumeSource',
  'A Rados block device of a persistent volume.',
  {
    monitors: field(1, list(string), 'Ceph monitor addresses.', { required: true, listType: 'atomic' }),
    image: field(2, string, 'Rados image name.', { required: true }),
    fsType: field(3, string, 'Filesystem type, e.g. ext4.'),
    pool: field(4, string, 'Rados pool name.', { default: 'rbd' }),
    user: field(5, string, 'Rados user name.', { default: 'admin' }),
    keyring: field(6, string, 'Path of the keyring file.', { default: '/etc/ceph/keyring' }),
    secretRef: field(7, () => SecretReference, 'Secret with the authentication key.', { pointer: true }),
    readOnly: field(8, boolean, 'Mount read-only.'),
  },
);

export const FlexVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.FlexVolumeSource',
  'A volume served by a FlexVolume driver.',
  {
    driver: field(1, string, 'Name of the driver.', { required: true }),
    fsType: field(2, string, 'Filesystem type, e.g. ext4.'),
    secretRef: field(3, () => LocalObjectReference, 'Secret passed to the driver.', { pointer: true }),
    readOnly: field(4, boolean, 'Mount read-only.'),
    options: field(5, map(string), 'Driver-specific options.'),
  },
);

export const FlexPersistentVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.FlexPersistentVolumeSource',
  'A FlexVolume of a persistent volume.',
  {
    driver: field(1, string, 'Name of the driver.', { required: true }),
    fsType: field(2, string, 'Filesystem type, e.g. ext4.'),
    secretRef: field(3, () => SecretReference, 'Secret passed to the driver.', { pointer: true }),
    readOnly: field(4, boolean, 'Mount read-only.'),
    options: field(5, map(string), 'Driver-specific options.'),
  },
);

export const CinderVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.CinderVolumeSource',
  'An OpenStack Cinder volume.',
  {
    volumeID: field(1, string, 'ID of the Cinder volume.', { required: true }),
    fsType: field(2, string, 'Filesystem type, e.g. ext4.'),
    readOnly: field(3, boolean, 'Mount read-only.'),
    secretRef: field(4, () => LocalObjectReference, 'Secret with OpenStack credentials.', { pointer: true }),
  },
);

export const CinderPersistentVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.CinderPersistentVolumeSource',
  'A Cinder volume of a persistent volume.',
  {
    volumeID: field(1, string, 'ID of the Cinder volume.', { required: true }),
    fsType: field(2, string, 'Filesystem type, e.g. ext4.'),
    readOnly: field(3, boolean, 'Mount read-only.'),
    secretRef: field(4, () => SecretReference, 'Secret with OpenStack credentials.', { pointer: true }),
  },
);

export const CephFSVolumeSource: StructType = struct('io.k8s.api.core.v1.CephFSVolumeSource', 'A CephFS mount.', {
  monitors: field(1, list(string), 'Ceph monitor addresses.', { required: true, listType: 'atomic' }),
  path: field(2, string, 'Path within the filesystem to mount.'),
  user: field(3, string, 'Rados user name.'),
  secretFile: field(4, string, 'Path of the keyring file.'),
  secretRef: field(5, () => LocalObjectReference, 'Secret with the authentication key.', { pointer: true }),
  readOnly: field(6, boolean, 'Mount read-only.'),
});

export const CephFSPersistentVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.CephFSPersistentVolumeSource',
  'A CephFS mount of a persistent volume.',
  {
    monitors: field(1, list(string), 'Ceph monitor addresses.', { required: true, listType: 'atomic' }),
    path: field(2, string, 'Path within the filesystem to mount.'),
    user: field(3, string, 'Rados user name.'),
    secretFile: field(4, string, 'Path of the keyring file.'),
    secretRef: field(5, () => SecretReference, 'Secret with the authentication key.', { pointer: true }),
    readOnly: field(6, boolean, 'Mount read-only.'),
  },
);

export const FlockerVolumeSource: StructType = struct('io.k8s.api.core.v1.FlockerVolumeSource', 'A Flocker dataset.', {
  datasetName: field(1, string, 'Name of the dataset.'),
  datasetUUID: field(2, string, 'UUID of the dataset.'),
});

export const FCVolumeSource: StructType = struct('io.k8s.api.core.v1.FCVolumeSource', 'A Fibre Channel disk.', {
  targetWWNs: field(1, list(string), 'Target world wide names.', { listType: 'atomic' }),
  lun: field(2, int32, 'Logical unit number.', { pointer: true }),
  fsType: field(3, string, 'Filesystem type, e.g. ext4.'),
  readOnly: field(4, boolean, 'Mount read-only.'),
  wwids: field(5, list(string), 'World wide identifiers of the volume.', { listType: 'atomic' }),
});

export const AzureFileVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.AzureFileVolumeSource',
  'An Azure File share.',
  {
    secretName: field(1, string, 'Secret with the storage account name and key.', { required: true }),
    shareName: field(2, string, 'Name of the share.', { required: true }),
    readOnly: field(3, boolean, 'Mount read-only.'),
  },
);

export const AzureFilePersistentVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.AzureFilePersistentVolumeSource',
  'An Azure File share of a persistent volume.',
  {
    secretName: field(1, string, 'Secret with the storage account name and key.', { required: true }),
    shareName: field(2, string, 'Name of the share.', { required: true }),
    readOnly: field(3, boolean, 'Mount read-only.'),
    secretNamespace: field(4, string, "Namespace of the secret; defaults to the pod's.", {
      pointer: true,
      omitempty: false,
    }),
  },
);

export const VsphereVirtualDiskVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource',
  'A vSphere virtual disk.',
  {
    volumePath: field(1, string, 'Path of the disk.', { required: true }),
    fsType: field(2, string, 'Filesystem type, e.g. ext4.'),
    storagePolicyName: field(3, string, 'Storage policy name.'),
    storagePolicyID: field(4, string, 'Storage policy ID.'),
  },
);

export const QuobyteVolumeSource: StructType = struct('io.k8s.api.core.v1.QuobyteVolumeSource', 'A Quobyte volume.', {
  registry: field(1, string, 'Quobyte registry addresses as host:port.', { required: true }),
  volume: field(2, string, 'Name of the Quobyte volume.', { required: true }),
  readOnly: field(3, boolean, 'Mount read-only.'),
  user: field(4, string, 'User to map access to.'),
  group: field(5, string, 'Group to map access to.'),
  tenant: field(6, string, 'Tenant owning the volume.'),
});

export const AzureDiskVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.AzureDiskVolumeSource',
  'An Azure data disk.',
  {
    diskName: field(1, string, 'Name of the data disk.', { required: true }),
    diskURI: field(2, string, 'URI of the data disk.', { required: true }),
    cachingMode: field(3, string, 'Host caching mode: None, ReadOnly or ReadWrite.', {
      pointer: true,
      enum: ['None', 'ReadOnly', 'ReadWrite'],
    }),
    fsType: field(4, string, 'Filesystem type, e.g. ext4.', { pointer: true, default: 'ext4' }),
    readOnly: field(5, boolean, 'Mount read-only.', { pointer: true, default: false }),
    kind: field(6, string, 'Shared, Dedicated or Managed.', {
      pointer: true,
      enum: ['Dedicated', 'Managed', 'Shared'],
    }),
  },
);

export const PhotonPersistentDiskVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource',
  'A Photon Controller disk.',
  {
    pdID: field(1, string, 'ID of the disk.', { required: true }),
    fsType: field(2, string, 'Filesystem type, e.g. ext4.'),
  },
);

export const PortworxVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.PortworxVolumeSource',
  'A Portworx volume.',
  {
    volumeID: field(1, string, 'ID of the volume.', { required: true }),
    fsType: field(2, string, 'Filesystem type, e.g. ext4.'),
    readOnly: field(3, boolean, 'Mount read-only.'),
  },
);

export const ScaleIOVolumeSource: StructType = struct('io.k8s.api.core.v1.ScaleIOVolumeSource', 'A ScaleIO volume.', {
  gateway: field(1, string, 'Address of the ScaleIO API gateway.', { required: true }),
  system: field(2, string, 'Name of the storage system.', { required: true }),
  secretRef: field(3, () => LocalObjectReference, 'Secret with the ScaleIO user credentials.', {
    required: true,
    pointer: true,
  }),
  sslEnabled: field(4, boolean, 'Use SSL to talk to the gateway.'),
  protectionDomain: field(5, string, 'Protection domain of the storage.'),
  storagePool: field(6, string, 'Storage pool of the protection domain.'),
  storageMode: field(7, string, 'ThickProvisioned or ThinProvisioned.', { default: 'ThinProvisioned' }),
  volumeName: field(8, string, 'Name of an existing volume.'),
  fsType: field(9, string, 'Filesystem type, e.g. ext4.', { default: 'xfs' }),
  readOnly: field(10, boolean, 'Mount read-only.'),
});

export const ScaleIOPersistentVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.ScaleIOPersistentVolumeSource',
  'A ScaleIO volume of a persistent volume.',
  {
    gateway: field(1, string, 'Address of the ScaleIO API gateway.', { required: true }),
    system: field(2, string, 'Name of the storage system.', { required: true }),
    secretRef: field(3, () => SecretReference, 'Secret with the ScaleIO user credentials.', {
      required: true,
      pointer: true,
    }),
    sslEnabled: field(4, boolean, 'Use SSL to talk to the gateway.'),
    protectionDomain: field(5, string, 'Protection domain of the storage.'),
    storagePool: field(6, string, 'Storage pool of the protection domain.'),
    storageMode: field(7, string, 'ThickProvisioned or ThinProvisioned.', { default: 'ThinProvisioned' }),
    volumeName: field(8, string, 'Name of an existing volume.'),
    fsType: field(9, string, 'Filesystem type, e.g. ext4.', { default: 'xfs' }),
    readOnly: field(10, boolean, 'Mount read-only.'),
  },
);

export const StorageOSVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.StorageOSVolumeSource',
  'A StorageOS volume.',
  {
    volumeName: field(1, string, 'Name of the volume.'),
    volumeNamespace: field(2, string, 'StorageOS namespace of the volume.'),
    fsType: field(3, string, 'Filesystem type, e.g. ext4.'),
    readOnly: field(4, boolean, 'Mount read-only.'),
    secretRef: field(5, () => LocalObjectReference, 'Secret with the API credentials.', { pointer: true }),
  },
);

export const StorageOSPersistentVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.StorageOSPersistentVolumeSource',
  'A StorageOS volume of a persistent volume.',
  {
    volumeName: field(1, string, 'Name of the volume.'),
    volumeNamespace: field(2, string, 'StorageOS namespace of the volume.'),
    fsType: field(3, string, 'Filesystem type, e.g. ext4.'),
    readOnly: field(4, boolean, 'Mount read-only.'),
    secretRef: field(5, () => ObjectReference, 'Secret with the API credentials.', { pointer: true }),
  },
);
