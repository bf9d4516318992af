/** PersistentVolumeClaim validation (upstream ValidatePersistentVolumeClaim and its update rules). */
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
import { parseQuantity } from '../../../../apimachinery/quantity.js';
import { validateLabelSelector } from '../../../../apimachinery/validation/label-selector.js';
import {
  invalidEach,
  isDNS1123Subdomain,
  nameIsDNSSubdomain,
  validateImmutableField,
} from '../../../../apimachinery/validation/names.js';
import type { LabelSelector } from '../../../../apimachinery/meta.js';
import type { KObject } from '../../types.js';
import { validatePositiveQuantity, validateResourceQuantityValue } from '../resourcequota/resources.js';
import { VOLUME_MODES, validateAccessModes } from '../persistentvolume/validation.js';

interface TypedRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}
export interface PVCSpec {
  accessModes?: string[];
  selector?: LabelSelector;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  volumeName?: string;
  storageClassName?: string;
  volumeMode?: string;
  dataSource?: TypedRef;
  dataSourceRef?: TypedRef;
  volumeAttributesClassName?: string;
}
interface PVCStatus {
  phase?: string;
  capacity?: Record<string, unknown>;
}

export const specOf = (obj: KObject) => (obj.spec ?? {}) as PVCSpec;
const statusOf = (obj: KObject) => (obj.status ?? {}) as PVCStatus;

function validateDataSource(ref: TypedRef, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!ref.name) errs.push(required(path.child('name')));
  if (!ref.kind) errs.push(required(path.child('kind')));
  if (!ref.apiGroup && ref.kind !== 'PersistentVolumeClaim') {
    errs.push(
      invalidValue(path, ref.kind ?? '', "must be 'PersistentVolumeClaim' when referencing the default apiGroup"),
    );
  }
  if (ref.apiGroup) errs.push(...invalidEach(path.child('apiGroup'), ref.apiGroup, isDNS1123Subdomain(ref.apiGroup)));
  return errs;
}

/** ValidatePersistentVolumeClaimSpec at spec. */
export function validatePVCSpec(spec: PVCSpec, sp: FieldPath = root('spec')): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec.accessModes?.length) errs.push(required(sp.child('accessModes'), 'at least 1 access mode is required'));
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, {}, sp.child('selector')));
  errs.push(...validateAccessModes(spec.accessModes ?? [], sp.child('accessModes')));
  const requests = spec.resources?.requests ?? {};
  const storagePath = sp.child('resources').key('storage');
  if (!('storage' in requests)) errs.push(required(storagePath));
  else {
    const positive = validatePositiveQuantity(requests.storage, storagePath);
    errs.push(
      ...(positive.length ? positive : validateResourceQuantityValue('storage', requests.storage, storagePath)),
    );
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
  if (spec.dataSource) errs.push(...validateDataSource(spec.dataSource, sp.child('dataSource')));
  if (spec.dataSourceRef) errs.push(...validateDataSource(spec.dataSourceRef, sp.child('dataSourceRef')));
  if (spec.dataSourceRef?.namespace) {
    if (spec.dataSource)
      errs.push(invalidValue(sp, 'spec.dataSource', 'may not be specified when dataSourceRef.namespace is specified'));
  } else if (spec.dataSource && spec.dataSourceRef) {
    const a = spec.dataSource;
    const b = spec.dataSourceRef;
    if ((a.apiGroup ?? '') !== (b.apiGroup ?? '') || a.kind !== b.kind || a.name !== b.name) {
      errs.push(invalidValue(sp, 'spec.dataSource', 'must match dataSourceRef'));
    }
  }
  return errs;
}

const storageOf = (r: Record<string, unknown> | undefined) => {
  try {
    return r?.storage === undefined ? undefined : parseQuantity(String(r.storage));
  } catch {
    return undefined;
  }
};

/**
 * ValidatePersistentVolumeClaimUpdate: the spec is immutable except volumeName (set once), a storageClassName
 * set where there was none, and, for bound claims, resources.requests (growth only).
 */
export function validatePVCUpdate(obj: KObject, old: KObject): FieldError[] {
  const spec = specOf(obj);
  const prev = specOf(old);
  const errs = validatePVCSpec(spec);
  const a: PVCSpec = structuredClone(prev);
  const b: PVCSpec = structuredClone(spec);
  if (!prev.volumeName) a.volumeName = b.volumeName;
  const betaClass = 'volume.beta.kubernetes.io/storage-class';
  const oldAnn = old.metadata.annotations?.[betaClass];
  if (
    prev.storageClassName === undefined &&
    spec.storageClassName !== undefined &&
    (oldAnn === undefined || oldAnn === spec.storageClassName)
  ) {
    b.storageClassName = undefined;
  } else {
    errs.push(
      ...validateImmutableField(
        obj.metadata.annotations?.[betaClass],
        oldAnn,
        root('metadata', 'annotations', betaClass),
      ),
    );
  }
  const bound = statusOf(obj).phase === 'Bound';
  if (bound && b.resources?.requests) b.resources.requests.storage = prev.resources?.requests?.storage;
  if (bound && b.volumeAttributesClassName !== undefined) b.volumeAttributesClassName = a.volumeAttributesClassName;
  const strip = (s: PVCSpec) => JSON.parse(JSON.stringify(s)) as unknown;
  if (!isDeepStrictEqual(strip(a), strip(b))) {
    errs.push(
      forbidden(
        root('spec'),
        'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      ),
    );
  }
  const oldSize = storageOf(prev.resources?.requests);
  const newSize = storageOf(spec.resources?.requests);
  const statusSize = storageOf(statusOf(old).capacity);
  // Shrinking is allowed back down to what the volume really has, to recover from a failed expansion.
  if (oldSize && newSize && newSize.cmp(oldSize) < 0 && (!statusSize || newSize.cmp(statusSize) <= 0)) {
    errs.push(
      forbidden(root('spec', 'resources', 'requests', 'storage'), 'field can not be less than status.capacity'),
    );
  }
  errs.push(...validateImmutableField(spec.volumeMode, prev.volumeMode, root('volumeMode')));
  return errs;
}
