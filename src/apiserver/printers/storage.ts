/**
 * Tables of the storage.k8s.io group: storageclasses (`(default)` after the default class name), csidrivers,
 * csinodes, csistoragecapacities, volumeattachments and volumeattributesclasses.
 */
import { asArray, asRecord, formatQuantity, str, timestampSince } from './format.js';
import { ageColumn, col, nameColumn, type TablePrinter } from './table.js';

/** A boolean with a default for an unset `*bool`. */
const boolOr = (v: unknown, dflt: boolean) => (typeof v === 'boolean' ? v : dflt);

/** StorageClasses: PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE. */
export const storageClassPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Provisioner', 'The volume plugin that provisions volumes of the class.'),
    col('ReclaimPolicy', 'What happens to provisioned volumes once released.'),
    col('VolumeBindingMode', 'Whether volumes are bound at once or when a pod first uses the claim.'),
    col('AllowVolumeExpansion', 'Whether claims of the class may grow.'),
    ageColumn,
  ],
  cells(sc, now) {
    const annotations = sc.metadata.annotations ?? {};
    const isDefault =
      annotations['storageclass.kubernetes.io/is-default-class'] === 'true' ||
      annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
    return [
      `${sc.metadata.name ?? ''}${isDefault ? ' (default)' : ''}`,
      str(sc.provisioner),
      typeof sc.reclaimPolicy === 'string' ? sc.reclaimPolicy : 'Delete',
      typeof sc.volumeBindingMode === 'string' ? sc.volumeBindingMode : 'Immediate',
      boolOr(sc.allowVolumeExpansion, false),
      timestampSince(sc.metadata.creationTimestamp, now),
    ];
  },
};

/** VolumeAttributesClasses: DRIVERNAME AGE. */
export const volumeAttributesClassPrinter: TablePrinter = {
  columns: [nameColumn, col('DriverName', 'The CSI driver the class is for.'), ageColumn],
  cells(vac, now) {
    const isDefault = vac.metadata.annotations?.['storage.kubernetes.io/is-default-class'] === 'true';
    return [
      `${vac.metadata.name ?? ''}${isDefault ? ' (default)' : ''}`,
      str(vac.driverName),
      timestampSince(vac.metadata.creationTimestamp, now),
    ];
  },
};

/** CSIDrivers: ATTACHREQUIRED PODINFOONMOUNT STORAGECAPACITY TOKENREQUESTS REQUIRESREPUBLISH MODES AGE. */
export const csiDriverPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('AttachRequired', 'Whether volumes need an attach step before mounting.', 0, 'boolean'),
    col('PodInfoOnMount', 'Whether the driver gets pod details on mount.', 0, 'boolean'),
    col('StorageCapacity', 'Whether the scheduler considers the capacity the driver reports.', 0, 'boolean'),
    col('TokenRequests', 'The audiences of the service account tokens passed to the driver.'),
    col('RequiresRepublish', 'Whether volumes are periodically remounted.', 0, 'boolean'),
    col('Modes', 'The volume lifecycle modes the driver supports.'),
    ageColumn,
  ],
  cells(d, now) {
    const spec = asRecord(d.spec);
    const modes = asArray(spec.volumeLifecycleModes).map(str).join(',');
    const tokenRequests = Array.isArray(spec.tokenRequests)
      ? spec.tokenRequests.map((t) => str(asRecord(t).audience)).join(',')
      : '<unset>';
    return [
      d.metadata.name ?? '',
      boolOr(spec.attachRequired, true),
      boolOr(spec.podInfoOnMount, false),
      boolOr(spec.storageCapacity, false),
      tokenRequests,
      boolOr(spec.requiresRepublish, false),
      modes === '' ? '<none>' : modes,
      timestampSince(d.metadata.creationTimestamp, now),
    ];
  },
};

/** CSINodes: DRIVERS (a count) AGE. */
export const csiNodePrinter: TablePrinter = {
  columns: [nameColumn, col('Drivers', 'How many CSI drivers are registered on the node.', 0, 'integer'), ageColumn],
  cells: (n, now) => [
    n.metadata.name ?? '',
    asArray(asRecord(n.spec).drivers).length,
    timestampSince(n.metadata.creationTimestamp, now),
  ],
};

/** CSIStorageCapacities: STORAGECLASSNAME CAPACITY. */
export const csiStorageCapacityPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('StorageClassName', 'The storage class the capacity is for.'),
    col('Capacity', 'The capacity available.'),
  ],
  cells: (c) => [
    c.metadata.name ?? '',
    str(c.storageClassName),
    c.capacity === undefined || c.capacity === null ? '<unset>' : formatQuantity(c.capacity),
  ],
};

/** VolumeAttachments: ATTACHER PV NODE ATTACHED AGE. */
export const volumeAttachmentPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Attacher', 'The driver that attaches the volume.', 0, 'string', 'name'),
    col('PV', 'The persistent volume being attached.'),
    col('Node', 'The node the volume is attached to.'),
    col('Attached', 'Whether the attach step finished.', 0, 'boolean'),
    ageColumn,
  ],
  cells(va, now) {
    const spec = asRecord(va.spec);
    return [
      va.metadata.name ?? '',
      str(spec.attacher),
      str(asRecord(spec.source).persistentVolumeName),
      str(spec.nodeName),
      boolOr(asRecord(va.status).attached, false),
      timestampSince(va.metadata.creationTimestamp, now),
    ];
  },
};
