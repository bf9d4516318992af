/**
 * PersistentVolume and PersistentVolumeClaim tables: capacity, access modes as `RWO,ROX,RWX,RWOP`, status
 * (`Terminating` once deletion started), claim, storage and volume-attributes classes.
 */
import type { KObject } from '../registry/types.js';
import { asArray, asRecord, formatQuantity, str, timestampMs, timestampSince } from './format.js';
import { ageColumn, col, nameColumn, type TablePrinter } from './table.js';

/** The beta annotation that predates spec.storageClassName and still takes precedence over it. */
const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** Access modes abbreviated, de-duplicated and in a fixed order (GetAccessModesAsString). */
export function accessModesString(modes: unknown): string {
  const set = new Set(asArray(modes).map(str));
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** The storage class: the beta annotation when present (even empty), else spec.storageClassName. */
function storageClassOf(obj: KObject): string {
  const annotations = obj.metadata.annotations ?? {};
  if (Object.hasOwn(annotations, BETA_STORAGE_CLASS_ANNOTATION)) return annotations[BETA_STORAGE_CLASS_ANNOTATION];
  return str(asRecord(obj.spec).storageClassName);
}

/** The phase, or `Terminating` once the object has a deletion timestamp. */
function phaseOf(obj: KObject): string {
  if (timestampMs(obj.metadata.deletionTimestamp) !== undefined) return 'Terminating';
  return str(asRecord(obj.status).phase);
}

/** `<unset>` for an absent optional string field. */
const orUnset = (v: unknown) => (typeof v === 'string' ? v : '<unset>');

/** PersistentVolumes. */
export const persistentVolumePrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Capacity', 'The storage size of the volume.'),
    col('Access Modes', 'How the volume can be mounted: RWO, ROX, RWX, RWOP.'),
    col('Reclaim Policy', 'What happens to the volume once its claim is released.'),
    col('Status', 'The volume phase: Available, Bound, Released, Failed.'),
    col('Claim', 'The namespace/name of the claim bound to the volume.'),
    col('StorageClass', 'The storage class of the volume.'),
    col('VolumeAttributesClass', 'The volume attributes class of the volume.'),
    col('Reason', 'Why the volume is in its phase, for humans.'),
    ageColumn,
    col('VolumeMode', 'Whether the volume is a filesystem or a raw block device.', 1),
  ],
  cells(pv, now) {
    const spec = asRecord(pv.spec);
    const claimRef = spec.claimRef === undefined || spec.claimRef === null ? undefined : asRecord(spec.claimRef);
    return [
      pv.metadata.name ?? '',
      formatQuantity(asRecord(spec.capacity).storage),
      accessModesString(spec.accessModes),
      str(spec.persistentVolumeReclaimPolicy),
      phaseOf(pv),
      claimRef ? `${str(claimRef.namespace)}/${str(claimRef.name)}` : '',
      storageClassOf(pv),
      orUnset(spec.volumeAttributesClassName),
      str(asRecord(pv.status).reason),
      timestampSince(pv.metadata.creationTimestamp, now),
      orUnset(spec.volumeMode),
    ];
  },
};

/** PersistentVolumeClaims: capacity and access modes come from the bound volume, so they are empty until bound. */
export const persistentVolumeClaimPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Status', 'The claim phase: Pending, Bound or Lost.'),
    col('Volume', 'The volume bound to the claim.'),
    col('Capacity', 'The storage size of the bound volume.'),
    col('Access Modes', 'How the bound volume can be mounted: RWO, ROX, RWX, RWOP.'),
    col('StorageClass', 'The storage class the claim asks for.'),
    col('VolumeAttributesClass', 'The volume attributes class the claim asks for.'),
    ageColumn,
    col('VolumeMode', 'Whether the claim wants a filesystem or a raw block device.', 1),
  ],
  cells(pvc, now) {
    const spec = asRecord(pvc.spec);
    const status = asRecord(pvc.status);
    const volumeName = str(spec.volumeName);
    const bound = volumeName !== '';
    return [
      pvc.metadata.name ?? '',
      phaseOf(pvc),
      volumeName,
      bound ? formatQuantity(asRecord(status.capacity).storage) : '',
      bound ? accessModesString(status.accessModes) : '',
      storageClassOf(pvc),
      orUnset(spec.volumeAttributesClassName),
      timestampSince(pvc.metadata.creationTimestamp, now),
      orUnset(spec.volumeMode),
    ];
  },
};
