/** PersistentVolume validation (upstream ValidatePersistentVolume/ValidatePersistentVolumeUpdate). */
import { isDeepStrictEqual } from 'node:util';
import {
  forbidden,
  invalidValue,
  notSupported,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import { invalidEach, nameIsDNSSubdomain, validateImmutableField } from '../../../../apimachinery/validation/names.js';
import type { KObject } from '../../types.js';
import { validatePositiveQuantity, validateResourceQuantityValue } from '../resourcequota/resources.js';

/** The volume sources a PV may name, in the order upstream checks them (the first one counts). */
export const PV_SOURCES = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'glusterfs',
  'flocker',
  'nfs',
  'rbd',
  'quobyte',
  'cephfs',
  'iscsi',
  'cinder',
  'fc',
  'flexVolume',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'scaleIO',
  'local',
  'storageos',
  'csi',
] as const;

/** Access modes a PV or PVC may request. */
export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
/** Volume modes. */
export const VOLUME_MODES = ['Block', 'Filesystem'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];

type Source = Record<string, unknown>;
export interface PVSpec extends Record<string, unknown> {
  accessModes?: string[];
  capacity?: Record<string, unknown>;
  persistentVolumeReclaimPolicy?: string;
  storageClassName?: string;
  volumeMode?: string;
  nodeAffinity?: { required?: unknown } | null;
  claimRef?: unknown;
}

/** accessModes: known values, ReadWriteOncePod alone (shared by PVs and PVCs). */
export function validateAccessModes(modes: readonly string[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let rwop = false;
  let other = false;
  for (const m of modes) {
    if (!ACCESS_MODES.includes(m)) errs.push(notSupported(path, m, ACCESS_MODES));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(m)) other = true;
  }
  if (rwop && other) errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

// The few required fields of the common sources; the rest are taken as written.
function validateSource(kind: string, src: Source, path: FieldPath, spec: PVSpec): FieldError[] {
  const need = (...fields: string[]) => fields.filter((f) => !src[f]).map((f) => required(path.child(f)));
  switch (kind) {
    case 'hostPath':
    case 'local': {
      const errs = need('path');
      if (kind === 'local' && !spec.nodeAffinity)
        errs.push(required(root('spec', 'nodeAffinity'), 'Local volume requires node affinity'));
      return errs;
    }
    case 'nfs':
      return [
        ...need('server', 'path'),
        ...(src.path && !String(src.path).startsWith('/')
          ? [invalidValue(path.child('path'), src.path, 'must be an absolute path')]
          : []),
      ];
    case 'csi':
      return need('driver', 'volumeHandle');
    case 'iscsi':
      return need('targetPortal', 'iqn');
    case 'rbd':
      return need('monitors', 'image');
    case 'fc':
      return [];
    default:
      return [];
  }
}

/** ValidatePersistentVolumeSpec for a PV object. */
export function validatePersistentVolume(obj: KObject): FieldError[] {
  const spec = (obj.spec ?? {}) as PVSpec;
  const sp = root('spec');
  const errs: FieldError[] = [];
  if (!spec.accessModes?.length) errs.push(required(sp.child('accessModes')));
  errs.push(...validateAccessModes(spec.accessModes ?? [], sp.child('accessModes')));
  const capacity = spec.capacity ?? {};
  const keys = Object.keys(capacity);
  if (!keys.length) errs.push(required(sp.child('capacity')));
  if (!('storage' in capacity) || keys.length > 1) errs.push(notSupported(sp.child('capacity'), capacity, ['storage']));
  for (const [k, v] of Object.entries(capacity)) {
    const p = sp.child('capacity').key(k);
    errs.push(...validateResourceQuantityValue(k, v, p), ...validatePositiveQuantity(v, p));
  }
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy && !RECLAIM_POLICIES.includes(policy))
    errs.push(notSupported(sp.child('persistentVolumeReclaimPolicy'), policy, RECLAIM_POLICIES));
  let found = '';
  for (const kind of PV_SOURCES) {
    const src = spec[kind] as Source | undefined;
    if (!src) continue;
    if (found) {
      errs.push(forbidden(sp.child(kind), 'may not specify more than 1 volume type'));
      continue;
    }
    found = kind;
    errs.push(...validateSource(kind, src, sp.child(kind), spec));
  }
  if (!found) errs.push(required(sp, 'must specify a volume type'));
  const hostPath = spec.hostPath as Source | undefined;
  if (hostPath && String(hostPath.path).replace(/\/+$/, '') === '' && policy === 'Recycle') {
    errs.push(forbidden(sp.child('persistentVolumeReclaimPolicy'), "may not be 'recycle' for a hostPath mount of '/'"));
  }
  if (spec.storageClassName)
    errs.push(
      ...invalidEach(
        sp.child('storageClassName'),
        spec.storageClassName,
        nameIsDNSSubdomain(spec.storageClassName, false),
      ),
    );
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode))
    errs.push(notSupported(sp.child('volumeMode'), spec.volumeMode, VOLUME_MODES));
  return errs;
}

/** ValidatePersistentVolumeUpdate: the volume source, volumeMode and a set nodeAffinity are immutable. */
export function validatePersistentVolumeUpdate(obj: KObject, old: KObject): FieldError[] {
  const spec = (obj.spec ?? {}) as PVSpec;
  const prev = (old.spec ?? {}) as PVSpec;
  const errs = validatePersistentVolume(obj);
  const source = (s: PVSpec) => {
    const out: Record<string, unknown> = {};
    for (const k of PV_SOURCES) if (s[k] !== undefined) out[k] = s[k];
    // A controller-expand secret may be added to a CSI volume that had none.
    return out;
  };
  const a = source(prev);
  const b = source(spec);
  const csiA = a.csi as Source | undefined;
  const csiB = b.csi as Source | undefined;
  if (csiA && csiB && !csiA.controllerExpandSecretRef && csiB.controllerExpandSecretRef) {
    b.csi = { ...csiB };
    delete (b.csi as Source).controllerExpandSecretRef;
  }
  if (!isDeepStrictEqual(a, b)) {
    errs.push(
      forbidden(root('spec', 'persistentvolumesource'), 'spec.persistentvolumesource is immutable after creation'),
    );
  }
  errs.push(...validateImmutableField(spec.volumeMode, prev.volumeMode, root('volumeMode')));
  if (prev.nodeAffinity && !isDeepStrictEqual(spec.nodeAffinity ?? null, prev.nodeAffinity)) {
    errs.push(
      invalidValue(
        root('nodeAffinity'),
        spec.nodeAffinity ?? null,
        'field is immutable, except for updating from beta label to GA',
      ),
    );
  }
  return errs;
}
