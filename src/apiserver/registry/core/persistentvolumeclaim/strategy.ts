/**
 * PersistentVolumeClaims (upstream pkg/registry/core/persistentvolumeclaim): volumeMode Filesystem by
 * default, phase Pending on create, a mostly immutable spec, status written by the PV controller.
 */
import { required, root } from '../../../../apimachinery/field-errors.js';
import type { KObject, Strategy } from '../../types.js';
import { canonicalizeResourceList } from '../resourcequota/resources.js';
import { specOf, validatePVCSpec, validatePVCUpdate, type PVCSpec } from './validation.js';

function defaultPVC(obj: KObject): void {
  const spec = (obj.spec ??= {}) as PVCSpec;
  if (!spec.volumeMode) spec.volumeMode = 'Filesystem';
  const status = (obj.status ??= {}) as { phase?: string };
  if (!status.phase) status.phase = 'Pending';
}

function canonicalizePVC(obj: KObject): void {
  canonicalizeResourceList(specOf(obj).resources?.requests);
  canonicalizeResourceList(specOf(obj).resources?.limits);
}

export const persistentVolumeClaimStrategy: Strategy = {
  defaults: defaultPVC,
  prepareForCreate(obj) {
    obj.status = { phase: 'Pending' };
  },
  prepareForUpdate(obj, old) {
    obj.status = structuredClone(old.status);
    if (obj.status === undefined) delete obj.status;
  },
  validate: (obj) => validatePVCSpec(specOf(obj)),
  validateUpdate: (obj, old) => validatePVCUpdate(obj, old),
  canonicalize: canonicalizePVC,
  allowUnconditionalUpdate: true,
};

export const persistentVolumeClaimStatusStrategy: Strategy = {
  defaults: defaultPVC,
  // ValidatePersistentVolumeClaimStatusUpdate; the capitalized path is upstream's.
  validateUpdate: (obj) => (specOf(obj).accessModes?.length ? [] : [required(root('Spec', 'accessModes'))]),
  canonicalize: canonicalizePVC,
  allowUnconditionalUpdate: true,
};
