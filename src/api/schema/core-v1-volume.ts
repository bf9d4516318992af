/**
 * core/v1: pod volumes and the commonly used volume sources.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { boolean, field, inline, int32, int64, list, map, quantity, string, struct, type StructType } from './dsl.js';
import { LocalObjectReference } from './core-v1-config.js';
import { ObjectFieldSelector, ResourceFieldSelector } from './core-v1-container.js';
import { PersistentVolumeClaimSpec } from './core-v1-pv.js';
import {
  AWSElasticBlockStoreVolumeSource,
  AzureDiskVolumeSource,
  AzureFileVolumeSource,
  CephFSVolumeSource,
  CinderVolumeSource,
  FCVolumeSource,
  FlexVolumeSource,
  FlockerVolumeSource,
  GCEPersistentDiskVolumeSource,
  GitRepoVolumeSource,
  GlusterfsVolumeSource,
  ISCSIVolumeSource,
  PhotonPersistentDiskVolumeSource,
  PortworxVolumeSource,
  QuobyteVolumeSource,
  RBDVolumeSource,
  ScaleIOVolumeSource,
  StorageOSVolumeSource,
  VsphereVirtualDiskVolumeSource,
} from './core-v1-volume-intree.js';
import { LabelSelector, ObjectMeta } from './meta-v1.js';

export const Volume: StructType = struct(
  'io.k8s.api.core.v1.Volume',
  'A named volume in a pod that its containers can mount.',
  {
    name: field(1, string, 'Name of the volume, a DNS label unique within the pod.', { required: true }),
    volumeSource: inline(2, () => VolumeSource),
  },
);

export const VolumeSource: StructType = struct(
  'io.k8s.api.core.v1.VolumeSource',
  'The source of a volume; exactly one member is set.',
  {
    hostPath: field(1, () => HostPathVolumeSource, 'A file or directory on the node.', { pointer: true }),
    emptyDir: field(2, () => EmptyDirVolumeSource, 'An empty directory that lives as long as the pod.', {
      pointer: true,
    }),
    gcePersistentDisk: field(3, () => GCEPersistentDiskVolumeSource, 'Deprecated GCE persistent disk.', {
      pointer: true,
    }),
    awsElasticBlockStore: field(4, () => AWSElasticBlockStoreVolumeSource, 'Deprecated AWS EBS disk.', {
      pointer: true,
    }),
    gitRepo: field(5, () => GitRepoVolumeSource, 'Deprecated git repository checkout.', { pointer: true }),
    secret: field(6, () => SecretVolumeSource, 'The keys of a secret as files.', { pointer: true }),
    nfs: field(7, () => NFSVolumeSource, 'An NFS share.', { pointer: true }),
    iscsi: field(8, () => ISCSIVolumeSource, 'An iSCSI disk.', { pointer: true }),
    glusterfs: field(9, () => GlusterfsVolumeSource, 'Deprecated GlusterFS volume.', { pointer: true }),
    persistentVolumeClaim: field(
      10,
      () => PersistentVolumeClaimVolumeSource,
      "A persistent volume claim in the pod's namespace.",
      { pointer: true },
    ),
    rbd: field(11, () => RBDVolumeSource, 'Deprecated Rados block device.', { pointer: true }),
    flexVolume: field(12, () => FlexVolumeSource, 'Deprecated FlexVolume driver volume.', { pointer: true }),
    cinder: field(13, () => CinderVolumeSource, 'Deprecated OpenStack Cinder volume.', { pointer: true }),
    cephfs: field(14, () => CephFSVolumeSource, 'Deprecated CephFS volume.', { pointer: true }),
    flocker: field(15, () => FlockerVolumeSource, 'Deprecated Flocker volume.', { pointer: true }),
    downwardAPI: field(16, () => DownwardAPIVolumeSource, 'Pod metadata as files.', { pointer: true }),
    fc: field(17, () => FCVolumeSource, 'A Fibre Channel disk.', { pointer: true }),
    azureFile: field(18, () => AzureFileVolumeSource, 'Deprecated Azure File share.', { pointer: true }),
    configMap: field(19, () => ConfigMapVolumeSource, 'The keys of a config map as files.', { pointer: true }),
    vsphereVolume: field(20, () => VsphereVirtualDiskVolumeSource, 'Deprecated vSphere disk.', { pointer: true }),
    quobyte: field(21, () => QuobyteVolumeSource, 'Deprecated Quobyte volume.', { pointer: true }),
    azureDisk: field(22, () => AzureDiskVolumeSource, 'Deprecated Azure data disk.', { pointer: true }),
    photonPersistentDisk: field(23, () => PhotonPersistentDiskVolumeSource, 'Deprecated Photon Controller disk.', {
      pointer: true,
    }),
    projected: field(26, () => ProjectedVolumeSource, 'Several sources projected into one directory.', {
      pointer: true,
    }),
    portworxVolume: field(24, () => PortworxVolumeSource, 'Deprecated Portworx volume.', { pointer: true }),
    scaleIO: field(25, () => ScaleIOVolumeSource, 'Deprecated ScaleIO volume.', { pointer: true }),
    storageos: field(27, () => StorageOSVolumeSource, 'Deprecated StorageOS volume.', { pointer: true }),
    csi: field(28, () => CSIVolumeSource, 'An ephemeral volume from a CSI driver.', { pointer: true }),
    ephemeral: field(29, () => EphemeralVolumeSource, 'A volume from a claim created for and deleted with the pod.', {
      pointer: true,
    }),
    image: field(30, () => ImageVolumeSource, 'The contents of an OCI image or artifact.', { pointer: true }),
  },
);

export const HostPathVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.HostPathVolumeSource',
  'A file or directory on the node.',
  {
    path: field(1, string, 'Path on the node.', { required: true }),
    type: field(2, string, 'What must exist at the path, e.g. Directory, DirectoryOrCreate or File.', {
      pointer: true,
      enum: ['BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'],
    }),
  },
);

export const EmptyDirVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.EmptyDirVolumeSource',
  "An empty directory for the pod's lifetime.",
  {
    medium: field(1, string, "Storage medium: empty for the node's disk, Memory for tmpfs."),
    sizeLimit: field(2, quantity, 'Maximum size of the directory.', { pointer: true }),
  },
);

export const SecretVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.SecretVolumeSource',
  'The keys of a secret as files.',
  {
    secretName: field(1, string, "Name of the secret in the pod's namespace."),
    items: field(
      2,
      list(() => KeyToPath),
      'Keys to project and their paths; default is all keys.',
      { listType: 'atomic' },
    ),
    defaultMode: field(3, int32, 'Permission bits of the files, e.g. 0644.', { pointer: true }),
    optional: field(4, boolean, 'Whether the secret or its keys may be missing.', { pointer: true }),
  },
);

export const ConfigMapVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.ConfigMapVolumeSource',
  'The keys of a config map as files.',
  {
    localObjectReference: inline(1, () => LocalObjectReference),
    items: field(
      2,
      list(() => KeyToPath),
      'Keys to project and their paths; default is all keys.',
      { listType: 'atomic' },
    ),
    defaultMode: field(3, int32, 'Permission bits of the files, e.g. 0644.', { pointer: true }),
    optional: field(4, boolean, 'Whether the config map or its keys may be missing.', { pointer: true }),
  },
);

export const KeyToPath: StructType = struct('io.k8s.api.core.v1.KeyToPath', 'Maps a key to a file path.', {
  key: field(1, string, 'The key to project.', { required: true }),
  path: field(2, string, 'Relative path of the file.', { required: true }),
  mode: field(3, int32, 'Permission bits of the file.', { pointer: true }),
});

export const ProjectedVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.ProjectedVolumeSource',
  'Several sources projected into one directory.',
  {
    sources: field(
      1,
      list(() => VolumeProjection),
      'The projected sources.',
      { omitempty: false, listType: 'atomic' },
    ),
    defaultMode: field(2, int32, 'Permission bits of the files.', { pointer: true }),
  },
);

export const VolumeProjection: StructType = struct(
  'io.k8s.api.core.v1.VolumeProjection',
  'One projected source; exactly one member is set.',
  {
    secret: field(1, () => SecretProjection, 'Keys of a secret.', { pointer: true }),
    downwardAPI: field(2, () => DownwardAPIProjection, 'Pod metadata.', { pointer: true }),
    configMap: field(3, () => ConfigMapProjection, 'Keys of a config map.', { pointer: true }),
    serviceAccountToken: field(4, () => ServiceAccountTokenProjection, 'A service account token.', { pointer: true }),
    clusterTrustBundle: field(5, () => ClusterTrustBundleProjection, 'Certificates of cluster trust bundles.', {
      pointer: true,
    }),
  },
);

export const SecretProjection: StructType = struct(
  'io.k8s.api.core.v1.SecretProjection',
  'Keys of a secret in a projected volume.',
  {
    localObjectReference: inline(1, () => LocalObjectReference),
    items: field(
      2,
      list(() => KeyToPath),
      'Keys to project and their paths; default is all keys.',
      { listType: 'atomic' },
    ),
    optional: field(4, boolean, 'Whether the secret or its keys may be missing.', { pointer: true }),
  },
);

export const ConfigMapProjection: StructType = struct(
  'io.k8s.api.core.v1.ConfigMapProjection',
  'Keys of a config map in a projected volume.',
  {
    localObjectReference: inline(1, () => LocalObjectReference),
    items: field(
      2,
      list(() => KeyToPath),
      'Keys to project and their paths; default is all keys.',
      { listType: 'atomic' },
    ),
    optional: field(4, boolean, 'Whether the config map or its keys may be missing.', { pointer: true }),
  },
);

export const DownwardAPIProjection: StructType = struct(
  'io.k8s.api.core.v1.DownwardAPIProjection',
  'Pod metadata in a projected volume.',
  {
    items: field(
      1,
      list(() => DownwardAPIVolumeFile),
      'Files to create.',
      { listType: 'atomic' },
    ),
  },
);

export const ServiceAccountTokenProjection: StructType = struct(
  'io.k8s.api.core.v1.ServiceAccountTokenProjection',
  'A service account token in a projected volume.',
  {
    audience: field(1, string, 'Intended audience of the token; defaults to the API server.'),
    expirationSeconds: field(2, int64, 'Requested lifetime of the token.', { pointer: true }),
    path: field(3, string, 'Relative path of the token file.', { required: true }),
  },
);

export const ClusterTrustBundleProjection: StructType = struct(
  'io.k8s.api.core.v1.ClusterTrustBundleProjection',
  'Certificates of cluster trust bundles in a projected volume.',
  {
    name: field(1, string, 'Name of one trust bundle; excludes signerName and labelSelector.', { pointer: true }),
    signerName: field(2, string, 'Select bundles of this signer.', { pointer: true }),
    labelSelector: field(3, () => LabelSelector, 'Select bundles of the signer by label.', { pointer: true }),
    optional: field(5, boolean, 'Whether a missing bundle is an error.', { pointer: true }),
    path: field(4, string, 'Relative path of the file.', { required: true }),
  },
);

export const DownwardAPIVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.DownwardAPIVolumeSource',
  'Pod metadata as files.',
  {
    items: field(
      1,
      list(() => DownwardAPIVolumeFile),
      'Files to create.',
      { listType: 'atomic' },
    ),
    defaultMode: field(2, int32, 'Permission bits of the files.', { pointer: true }),
  },
);

export const DownwardAPIVolumeFile: StructType = struct(
  'io.k8s.api.core.v1.DownwardAPIVolumeFile',
  'A file holding a field of the pod.',
  {
    path: field(1, string, 'Relative path of the file.', { required: true }),
    fieldRef: field(2, () => ObjectFieldSelector, 'A field of the pod.', { pointer: true }),
    resourceFieldRef: field(3, () => ResourceFieldSelector, 'A resource limit or request of a container.', {
      pointer: true,
    }),
    mode: field(4, int32, 'Permission bits of the file.', { pointer: true }),
  },
);

export const PersistentVolumeClaimVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource',
  'A persistent volume claim used as a volume.',
  {
    claimName: field(1, string, "Name of the claim in the pod's namespace.", { required: true }),
    readOnly: field(2, boolean, 'Mount read-only.'),
  },
);

export const NFSVolumeSource: StructType = struct('io.k8s.api.core.v1.NFSVolumeSource', 'An NFS share.', {
  server: field(1, string, 'Hostname or IP address of the NFS server.', { required: true }),
  path: field(2, string, 'Exported path on the server.', { required: true }),
  readOnly: field(3, boolean, 'Mount read-only.'),
});

export const CSIVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.CSIVolumeSource',
  'An ephemeral volume provided by a CSI driver.',
  {
    driver: field(1, string, 'Name of the CSI driver.', { required: true }),
    readOnly: field(2, boolean, 'Mount read-only.', { pointer: true }),
    fsType: field(3, string, 'Filesystem type, e.g. ext4.', { pointer: true }),
    volumeAttributes: field(4, map(string), 'Driver-specific properties.'),
    nodePublishSecretRef: field(5, () => LocalObjectReference, "Secret passed to the driver's publish calls.", {
      pointer: true,
    }),
  },
);

export const EphemeralVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.EphemeralVolumeSource',
  'A volume backed by a claim created for and deleted with the pod.',
  {
    volumeClaimTemplate: field(1, () => PersistentVolumeClaimTemplate, 'Template of the claim to create.', {
      pointer: true,
    }),
  },
);

export const PersistentVolumeClaimTemplate: StructType = struct(
  'io.k8s.api.core.v1.PersistentVolumeClaimTemplate',
  'Template of a claim created for an ephemeral volume.',
  {
    metadata: field(1, () => ObjectMeta, 'Labels and annotations copied to the claim.'),
    spec: field(2, () => PersistentVolumeClaimSpec, 'Spec of the claim.', { required: true }),
  },
);

export const ImageVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.ImageVolumeSource',
  'An OCI image or artifact mounted as a volume.',
  {
    reference: field(1, string, 'Image or artifact reference.'),
    pullPolicy: field(2, string, 'When to pull: Always, Never or IfNotPresent.', {
      enum: ['Always', 'IfNotPresent', 'Never'],
    }),
  },
);

export const LocalVolumeSource: StructType = struct(
  'io.k8s.api.core.v1.LocalVolumeSource',
  'A local disk, partition or directory on a node.',
  {
    path: field(1, string, 'Full path of the storage on the node.', { required: true }),
    fsType: field(2, string, 'Filesystem type for block devices.', { pointer: true }),
  },
);
